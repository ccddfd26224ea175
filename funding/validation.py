"""Consistency checks of a scheme file beyond types: facts, operators, dates, versions.

They run inside the Scheme model's validator, so a broken file never loads.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from funding.conditions import (
    AGE_FACT,
    BIRTH_DATE_FACT,
    AgeLimit,
    Between,
    Compare,
    Condition,
    DateExpr,
    InWindow,
    Member,
    Truth,
    Value,
    leaf_conditions,
    referenced_facts,
)

if TYPE_CHECKING:
    from funding.rules import CappedFactAmount, FactSpec, FactTableAmount, Period, Rule


def check_windows(windows: list[Period]) -> None:
    for earlier, later in itertools.pairwise(windows):
        if earlier.until is None or later.from_ is None or earlier.until >= later.from_:
            raise ValueError("application_windows must be in date order and must not overlap")


def check_versions(rules: list[Rule]) -> None:
    for index, rule in enumerate(rules):
        for other in rules[index + 1 :]:
            if other.id == rule.id and other.in_force.overlaps(rule.in_force):
                raise ValueError(f"rule {rule.id!r} has versions whose in_force periods overlap")


def check_rule(rule: Rule, facts: dict[str, FactSpec]) -> None:
    where = f"rule {rule.id!r}"
    undeclared = sorted(set(rule.needs) - set(facts))
    if undeclared:
        raise ValueError(f"{where} needs undeclared facts {undeclared}")
    unlisted = sorted(referenced_facts(rule.condition) - set(rule.needs))
    if unlisted:
        raise ValueError(f"{where}: its condition reads {unlisted}, which needs does not list")
    for leaf in leaf_conditions(rule.condition):
        _check_leaf(leaf, facts, where)


def _check_leaf(leaf: Condition, facts: dict[str, FactSpec], where: str) -> None:
    if isinstance(leaf, AgeLimit):
        _expect(facts, AGE_FACT, {"integer"}, where)
        _expect(facts, BIRTH_DATE_FACT, {"date"}, where)
        _expect(facts, leaf.at, {"date"}, where)
        return
    if isinstance(leaf, Truth):
        _expect(facts, leaf.fact, {"boolean"}, where)
    elif isinstance(leaf, InWindow):
        _expect(facts, leaf.fact, {"date"}, where)
    elif isinstance(leaf, Member):
        spec = _expect(facts, leaf.fact, {"enum", "integer"}, where)
        unknown = sorted(str(v) for v in leaf.values if spec.values and v not in spec.values)
        if unknown:
            raise ValueError(f"{where} names values {unknown} that {leaf.fact} does not have")
    elif isinstance(leaf, Compare | Between):
        spec = _expect(facts, leaf.fact, {"date", "integer", "number"}, where)
        bounds = [leaf.value] if isinstance(leaf, Compare) else [leaf.min, leaf.max]
        for bound in bounds:
            if bound is not None:
                _check_bound(bound, spec, facts, where)


def _check_bound(bound: Value, spec: FactSpec, facts: dict[str, FactSpec], where: str) -> None:
    if isinstance(bound, DateExpr):
        if spec.type != "date":
            raise ValueError(f"{where} compares a {spec.type} fact with a date expression")
        _expect(facts, bound.anchor, {"date"}, where)
    elif spec.type == "date" and not isinstance(bound, dt.date):
        raise ValueError(f"{where} compares a date fact with {bound!r}")
    elif spec.type != "date" and (isinstance(bound, bool) or not isinstance(bound, int | float)):
        raise ValueError(f"{where} compares a {spec.type} fact with {bound!r}")


def _expect(facts: dict[str, FactSpec], name: str, types: set[str], where: str) -> FactSpec:
    spec = facts.get(name)
    if spec is None:
        raise ValueError(f"{where} reads the undeclared fact {name!r}")
    if spec.type not in types:
        raise ValueError(f"{where} cannot use {name!r} ({spec.type}) here")
    return spec


def check_amount(amount: CappedFactAmount | FactTableAmount, facts: dict[str, FactSpec]) -> None:
    where = "amount"
    if amount.kind == "capped_fact":
        _expect(facts, amount.fact, {"number", "integer"}, where)
        return
    spec = _expect(facts, amount.fact, {"enum"}, where)
    unknown = sorted(set(amount.values) - set(spec.values or ()))
    if unknown:
        raise ValueError(f"amount names values {unknown} that {amount.fact} does not have")
