"""Read one user message into the profile: entities, button answers and cue words.

The NLU gives entity values; what they mean for the profile depends on the
clause they stand in ("ik werk in de kinderopvang" is current work, "ik wil de
zorg in" is the target) and on the question that is pending.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from advice import cues
from advice.intake import ANSWER_ENTITY
from advice.profile import EDUCATION_LEVELS, GOALS, LEARNING_MODES, TIMES, Fact, Profile

# Clauses: roles of sector/occupation words are read per clause.


@dataclass
class Reading:
    """What a message changed: the new profile and the facts that were corrected."""

    profile: Profile
    corrected: list[str] = field(default_factory=list)
    understood: bool = False


def _span(entity: dict[str, Any]) -> tuple[int, int]:
    start = int(entity.get("start", 0))
    return start, int(entity.get("end", start))


def _clause_of(text: str, start: int, end: int) -> str:
    """The clause around a span: from the previous break to the next."""
    before = text[:start]
    breaks = list(cues.CLAUSE_BREAK.finditer(before))
    left = breaks[-1].end() if breaks else 0
    after = cues.CLAUSE_BREAK.search(text, end)
    right = after.start() if after else len(text)
    return text[left:right]


def _role(text: str, entity: dict[str, Any], pending: Fact | None, profile: Profile) -> str:
    """ "target" or "current" for a sector/occupation/topic entity."""
    if pending == "target":
        return "target"
    if pending == "current_work":
        return "current"
    clause = _clause_of(text, *_span(entity))
    # "als pedagogisch medewerker doorgroeien": the job one has now.
    if profile.goal in ("doorgroeien", "bijscholen") and re.search(r"\bdoor ?groei", clause):
        return "current"
    if cues.TARGET_CUES.search(clause):
        return "target"
    if cues.CURRENT_CUES.search(clause):
        return "current"
    # A bare "zorg" with no cue: for goals that move, it is where to go.
    if profile.goal in ("doorgroeien", "bijscholen"):
        return "current" if not profile.has_current_work else "target"
    return "target" if profile.has_current_work or profile.goal else "current"


def _set(reading: Reading, name: str, value: Any) -> None:
    profile = reading.profile
    old = getattr(profile, name)
    if old is not None and old not in ([], False) and old != value:
        reading.corrected.append(name)
    setattr(profile, name, value)
    reading.understood = True


def _first(entities: Sequence[dict[str, Any]], name: str) -> dict[str, Any] | None:
    return next((e for e in entities if e.get("entity") == name), None)


def _value(entity: dict[str, Any] | None) -> str | None:
    if entity is None or entity.get("value") is None:
        return None
    return str(entity["value"]).strip().lower() or None


def read_message(
    profile: Profile,
    *,
    pending: Fact | None,
    intent: str,
    text: str,
    entities: Sequence[dict[str, Any]],
    today: dt.date,
) -> Reading:
    reading = Reading(profile=profile.model_copy(deep=True))
    lowered = text.lower()
    button = _value(_first(entities, ANSWER_ENTITY))
    if button is not None:
        _read_button(reading, pending, button)

    _read_roles(reading, lowered, entities, pending)
    _read_plain_entities(reading, lowered, entities, pending)
    _read_cues(reading, lowered, pending, today)
    if pending is not None:
        _read_pending(reading, pending, intent, lowered)
    return reading


def _read_button(reading: Reading, pending: Fact | None, value: str) -> None:
    kind, _, rest = value.partition(":")
    if value in GOALS:
        _set(reading, "goal", value)
    elif kind == "sector" and rest:
        _set(reading, "target_sector", rest)
    elif value == "no_work":
        _set(reading, "employment", "werkzoekend")
    elif kind == "dutch":
        _set(reading, "dutch_ok", rest == "yes")
    elif kind == "time" and rest in TIMES:
        _set(reading, "times", [rest])
    elif kind == "mode" and rest in LEARNING_MODES:
        _set(reading, "learning_mode", rest)
    elif kind == "payer" and rest in ("werkgever", "zelf"):
        _set(reading, "payer", rest)
    elif kind == "budget" and rest.isdigit():
        _set(reading, "budget_eur", int(rest))
    elif value in EDUCATION_LEVELS and pending == "education":
        _set(reading, "education", value)
    elif value.isdigit() and pending == "years_experience":
        _set(reading, "years_experience", int(value))
    elif value.isdigit() and pending == "hours":
        _set(reading, "hours_per_week", int(value))


def _read_roles(
    reading: Reading, text: str, entities: Sequence[dict[str, Any]], pending: Fact | None
) -> None:
    for entity in entities:
        name, value = entity.get("entity"), _value(entity)
        if name not in ("sector", "occupation", "topic") or value is None:
            continue
        role = _role(text, entity, pending, reading.profile)
        if name == "topic" and (pending == "dutch" or cues.SPEAKING.search(text)):
            # "ik spreek nog niet goed Nederlands" is about the person, not a course wish.
            continue
        if name == "topic":
            if role == "current" and cues.WORKS.search(_clause_of(text, *_span(entity))):
                # "ik werk in de bibliotheek": the topic names the field one works in.
                _set(reading, "current_sector", value)
                reading.profile.employment = reading.profile.employment or "werkend"
            else:
                _set(reading, "target_topic", value)
        elif role == "target":
            _set(reading, f"target_{name}", value)
        else:
            _set(reading, f"current_{name}", value)
            if reading.profile.employment is None:
                reading.profile.employment = "werkend"


def _read_plain_entities(
    reading: Reading, text: str, entities: Sequence[dict[str, Any]], pending: Fact | None
) -> None:
    for entity in entities:
        name, value = entity.get("entity"), _value(entity)
        if value is None:
            continue
        if name == "age" and pending == "years_experience":
            # "ongeveer 20 jaar" answers the experience question, not the age.
            continue
        if name == "location":
            _set(reading, "location", value)
        elif name == "age" and value.isdigit():
            _set(reading, "age", int(value))
        elif name == "hours_per_week" and value.isdigit():
            _set(reading, "hours_per_week", int(value))
        elif name == "learning_mode":
            if value in TIMES:
                if value not in reading.profile.times:
                    reading.profile.times = [*reading.profile.times, value]
                    reading.understood = True
            elif value in LEARNING_MODES:
                _set(reading, "learning_mode", value)
        elif name == "education_level" and value in EDUCATION_LEVELS:
            clause = _clause_of(text, *_span(entity))
            # "ik wil niveau 4 halen" is a target, not the diploma one has;
            # "geen werk" says nothing about diplomas.
            wanted = re.search(r"\b(wil|halen|worden)\b", clause)
            no_diploma = value != "geen" or re.search(r"diploma|school|opleiding", clause)
            if pending == "education" or (not wanted and no_diploma):
                _set(reading, "education", value)


def _read_cues(reading: Reading, text: str, pending: Fact | None, today: dt.date) -> None:
    profile = reading.profile
    if profile.goal is None or pending == "goal":
        for goal, cue in cues.GOAL_CUES:
            if cue.search(text):
                _set(reading, "goal", goal)
                break
    if cues.JOB_AT_RISK.search(text):
        profile.job_at_risk = True
        profile.employment = profile.employment or "werkend"
        if profile.goal is None:
            profile.goal = "omscholen"
        reading.understood = True
    seeker = cues.SEEKER.search(text)
    if seeker and not cues.JOB_AT_RISK.search(text):
        profile.employment = "werkzoekend"
        word = seeker.group(1)
        if word in ("ww",):
            profile.benefit = "ww"
        elif word == "bijstand":
            profile.benefit = "bijstand"
        reading.understood = True
    if profile.goal == "werk_vinden" and profile.employment is None:
        profile.employment = "werkzoekend"
    if cues.NEWCOMER.search(text):
        profile.newcomer = True
        reading.understood = True
    if cues.DUTCH_WEAK.search(text):
        _set(reading, "dutch_ok", False)
    for payer, cue in cues.PAYER_CUES:
        if cue.search(text):
            _set(reading, "payer", payer)
            break
    for mode, cue in cues.MODE_CUES:
        if cue.search(text):
            _set(reading, "learning_mode", mode)
            break
    years = _years(text, today)
    if years is not None and (pending == "years_experience" or profile.has_current_work):
        _set(reading, "years_experience", years)
    if re.search(r"\bgeen (mbo-?)?diploma\b|\bschool niet afgemaakt\b", text):
        _set(reading, "education", "geen")


def _years(text: str, today: dt.date) -> int | None:
    since = cues.SINCE.search(text)
    if since:
        return max(0, today.year - int(since.group(1)))
    # "45 jaar" next to "ik ben" is an age, not experience.
    for match in cues.YEARS.finditer(text):
        if not re.search(r"\bben\s*$|\bben ik\s*$", text[: match.start()]):
            return int(match.group(1))
    words = cues.WORD_YEARS.search(text)
    if words:
        return cues.NUMBER_WORDS[words.group(1)]
    if re.search(r"\bpas (net|kort)\b", text):
        return 0
    return None


def _read_pending(reading: Reading, pending: Fact, intent: str, text: str) -> None:
    """Answers that only make sense as the answer to the pending question."""
    profile = reading.profile
    if intent == "dont_know" or cues.NO_PREFERENCE.search(text) or cues.DONT_KNOW.search(text):
        if pending not in profile.skipped:
            profile.skipped = [*profile.skipped, pending]
        reading.understood = True
        return
    number = _number(text)
    if pending == "hours" and profile.hours_per_week is None:
        days = cues.DAYS.search(text)
        if days:
            count = cues.NUMBER_WORDS.get(days.group(1)) or int(days.group(1))
            _set(reading, "hours_per_week", 8 * count)
        elif re.search(r"\b(fulltime|voltijd|hele week)\b", text):
            _set(reading, "hours_per_week", 40)
        elif number is not None and 0 < number <= 60:
            _set(reading, "hours_per_week", number)
    elif pending == "years_experience" and profile.years_experience is None:
        if number is not None and number < 60:
            _set(reading, "years_experience", number)
    elif pending == "budget" and profile.budget_eur is None:
        if cues.NOTHING.search(text):
            _set(reading, "budget_eur", 0)
        elif number is not None:
            _set(reading, "budget_eur", number)
    elif pending == "payer" and profile.payer is None:
        if intent == "affirm":
            _set(reading, "payer", "werkgever")
        elif intent == "deny":
            _set(reading, "payer", "zelf")
    elif pending == "dutch" and profile.dutch_ok is None:
        if intent == "affirm" or (
            cues.DUTCH_GOOD.search(text) and not re.search(r"\bniet\b", text)
        ):
            _set(reading, "dutch_ok", True)
        elif intent == "deny" or re.search(r"\b(beetje|niet|slecht|weinig)\b", text):
            _set(reading, "dutch_ok", False)
    elif pending == "current_work" and not profile.has_current_work:
        if re.search(r"\b(nee|niks|niets|geen)\b", text):
            _set(reading, "employment", "werkzoekend")
        else:
            # A job the vocabulary does not know is still the answer: keep the words.
            job = cues.JOB_LEAD.sub("", text).strip(" .!?")
            if job and intent in ("inform", "nlu_fallback", "search_course"):
                _set(reading, "current_occupation", job[:60])
                profile.employment = "werkend"
    elif pending == "times" and not profile.times:
        found = [t for t in TIMES if t in text]
        if found:
            _set(reading, "times", found)


def _number(text: str) -> int | None:
    match = cues.AMOUNT.search(text)
    if match:
        return int(match.group(1).replace(".", ""))
    for word, value in cues.NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return value
    return None
