"""The funding service: one entry point for the API and the conversation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from funding.dates import today_in_nl
from funding.evaluator import evaluate
from funding.facts import InvalidFactsError, validate_facts
from funding.rules import ALTERNATIVES_FILE, SCHEMES_DIR, Scheme, load_alternatives, load_schemes
from funding.schemas import (
    Alternative,
    Audience,
    EligibilityResult,
    InForce,
    Reason,
    SchemeSummary,
)

__all__ = [
    "InvalidFactsError",
    "UnknownSchemeError",
    "alternatives",
    "check_eligibility",
    "get_scheme",
    "list_schemes",
]


class UnknownSchemeError(LookupError):
    def __init__(self, scheme: str, known: Sequence[str]) -> None:
        self.known = list(known)
        super().__init__(f"unknown scheme; known schemes: {', '.join(self.known)}")


def get_scheme(scheme: str, *, schemes_dir: Path = SCHEMES_DIR) -> Scheme:
    schemes = load_schemes(schemes_dir)
    found = schemes.get(scheme)
    if found is None:
        raise UnknownSchemeError(scheme, list(schemes))
    return found


def check_eligibility(
    *,
    scheme: str,
    facts: Mapping[str, object],
    today: dt.date | None = None,
    ignore_unknown_facts: bool = False,
    schemes_dir: Path = SCHEMES_DIR,
    alternatives_file: Path = ALTERNATIVES_FILE,
) -> EligibilityResult:
    """Check the facts against a scheme's rules in force on the application date.

    ``application_date`` defaults to ``today`` (the date in the Netherlands).
    A fact the scheme does not know is an error, unless ``ignore_unknown_facts``
    (a conversation that collected facts for another scheme may pass them all).
    Raises UnknownSchemeError and InvalidFactsError.
    """
    spec = get_scheme(scheme, schemes_dir=schemes_dir)
    if ignore_unknown_facts:
        facts = {name: value for name, value in facts.items() if name in spec.facts}
    known = validate_facts(spec, facts, today=today or today_in_nl())
    evaluation = evaluate(spec, known)
    application_date = known["application_date"]
    assert isinstance(application_date, dt.date)
    suggestions = (
        alternatives(ids=spec.alternatives, path=alternatives_file)
        if evaluation.outcome == "not_eligible"
        else []
    )
    return EligibilityResult(
        scheme=spec.id,
        outcome=evaluation.outcome,
        amount_eur=evaluation.amount_eur,
        scheme_active=evaluation.active,
        reasons=[
            Reason(
                rule=result.rule.id,
                status=result.verdict.status,
                explanation=result.rule.explanation.for_status(result.verdict.status),
                source=result.rule.source,
            )
            for result in evaluation.results
        ],
        missing=evaluation.missing,
        scheme_name=spec.name,
        application_date=application_date,
        ended_on=spec.ended_on,
        amount_explanation=spec.amount.explanation if spec.amount else None,
        missing_for_amount=evaluation.missing_for_amount,
        notes=list(spec.notes),
        alternatives=suggestions,
    )


def list_schemes(
    *, today: dt.date | None = None, schemes_dir: Path = SCHEMES_DIR
) -> list[SchemeSummary]:
    day = today or today_in_nl()
    return [
        SchemeSummary(
            id=scheme.id,
            name=scheme.name,
            description=scheme.description,
            active=scheme.is_open(day),
            in_force=InForce(from_=scheme.period.from_, until=scheme.period.until),
            ended_on=scheme.ended_on,
            facts=list(scheme.facts),
            questions={name: fact.question for name, fact in scheme.facts.items()},
        )
        for scheme in load_schemes(schemes_dir).values()
    ]


def alternatives(
    *,
    audience: Audience | None = None,
    ids: Sequence[str] | None = None,
    path: Path = ALTERNATIVES_FILE,
) -> list[Alternative]:
    """What exists now to pay for training; ``ids`` keeps their order, ``audience`` filters."""
    items = load_alternatives(path)
    if ids is not None:
        by_id = {item.id: item for item in items}
        items = tuple(by_id[i] for i in ids if i in by_id)
    if audience is not None:
        items = tuple(i for i in items if audience in i.audience or "iedereen" in i.audience)
    return list(items)
