"""One message into facts about the person: entities by their role, answers, cue words.

The NLU gives entity values; what they mean depends on the clause they stand in
("ik werk in de kinderopvang" is current work, "ik wil de zorg in" the
target, "niet de zorg" a field ruled out) and on the question that waits.
"""

from __future__ import annotations

import datetime as dt
import re

from advice.intake import QUESTIONS
from advice.profile import EDUCATION_LEVELS, GOALS, LEARNING_MODES, TIMES
from catalogue.sectors import CANONICAL_SECTORS
from dialogue import cues
from dialogue.found import Found
from dialogue.heard import Entity, Heard
from dialogue.intake_answers import read_answer
from dialogue.reading import (
    normalise,
    own_words,
    read_amount,
    read_education,
    read_times,
    read_years,
)
from dialogue.reading.words import CLAUSE_BREAK
from dialogue.state import DialogueState, Source


def _clause(text: str, start: int, end: int) -> str:
    before = text[:start]
    breaks = list(CLAUSE_BREAK.finditer(before.lower()))
    left = breaks[-1].end() if breaks else 0
    after = CLAUSE_BREAK.search(text.lower(), end)
    right = after.start() if after else len(text)
    return normalise(text[left:right])


def _role(
    text: str, entity: Entity, pending: str | None, state: DialogueState, found: Found
) -> str:
    """ "target" or "current" for a sector/occupation/topic entity."""
    if pending == "target":
        return "target"
    if pending == "current_work":
        return "current"
    clause = _clause(text, entity.start, entity.end)
    goal = state.value("goal") or cues.goal(text)
    if goal in ("doorgroeien", "bijscholen") and re.search(r"\bdoor ?groei", clause):
        return "current"
    if cues.TARGET_CUES.search(clause):
        return "target"
    if cues.CURRENT_CUES.search(clause):
        return "current"
    # Current work said earlier, or elsewhere in this message: a bare field is where to go.
    has_current = (
        state.value("current_occupation")
        or state.value("current_sector")
        or "current_occupation" in found
        or "current_sector" in found
    )
    if goal in ("doorgroeien", "bijscholen"):
        return "target" if has_current else "current"
    return "target" if has_current or goal else "current"


def _beside_ruled_out(text: str, entity: Entity, ruled_out_at: list[int]) -> bool:
    """A bare field right after one ruled out ("NIET in de zorg. techniek") is the wish."""
    clause = _clause(text, entity.start, entity.end)
    if cues.CURRENT_CUES.search(clause):
        return False
    return any(0 < entity.start - start <= 40 for start in ruled_out_at)


def read_facts(state: DialogueState, heard: Heard, *, pending: str | None, today: dt.date) -> Found:
    found = Found()
    source: Source = "button" if heard.button else "typed"
    if heard.button_value is not None:
        _button(found, heard.button_value, pending)
    _roles(found, state, heard, pending, source)
    _plain(found, heard, pending, source)
    _cues(found, state, heard, pending, today)
    if pending is not None and not heard.button:
        read_answer(found, state, heard, pending, today)
    return found


def _button(found: Found, value: str, pending: str | None) -> None:
    kind, _, rest = value.partition(":")
    title = _button_title(pending, value)
    if value in GOALS:
        found.put("goal", value, None, "button")
    elif kind == "sector" and rest:
        found.put("target_sector", rest, None, "button")
    elif value == "no_work":
        found.put("employment", "werkzoekend", "ik heb nu geen werk", "button")
    elif kind == "dutch":
        found.put("dutch_ok", rest == "yes", None, "button")
    elif kind == "time" and rest in TIMES:
        found.put("times", [rest], None, "button")
    elif kind == "mode" and rest in LEARNING_MODES:
        found.put("learning_mode", rest, None, "button")
    elif kind == "payer" and rest in ("werkgever", "zelf"):
        found.put("payer", rest, None, "button")
    elif kind == "budget" and rest.isdigit():
        found.put("budget_eur", int(rest), None, "button")
    elif kind == "years" and rest.isdigit():
        found.put("years_experience", int(rest), None, "button")
    elif kind == "hours" and rest.isdigit():
        found.put("hours_per_week", int(rest), None, "button")
    elif value in EDUCATION_LEVELS and pending == "education":
        found.put("education", value, title, "button")
    elif value.isdigit() and pending == "years_experience":
        found.put("years_experience", int(value), title, "button")
    elif value.isdigit() and pending == "hours":
        found.put("hours_per_week", int(value), title, "button")


def _button_title(pending: str | None, value: str) -> str | None:
    """The words on the button pressed ("meer dan 5 jaar"), as the person's own."""
    question = QUESTIONS.get(pending) if pending else None  # type: ignore[call-overload]
    if question is None:
        return None
    for button in question.buttons:
        if f'"{value}"' in button["payload"]:
            return str(button["title"]).lower()
    return None


def _roles(
    found: Found, state: DialogueState, heard: Heard, pending: str | None, source: Source
) -> None:
    text = heard.text
    lowered = normalise(text)
    # "ik wil NIET in de zorg. techniek": beside a field ruled out, the other is the wish.
    ruled_out_at = [
        e.start
        for e in heard.entities
        if e.name == "sector" and (cues.negated(text, e.start) or cues.denied_after(text, e.end))
    ]
    # Entities whose own clause says current work come first: a bare field later in
    # the message is then read against it ("schoonmaker ... ook in de zorg").
    ordered = sorted(
        heard.entities,
        key=lambda e: not cues.CURRENT_CUES.search(_clause(text, e.start, e.end)),
    )
    for entity in ordered:
        if entity.name not in ("sector", "occupation", "topic"):
            continue
        if entity.value in cues.FILLER or (
            entity.name == "sector" and entity.value not in CANONICAL_SECTORS
        ):
            # "ik ben trouwens 61": a word the NLU tagged that names no field or job.
            continue
        if pending == "education" and read_education(text) is not None:
            # "mbo 2 helpende": the name of the diploma one has, not a wish.
            continue
        if entity.name == "topic" and (pending == "dutch" or cues.SPEAKING.search(lowered)):
            # "ik spreek nog niet goed Nederlands" is about the person, not a course wish.
            continue
        if cues.negated(text, entity.start) or cues.denied_after(text, entity.end):
            if entity.name == "sector":
                found.not_sectors.append(entity.value)
            continue
        clause = _clause(text, entity.start, entity.end)
        cued = cues.TARGET_CUES.search(clause) or cues.WORKS.search(clause)
        if pending not in (None, "goal", "target", "current_work") and not cued:
            # "overdag als de kinderen op school zijn" answers the time question;
            # a field word in it without "werk" or "wil" is no fact about work.
            continue
        role = _role(text, entity, pending, state, found)
        if re.search(r"\b(geen ervaring|nooit gedaan|wil (het|dat) leren|nog nooit)\b", lowered):
            role = "target"
            if state.value(f"current_{entity.name}") == entity.value:
                found.put(f"current_{entity.name}", None, None)
        if role == "current" and _beside_ruled_out(text, entity, ruled_out_at):
            role = "target"
        if entity.name == "topic":
            if role == "current" and cues.WORKS.search(_clause(text, entity.start, entity.end)):
                # "ik werk in de bibliotheek": the topic names the field one works in.
                found.put("current_sector", entity.value, entity.text, source)
                found.put("employment", "werkend", None, "inferred")
            else:
                found.put("target_topic", entity.value, entity.text, source)
        elif role == "target":
            found.put(f"target_{entity.name}", entity.value, entity.text, source)
        else:
            found.put(f"current_{entity.name}", entity.value, entity.text, source)
            past = re.search(r"\b(was|werkte|deed|vroeger|daarvoor|gewerkt|toen)\b", clause)
            if "employment" not in found and state.value("employment") is None and not past:
                found.put("employment", "werkend", None, "inferred")


def _plain(found: Found, heard: Heard, pending: str | None, source: Source) -> None:
    text = heard.text
    for entity in heard.entities:
        name, value = entity.name, entity.value
        if name == "age" and pending in ("years_experience", "hours", "budget"):
            # "ongeveer 20 jaar" answers the experience question, not the age.
            continue
        if name == "location":
            # "ik woon in zwolle niet in deventer": the place that is not denied.
            if cues.negated(text, entity.start) or "location" in found:
                continue
            found.put("location", value, entity.text or value, source)
        elif name == "age" and value.isdigit() and 15 <= int(value) <= 100:
            # "ik ben 50 niet 40": the age that is not denied, the first one otherwise.
            if cues.negated(text, entity.start) or (
                "age" in found and found.values["age"][2] != "inferred"
            ):
                continue
            found.put("age", int(value), None, source)
        elif (
            name == "hours_per_week"
            and value.isdigit()
            and pending != "budget"
            # "20 uur per week", not "20 jaar" next to "hoeveel uur?".
            and re.search(r"\buur", text[entity.start : entity.end + 8].lower())
        ):
            found.put("hours_per_week", int(value), None, source)
        elif name == "learning_mode":
            if cues.negated(text, entity.start) or cues.denied_after(text, entity.end):
                continue
            if value in TIMES:
                continue  # read_times reads times with their negations
            if value in LEARNING_MODES:
                found.put("learning_mode", value, entity.text or value, source)
        elif name == "education_level" and value in EDUCATION_LEVELS:
            clause = _clause(text, entity.start, entity.end)
            # "ik wil niveau 4 halen" is a target and "niveau 3" after a search a filter,
            # not the diploma one has; "een jaar of 4" is no diploma at all.
            wanted = re.search(r"\b(wil|halen|worden|doen|zoek|alleen)\b", clause)
            has = re.search(HAS_DIPLOMA, normalise(text))
            # "ik heb geen werk" says nothing about diplomas.
            no_diploma_words = value == "geen" and not re.search(
                r"diploma|school|opleiding", clause
            )
            # "mbo2" on its own, while a question waits, can only be one's diploma
            # (after a search, "niveau 3" is a filter).
            alone = pending is not None and len(normalise(text).split()) <= 3 and value != "geen"
            if pending == "education" or alone or (has and not wanted and not no_diploma_words):
                # The reader knows "havo niet afgemaakt"; the entity only says havo.
                read = read_education(text)
                level = read.level if read is not None and read.level else value
                found.put("education", level, entity.text or value, source)


# What one can spend oneself, said in passing: "ik kan max 1500 euro missen".
_OWN_BUDGET = re.compile(
    r"\b(ik kan|kan ik|ik wil|budget|heb ik|ik heb)\b[^.?!]{0,25}?"
    r"(€\s*\d[\d.,]*k?|\d[\d.,]*\s*(k|euro)\b)([^.?!]{0,20}?\b(missen|uitgeven|besteden|betalen|"
    r"opzij|kwijt)\b)?"
)


# Words that say a diploma is one's own: outside the diploma question an
# education level counts only with them.
HAS_DIPLOMA = (
    r"\b(ik heb|heb ik|heb|had|gehaald|afgemaakt|gedaan|gestudeerd|diploma|opleiding gehad|"
    r"opleiding gedaan|niet afgemaakt|gestopt|op school|mijn)\b"
)


def _cues(
    found: Found, state: DialogueState, heard: Heard, pending: str | None, today: dt.date
) -> None:
    words = normalise(heard.text)
    if heard.button:
        return
    goal = cues.goal(heard.text)
    # "moet ik een f-gassen certificaat hebben?" asks; it sets no goal.
    asked_only = "?" in heard.text and cues.goal(re.sub(r"[^.!?]*\?", " ", heard.text)) is None
    if (
        goal is not None
        and not asked_only
        and (state.value("goal") is None or pending == "goal" or goal != state.value("goal"))
    ):
        found.put("goal", goal, own_words(heard.text))
    if cues.JOB_AT_RISK.search(words):
        found.put("job_at_risk", True, None)
        found.put("employment", "werkend", None, "inferred")
    seeker = cues.SEEKER.search(words)
    if seeker and not cues.JOB_AT_RISK.search(words):
        found.put("employment", "werkzoekend", seeker.group(1))
        if seeker.group(1) == "ww":
            found.put("benefit", "ww", "ww")
        elif seeker.group(1) == "bijstand":
            found.put("benefit", "bijstand", "bijstand")
    if cues.NEWCOMER.search(words):
        found.put("newcomer", True, None)
    if cues.DUTCH_WEAK.search(words):
        found.put("dutch_ok", False, None)
    for payer, cue in cues.PAYERS:
        match = cue.search(words)
        # "moet ik dat zelf betalen?" asks; it does not say who pays.
        if match and not cues.in_question(words, match.start()):
            sentence = words[match.start() : match.end() + 20]
            if payer == "werkgever" and cues.PAYER_DENIED.search(sentence):
                payer = "zelf"
            found.put("payer", payer, own_words(heard.text))
            break
    refused = cues.mode_refused(heard.text)
    if refused is not None:
        excluded = list(state.value("excluded_modes") or [])
        if refused not in excluded:
            excluded.append(refused)
        found.put("excluded_modes", excluded, own_words(heard.text))
        if state.value("learning_mode") == refused:
            found.put("learning_mode", None, None)
    elif "learning_mode" not in found:
        for mode, cue in cues.MODES:
            if cue.search(words):
                found.put("learning_mode", mode, None)
                break
    spend = _OWN_BUDGET.search(words)
    if spend and pending != "budget" and not cues.in_question(words, spend.start()):
        # "ik kan max 1500 euro missen" in a long story: the budget, said before it is asked.
        amount = read_amount(spend.group(0))
        if amount is not None:
            found.put("budget_eur", amount.euros, spend.group(0).strip())
    times = read_times(heard.text)
    if times and (pending in ("times", None, "learning_mode", "hours") or len(words) > 40):
        found.put("times", times, None)
    has_current = "current_occupation" in found or "current_sector" in found
    has_current = has_current or bool(
        state.value("current_occupation") or state.value("current_sector")
    )
    if pending != "years_experience" and has_current:
        years = read_years(heard.text, today)
        if years is not None:
            found.put("years_experience", years.years, years.said)
    if pending not in ("education", "budget"):
        education = read_education(heard.text)
        if (
            education is not None
            and education.level is not None
            and re.search(HAS_DIPLOMA, words)
            and "education" not in found
        ):
            found.put("education", education.level, education.said or None)
        if (
            education is not None
            and education.foreign
            and re.search(r"\b(diploma|opleiding|gestudeerd|studie|school|bachelor|master)", words)
        ):
            # "ik kom uit polen" is no diploma; "mijn diploma is uit polen" is.
            found.put("foreign_diploma", True, education.said or None)
