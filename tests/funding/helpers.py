"""Shared by the table-driven rule tests of every scheme."""

from __future__ import annotations

from collections.abc import Mapping

from funding.schemas import EligibilityResult


def override(base: dict[str, object], changes: Mapping[str, object]) -> dict[str, object]:
    """Base facts with `changes` applied; None drops a fact, and a birth date
    replaces the default age so that the two never disagree."""
    facts = {**base, **changes}
    if "birth_date" in changes and "age" not in changes:
        del facts["age"]
    return {name: value for name, value in facts.items() if value is not None}


def status_of(result: EligibilityResult, rule: str) -> str | None:
    return next((r.status for r in result.reasons if r.rule == rule), None)
