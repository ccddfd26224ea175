"""How the bot asks for each funding fact, and how it reads the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

YES_NO_BUTTONS = [
    {"title": "Ja", "payload": "/affirm"},
    {"title": "Nee", "payload": "/deny"},
    {"title": "Weet ik niet", "payload": "/dont_know"},
]


@dataclass(frozen=True)
class Question:
    text: str
    # yes_no: the answer is a bool (mapped through yes/no); number; choice.
    kind: str
    buttons: tuple[dict[str, str], ...] = ()
    # For yes/no questions whose fact is not a bool (insured_months).
    yes_value: Any = True
    no_value: Any = False


def _choice(title: str, value: str) -> dict[str, str]:
    return {"title": title, "payload": f'/inform{{"funding_answer": "{value}"}}'}


QUESTIONS: dict[str, Question] = {
    "age": Question("Hoe oud ben je?", "number"),
    "insured_months": Question(
        "Woonde of werkte je de afgelopen twee jaar minstens een half jaar in Nederland?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
        yes_value=24,
        no_value=0,
    ),
    "receives_study_support": Question(
        "Krijg je nu studiefinanciering, een lerarenbeurs of een tegemoetkoming schoolkosten?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
    ),
    "stap_used_this_year": Question(
        "Heb je dit jaar al een STAP-budget gekregen?", "yes_no", tuple(YES_NO_BUTTONS)
    ),
    "other_funding_same_costs": Question(
        "Betaalt iemand anders al deze kosten, zoals je werkgever?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
    ),
    "course_in_register": Question(
        "Staat de opleiding in het STAP-register?", "yes_no", tuple(YES_NO_BUTTONS)
    ),
    "course_abroad": Question(
        "Is de opleiding in het buitenland?", "yes_no", tuple(YES_NO_BUTTONS)
    ),
    "course_has_perks": Question(
        "Krijg je bij de opleiding cadeaus, reizen of een verblijf?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
    ),
    "course_structured": Question(
        "Heeft de opleiding een vast programma, een docent en een toets?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
    ),
    "programme_kind": Question(
        "Wat voor opleiding wil je doen?",
        "choice",
        (
            _choice("Mbo BOL, voltijd", "mbo_bol_fulltime"),
            _choice("Mbo BOL, deeltijd", "mbo_bol_parttime"),
            _choice("Mbo BBL (werken en leren)", "mbo_bbl"),
            _choice("Hbo of universiteit, voltijd", "hbo_wo_fulltime"),
            _choice("Hbo of universiteit, deeltijd", "hbo_wo_parttime"),
            _choice("Iets anders", "other"),
        ),
    ),
    "has_right_to_student_finance": Question(
        "Heb je nog recht op gewone studiefinanciering?", "yes_no", tuple(YES_NO_BUTTONS)
    ),
    "nationality_ok": Question(
        "Heb je de Nederlandse nationaliteit, die van een EU-land of een verblijfsvergunning?",
        "yes_no",
        tuple(YES_NO_BUTTONS),
    ),
}

GENERIC = Question("Kun je daar iets meer over vertellen?", "text")

_NEGATIONS = re.compile(r"\b(nee|neen|geen|niet|nooit|nope)\b", re.IGNORECASE)
_AFFIRMATIONS = re.compile(r"\b(ja|jawel|klopt|zeker|yes|jazeker|wel)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b(\d{1,3})\b")


def question_for(fact: str) -> Question:
    return QUESTIONS.get(fact, GENERIC)


@dataclass(frozen=True)
class Answer:
    known: bool
    value: Any = None


UNKNOWN = Answer(known=False)


def read_answer(fact: str, *, intent: str, text: str, entities: dict[str, str]) -> Answer | None:
    """The value the user gave for `fact`; UNKNOWN for "weet ik niet"; None if unclear."""
    question = question_for(fact)
    if intent == "dont_know":
        return UNKNOWN
    if question.kind == "choice":
        choice = entities.get("funding_answer")
        valid = {b["payload"].split('"')[-2] for b in question.buttons}
        return Answer(True, choice) if choice in valid else None
    if question.kind == "number":
        raw = entities.get("age")
        match = _NUMBER.search(text) if raw is None else None
        number = raw if raw is not None else (match.group(1) if match else None)
        return Answer(True, int(number)) if number is not None and str(number).isdigit() else None
    if question.kind == "yes_no":
        if intent == "affirm":
            return Answer(True, question.yes_value)
        if intent == "deny":
            return Answer(True, question.no_value)
        # "ik krijg geen studiefinanciering": a negation answers the question with no.
        if _NEGATIONS.search(text):
            return Answer(True, question.no_value)
        if _AFFIRMATIONS.search(text):
            return Answer(True, question.yes_value)
        return None
    return None
