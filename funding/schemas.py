"""API shapes of the funding check (contracts.md section 4) and its extensions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Outcome = Literal["eligible", "not_eligible", "unknown"]
RuleStatus = Literal["pass", "fail", "unknown"]
Audience = Literal["iedereen", "werkenden", "werkzoekenden", "werkgevers"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Note(BaseModel):
    """Something true about a scheme that no fact can check (completion, budget caps)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: Text
    source: Text


class Alternative(BaseModel):
    """A current way to pay for training, shown when a scheme does not fit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: Text
    text: Text
    audience: list[Audience] = Field(min_length=1)
    source: Text
    url: str | None = None
    # Set when the alternative is itself a scheme that /api/funding can check.
    scheme: str | None = None


class Reason(BaseModel):
    rule: str
    status: RuleStatus
    explanation: str
    source: str


class EligibilityResult(BaseModel):
    scheme: str
    outcome: Outcome
    amount_eur: float | None
    scheme_active: bool
    reasons: list[Reason]
    missing: list[str]
    # Extensions: everything below may be ignored by clients of the contract.
    scheme_name: str
    application_date: dt.date
    ended_on: dt.date | None = None
    amount_explanation: str | None = None
    # Facts that only change the amount, not the outcome (the course price).
    missing_for_amount: list[str] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)


class InForce(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None


class SchemeSummary(BaseModel):
    id: str
    name: str
    description: str
    active: bool
    in_force: InForce
    ended_on: dt.date | None
    facts: list[str]
    # The Dutch question for each fact, so a channel can ask without its own texts.
    questions: dict[str, str]


class SchemeList(BaseModel):
    schemes: list[SchemeSummary]
