"""One evaluator for every scheme: the rules in force on the application date, three-valued.

Each rule passes, fails, or is unknown because facts are missing. The
outcome: ``not_eligible`` as soon as one rule fails (even with facts missing),
otherwise ``unknown`` while a rule is unknown, otherwise ``eligible``.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from funding.conditions import (
    AGE_FACT,
    BIRTH_DATE_FACT,
    AgeLimit,
    AllOf,
    AnyOf,
    Between,
    Compare,
    Condition,
    DateExpr,
    InWindow,
    Member,
    Truth,
    Value,
)
from funding.dates import add_months, end_of_month, reaches_age_on
from funding.rules import APPLICATION_DATE, CappedFactAmount, Rule, Scheme
from funding.schemas import Outcome, RuleStatus

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
# Reasons that decide come first: the bot can say the first one.
_STATUS_ORDER: dict[RuleStatus, int] = {"fail": 0, "unknown": 1, "pass": 2}


@dataclass(frozen=True)
class Verdict:
    status: RuleStatus
    missing: frozenset[str] = frozenset()


PASS = Verdict("pass")
FAIL = Verdict("fail")


def _unknown(facts: set[str] | frozenset[str]) -> Verdict:
    return Verdict("unknown", frozenset(facts))


def _truth(ok: bool) -> Verdict:
    return PASS if ok else FAIL


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    verdict: Verdict


@dataclass(frozen=True)
class Evaluation:
    outcome: Outcome
    active: bool
    results: list[RuleResult]
    missing: list[str]
    amount_eur: float | None
    missing_for_amount: list[str]


class _Missing:
    """A value that depends on facts nobody gave yet."""

    def __init__(self, facts: set[str]) -> None:
        self.facts = facts


class _Undefined:
    """A value that cannot exist (the end of a window the date is not in)."""


_UNDEFINED = _Undefined()


@dataclass(frozen=True)
class _Context:
    scheme: Scheme
    facts: Mapping[str, object]

    def date(self, name: str) -> dt.date | None:
        value = self.facts.get(name)
        return value if isinstance(value, dt.date) else None


def _resolve(value: Value | None, ctx: _Context) -> object:
    if not isinstance(value, DateExpr):
        return value
    anchor = ctx.date(value.anchor)
    if anchor is None:
        return _Missing({value.anchor})
    if value.window_end_of is not None:
        window = ctx.scheme.window_for(anchor)
        if window is None or window.until is None:
            return _UNDEFINED
        anchor = window.until
    day = add_months(anchor, value.add_months) + dt.timedelta(days=value.add_days)
    return end_of_month(day) if value.end_of_month else day


def _bounded(fact: str, bounds: list[tuple[str, Value | None]], ctx: _Context) -> Verdict:
    resolved = [(op, _resolve(bound, ctx)) for op, bound in bounds if bound is not None]
    missing = {f for _, v in resolved if isinstance(v, _Missing) for f in v.facts}
    value = ctx.facts.get(fact)
    if value is None:
        missing.add(fact)
    if missing:
        return _unknown(missing)
    # A bound that cannot exist cannot be met: no window, no valid start date.
    if any(v is _UNDEFINED for _, v in resolved):
        return FAIL
    return _truth(all(_COMPARE[op](value, v) for op, v in resolved))


def _age(condition: AgeLimit, ctx: _Context) -> Verdict:
    at = ctx.date(condition.at)
    if at is None:
        return _unknown({condition.at})
    years, months = condition.years, condition.months
    birth_date = ctx.date(BIRTH_DATE_FACT)
    age = ctx.facts.get(AGE_FACT)
    if birth_date is not None:
        reached = at >= reaches_age_on(birth_date, years=years, months=months)
    elif not isinstance(age, int):
        return _unknown({AGE_FACT})
    elif age > years or (age == years and months == 0):
        reached = True
    elif age < years:
        reached = False
    else:
        # "66" may be before or after 66 years and 7 months: only the birth date tells.
        return _unknown({BIRTH_DATE_FACT})
    return _truth(reached if condition.op == "age_at_least" else not reached)


def check(condition: Condition, ctx: _Context) -> Verdict:
    if isinstance(condition, AllOf | AnyOf):
        return _combine([check(c, ctx) for c in condition.conditions], every=condition.op == "all")
    if isinstance(condition, AgeLimit):
        return _age(condition, ctx)
    if isinstance(condition, Compare):
        return _bounded(condition.fact, [(condition.op, condition.value)], ctx)
    if isinstance(condition, Between):
        bounds = [(">=", condition.min), ("<=", condition.max)]
        return _bounded(condition.fact, bounds, ctx)
    value = ctx.facts.get(condition.fact)
    if value is None:
        return _unknown({condition.fact})
    if isinstance(condition, Truth):
        return _truth(value is (condition.op == "is_true"))
    if isinstance(condition, Member):
        return _truth((value in condition.values) == (condition.op == "in"))
    assert isinstance(condition, InWindow)
    return _truth(isinstance(value, dt.date) and ctx.scheme.is_open(value))


def _combine(verdicts: list[Verdict], *, every: bool) -> Verdict:
    decisive, other = (FAIL, PASS) if every else (PASS, FAIL)
    if decisive in verdicts:
        return decisive
    unknown = [v for v in verdicts if v.status == "unknown"]
    if unknown:
        return _unknown(frozenset().union(*(v.missing for v in unknown)))
    return other


def _amount(
    scheme: Scheme, facts: Mapping[str, object], outcome: Outcome
) -> tuple[float | None, list[str]]:
    spec = scheme.amount
    if spec is None or outcome == "not_eligible":
        return None, []
    value = facts.get(spec.fact)
    if value is None:
        return None, [spec.fact]
    if isinstance(spec, CappedFactAmount):
        assert isinstance(value, int | float)
        return min(float(value), spec.cap), []
    return spec.values.get(str(value)), []


def evaluate(scheme: Scheme, facts: Mapping[str, object]) -> Evaluation:
    """Evaluate validated facts (``application_date`` always set) against a scheme."""
    day = facts[APPLICATION_DATE]
    assert isinstance(day, dt.date)
    ctx = _Context(scheme=scheme, facts=facts)
    results = [RuleResult(rule, check(rule.condition, ctx)) for rule in scheme.rules_in_force(day)]
    statuses = {result.verdict.status for result in results}
    missing: list[str] = []
    if "fail" in statuses:
        outcome: Outcome = "not_eligible"
    elif "unknown" in statuses:
        outcome = "unknown"
        wanted = set().union(*(r.verdict.missing for r in results))
        missing = sorted(wanted, key=lambda name: scheme.fact_rank[name])
    else:
        outcome = "eligible"
    amount, amount_missing = _amount(scheme, facts, outcome)
    ordered = sorted(results, key=lambda r: _STATUS_ORDER[r.verdict.status])
    return Evaluation(
        outcome=outcome,
        active=scheme.is_open(day),
        results=ordered,
        missing=missing,
        amount_eur=amount,
        missing_for_amount=[f for f in amount_missing if f not in missing],
    )
