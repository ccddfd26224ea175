"""The one typed state of a conversation: what is known, what is going on, what was shown.

Rasa stores it in one slot (`dialogue`); only `dialogue.step` decides a new
one. Everything else (the actions, the console, the plan) reads it through
this module.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advice.profile import Fact, Profile

SLOT = "dialogue"

# Where a fact came from: what the person typed, a button they pressed, what a
# counsellor corrected in the console, or what the bot concluded from another fact.
Source = Literal["typed", "button", "counsellor", "inferred"]
# What the conversation is doing now.
Task = Literal["idle", "search", "intake", "funding", "advice_given"]
# Which kind of question waits for an answer.
QuestionKind = Literal["intake", "funding", "erase"]


# Flags whose False means "not said"; other yes/no facts (dutch_ok, has_employer) keep False.
FLAGS = frozenset({"job_at_risk", "newcomer", "foreign_diploma"})


def _empty(name: str, value: Any) -> bool:
    """Not known: None, an empty list or a flag not set (0 is a value: "niks" is € 0)."""
    if value is None or (isinstance(value, list) and not value):
        return True
    return value is False and name in FLAGS


class KnownFact(BaseModel):
    """One fact about the person, with its exact words ("meer dan 5 jaar", not 6)."""

    model_config = ConfigDict(extra="ignore")

    value: Any
    said: str | None = None
    source: Source = "typed"


class Pending(BaseModel):
    """The question that waits for an answer and how it went so far."""

    model_config = ConfigDict(extra="ignore")

    kind: QuestionKind
    fact: str
    asked: int = 1
    # Answers that could not be read; at two the bot stops asking (no loops).
    misses: int = 0


class LastSearch(BaseModel):
    """The search last shown, so "meer", "alleen BBL" or "in Tilburg" can refine it."""

    model_config = ConfigDict(extra="ignore")

    q: str | None = None
    sector: str | None = None
    not_sectors: list[str] = []
    level: int | None = None
    mode: str | None = None
    place: str | None = None
    # The place as the person wrote it ("den bosch"), for the reply.
    place_said: str | None = None
    radius_km: float | None = None
    offset: int = 0
    total: int = 0
    shown: list[int] = []


class FundingCheck(BaseModel):
    """The funding check in progress or last given."""

    model_config = ConfigDict(extra="ignore")

    scheme: str | None = None
    facts: dict[str, Any] = {}
    skipped: list[str] = []
    outcome: str | None = None
    course_id: int | None = None


class DialogueState(BaseModel):
    model_config = ConfigDict(extra="ignore")

    facts: dict[str, KnownFact] = {}
    # Intake questions answered with "weet ik niet" or skipped after two misses.
    skipped: list[str] = []
    task: Task = "idle"
    pending: Pending | None = None
    # The intake question a funding check or erase question interrupted.
    resume: str | None = None
    search: LastSearch | None = None
    funding: FundingCheck = Field(default_factory=FundingCheck)
    paths: list[str] = []
    # Messages in a row the bot did not understand (outside a question).
    unclear: int = 0

    # --- facts -----------------------------------------------------------

    def profile(self) -> Profile:
        """The facts as the advice's Profile (its planner and intake read that)."""
        values = {name: fact.value for name, fact in self.facts.items()}
        years = self.said("years_experience")
        if years is not None and not years[:1].isdigit():
            values["years_said"] = years.removeprefix("al ")
        try:
            return Profile.model_validate(
                {**values, "skipped": list(self.skipped), "planned": bool(self.paths)}
            )
        except ValidationError:
            # A value the profile cannot hold (an old state): leave that fact out.
            valid = Profile().model_dump()
            for name, value in values.items():
                try:
                    Profile.model_validate({name: value})
                except ValidationError:
                    continue
                valid[name] = value
            return Profile.model_validate({**valid, "skipped": list(self.skipped)})

    def value(self, name: str) -> Any:
        fact = self.facts.get(name)
        return fact.value if fact is not None else None

    def said(self, name: str) -> str | None:
        """The person's own words for a fact, else its value as text."""
        fact = self.facts.get(name)
        if fact is None:
            return None
        if fact.said:
            return fact.said
        return None if fact.value is None else str(fact.value)

    def learn(self, name: str, value: Any, *, said: str | None, source: Source) -> bool:
        """Store a fact; True when it changed what was known."""
        if _empty(name, value):
            return self.forget(name)
        old = self.facts.get(name)
        if old is not None and old.value == value and (said is None or old.said == said):
            return False
        self.facts[name] = KnownFact(value=value, said=said, source=source)
        return old is None or old.value != value

    def forget(self, name: str) -> bool:
        return self.facts.pop(name, None) is not None

    def skip(self, fact: Fact | str) -> None:
        if fact not in self.skipped:
            self.skipped.append(fact)

    # --- questions -------------------------------------------------------

    def ask(self, kind: QuestionKind, fact: str) -> Pending:
        """The question `fact` waits now; asked again, its count goes up."""
        if self.pending is not None and (self.pending.kind, self.pending.fact) == (kind, fact):
            self.pending.asked += 1
        else:
            self.pending = Pending(kind=kind, fact=fact)
        return self.pending

    def dump(self) -> dict[str, Any]:
        """What Rasa stores: only what differs from a new conversation."""
        return self.model_dump(mode="json", exclude_defaults=True)


def load_state(value: Any) -> DialogueState:
    """The stored state; a damaged value starts afresh rather than failing the turn."""
    if isinstance(value, dict):
        try:
            return DialogueState.model_validate(value)
        except ValidationError:
            return DialogueState()
    return DialogueState()


def state_of_slots(slots: dict[str, Any] | None) -> DialogueState:
    """The state in a tracker's slots (as Rasa's HTTP API returns them)."""
    return load_state((slots or {}).get(SLOT))
