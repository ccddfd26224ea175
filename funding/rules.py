"""Scheme files (``funding/schemes/*.yml``) loaded into validated, typed models.

One YAML file is one scheme: its facts, its application windows, its rules
(several dated versions of one rule share an ``id``), its amount and notes.
Everything a scheme needs is data, so a new scheme is a new file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from funding.conditions import Condition
from funding.schemas import Alternative, Note, RuleStatus, Text
from funding.validation import check_amount, check_rule, check_versions, check_windows

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMES_DIR = PACKAGE_DIR / "schemes"
ALTERNATIVES_FILE = PACKAGE_DIR / "alternatives.yml"
# Every scheme has it: rule versions are picked by it and it defaults to today.
APPLICATION_DATE = "application_date"
Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class SchemeFileError(ValueError):
    """A scheme or alternatives file that does not load; the message names the file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Period(_Strict):
    """Inclusive dates; a missing end is open."""

    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.from_ and self.until and self.from_ > self.until:
            raise ValueError(f"period starts ({self.from_}) after it ends ({self.until})")
        return self

    def contains(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (
            self.until is None or day <= self.until
        )

    def overlaps(self, other: Period) -> bool:
        starts_before_other_ends = (
            self.from_ is None or other.until is None or self.from_ <= other.until
        )
        ends_after_other_starts = (
            self.until is None or other.from_ is None or other.from_ <= self.until
        )
        return starts_before_other_ends and ends_after_other_starts


class FactSpec(_Strict):
    type: Literal["date", "integer", "number", "boolean", "enum"]
    description: Text
    question: Text
    # Ordering of `missing`: most decisive first (1 = an answer that often ends the
    # check), then easiest (1 = known by heart, 3 = needs looking up or counting).
    priority: int = Field(ge=1, le=9)
    ease: int = Field(ge=1, le=3)
    values: list[Identifier] | None = None
    minimum: float | None = None
    maximum: float | None = None
    default: Literal["today"] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> FactSpec:
        if (self.type == "enum") != bool(self.values):
            raise ValueError("values are required for enum facts and only for them")
        if self.default and self.type != "date":
            raise ValueError("default: today is for date facts only")
        if (self.minimum is not None or self.maximum is not None) and self.type not in {
            "integer",
            "number",
        }:
            raise ValueError("minimum and maximum are for integer and number facts only")
        return self


class Explanations(_Strict):
    pass_: Text = Field(alias="pass")
    fail: Text
    unknown: Text

    def for_status(self, status: RuleStatus) -> str:
        return {"pass": self.pass_, "fail": self.fail, "unknown": self.unknown}[status]


class Rule(_Strict):
    id: Identifier
    in_force: Period = Period()
    needs: list[str] = Field(min_length=1)
    condition: Condition
    explanation: Explanations
    source: Text


class CappedFactAmount(_Strict):
    """The fact's value, at most ``cap`` (STAP: the course price up to EUR 1,000)."""

    kind: Literal["capped_fact"]
    fact: str
    cap: float = Field(ge=0)
    explanation: Text
    source: Text


class FactTableAmount(_Strict):
    """An amount per value of an enum fact (the loan: a tuition cap per kind of programme)."""

    kind: Literal["by_fact"]
    fact: str
    values: dict[str, float]
    explanation: Text
    source: Text


Amount = Annotated[CappedFactAmount | FactTableAmount, Field(discriminator="kind")]


class Scheme(_Strict):
    id: Identifier
    name: Text
    description: Text
    regulation: Text
    ended_on: dt.date | None = None
    application_windows: list[Period] = Field(min_length=1)
    windows_source: Text
    facts: dict[Identifier, FactSpec] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    amount: Amount | None = None
    notes: list[Note] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        date_spec = self.facts.get(APPLICATION_DATE)
        if date_spec is None or date_spec.type != "date" or date_spec.default != "today":
            raise ValueError(f"facts must declare {APPLICATION_DATE} (type date, default today)")
        check_windows(self.application_windows)
        for rule in self.rules:
            check_rule(rule, self.facts)
        check_versions(self.rules)
        if self.amount is not None:
            check_amount(self.amount, self.facts)
        return self

    def window_for(self, day: dt.date) -> Period | None:
        return next((w for w in self.application_windows if w.contains(day)), None)

    def is_open(self, day: dt.date) -> bool:
        return self.window_for(day) is not None

    @property
    def period(self) -> Period:
        first, last = self.application_windows[0], self.application_windows[-1]
        return Period(from_=first.from_, until=last.until)

    def rules_in_force(self, day: dt.date) -> list[Rule]:
        return [rule for rule in self.rules if rule.in_force.contains(day)]

    @cached_property
    def fact_rank(self) -> dict[str, tuple[int, int, int]]:
        """Sort key of `missing`: priority, then ease, then the order in the file."""
        return {
            name: (spec.priority, spec.ease, index)
            for index, (name, spec) in enumerate(self.facts.items())
        }


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SchemeFileError(f"{path}: {error}") from error


def load_scheme(path: Path) -> Scheme:
    try:
        scheme = Scheme.model_validate(_read_yaml(path))
    except ValidationError as error:
        raise SchemeFileError(f"{path}: {error}") from error
    if scheme.id != path.stem:
        raise SchemeFileError(f"{path}: id {scheme.id!r} must equal the file name")
    return scheme


@lru_cache(maxsize=8)
def load_schemes(directory: Path = SCHEMES_DIR) -> Mapping[str, Scheme]:
    """Every ``*.yml`` in the directory, by scheme id, in file-name order.

    Cached: the files are read once per process, so edits need a restart.
    """
    schemes = {path.stem: load_scheme(path) for path in sorted(directory.glob("*.yml"))}
    if not schemes:
        raise SchemeFileError(f"{directory}: no scheme files (*.yml)")
    return MappingProxyType(schemes)


class _Alternatives(_Strict):
    alternatives: list[Alternative] = Field(min_length=1)


@lru_cache(maxsize=4)
def load_alternatives(path: Path = ALTERNATIVES_FILE) -> tuple[Alternative, ...]:
    try:
        items = _Alternatives.model_validate(_read_yaml(path)).alternatives
    except ValidationError as error:
        raise SchemeFileError(f"{path}: {error}") from error
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)):
        raise SchemeFileError(f"{path}: alternative ids must be unique")
    return tuple(items)
