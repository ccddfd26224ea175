"""The small declarative condition language of the scheme files.

A rule's ``condition`` is one of these shapes (``op`` selects it):

- ``{fact: age, op: ">=", value: 18}``: compare a fact (``==``, ``!=``, ``<``,
  ``<=``, ``>``, ``>=``) with a literal or a date expression;
- ``{fact: course_start_date, op: between, min: ..., max: ...}``: inclusive, either
  bound may be left out;
- ``{fact: course_kind, op: in, values: [...]}`` and ``not_in``;
- ``{fact: course_abroad, op: is_true}`` and ``is_false``;
- ``{fact: application_date, op: in_window}``: inside one of the scheme's
  application windows;
- ``{op: age_at_least, years: 18}`` and ``{op: age_below, years: 66, months: 7}``:
  read ``birth_date`` (exact) or else ``age`` (whole years) on the date fact ``at``
  (default ``application_date``);
- ``{op: all, conditions: [...]}`` and ``{op: any, conditions: [...]}``.

A date expression is ``{ref: <date fact>}`` or ``{window_end_of: <date fact>}``
(the last day of the application window that holds that date), optionally
moved by ``add_days`` / ``add_months`` and rounded up with ``end_of_month``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

AGE_FACT = "age"
BIRTH_DATE_FACT = "birth_date"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DateExpr(_Strict):
    ref: str | None = None
    window_end_of: str | None = None
    add_days: int = 0
    add_months: int = 0
    end_of_month: bool = False

    @model_validator(mode="after")
    def _one_anchor(self) -> DateExpr:
        if (self.ref is None) == (self.window_end_of is None):
            raise ValueError("a date expression needs exactly one of ref or window_end_of")
        return self

    @property
    def anchor(self) -> str:
        anchor = self.ref or self.window_end_of
        assert anchor is not None
        return anchor


# Smart-mode unions keep YAML's own types: a date stays a date, a bool a bool.
Scalar = bool | int | float | dt.date | str
Value = DateExpr | Scalar


class Compare(_Strict):
    fact: str
    op: Literal["==", "!=", "<", "<=", ">", ">="]
    value: Value


class Between(_Strict):
    fact: str
    op: Literal["between"]
    min: Value | None = None
    max: Value | None = None

    @model_validator(mode="after")
    def _a_bound(self) -> Between:
        if self.min is None and self.max is None:
            raise ValueError("between needs min, max or both")
        return self


class Member(_Strict):
    fact: str
    op: Literal["in", "not_in"]
    values: list[str | int] = Field(min_length=1)


class Truth(_Strict):
    fact: str
    op: Literal["is_true", "is_false"]


class InWindow(_Strict):
    fact: str
    op: Literal["in_window"]


class AgeLimit(_Strict):
    op: Literal["age_at_least", "age_below"]
    years: int = Field(ge=0, le=130)
    months: int = Field(default=0, ge=0, le=11)
    # Not "on": YAML 1.1 reads a bare on as true.
    at: str = "application_date"


class AllOf(_Strict):
    op: Literal["all"]
    conditions: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    op: Literal["any"]
    conditions: list[Condition] = Field(min_length=1)


Condition = Annotated[
    Compare | Between | Member | Truth | InWindow | AgeLimit | AllOf | AnyOf,
    Field(discriminator="op"),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


def value_facts(value: Value | None) -> set[str]:
    return {value.anchor} if isinstance(value, DateExpr) else set()


def referenced_facts(condition: Condition) -> set[str]:
    """Every fact a condition reads (the loader checks them against ``needs``)."""
    if isinstance(condition, AllOf | AnyOf):
        return set().union(*(referenced_facts(c) for c in condition.conditions))
    if isinstance(condition, AgeLimit):
        return {condition.at, AGE_FACT, BIRTH_DATE_FACT}
    if isinstance(condition, Compare):
        return {condition.fact} | value_facts(condition.value)
    if isinstance(condition, Between):
        return {condition.fact} | value_facts(condition.min) | value_facts(condition.max)
    return {condition.fact}


def leaf_conditions(condition: Condition) -> list[Condition]:
    if isinstance(condition, AllOf | AnyOf):
        return [leaf for c in condition.conditions for leaf in leaf_conditions(c)]
    return [condition]
