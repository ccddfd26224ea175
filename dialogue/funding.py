"""Funding checks in the conversation: the questions per fact, how answers are read, results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from dialogue.reading import read_number, read_yes_no
from dialogue.texts import text
from funding.schemas import EligibilityResult
from funding.service import InvalidFactsError, alternatives, check_eligibility

STAP = "stap"
LLK = "levenlanglerenkrediet"
YES_NO_BUTTONS = (
    {"title": "Ja", "payload": "/affirm"},
    {"title": "Nee", "payload": "/deny"},
    {"title": "Weet ik niet", "payload": "/dont_know"},
)
SCHEME_BUTTONS = (
    {
        "title": "Levenlanglerenkrediet",
        "payload": '/ask_funding{"funding_scheme": "levenlanglerenkrediet"}',
    },
    {"title": "STAP-budget", "payload": '/ask_funding{"funding_scheme": "stap"}'},
)


@dataclass(frozen=True)
class Question:
    text: str
    kind: Literal["yes_no", "number", "choice"]
    buttons: tuple[dict[str, str], ...] = ()
    # For yes/no questions whose fact is not a bool (insured_months).
    yes_value: Any = True
    no_value: Any = False
    # choice: typed words -> value
    words: tuple[tuple[str, str], ...] = ()


def _choice(title: str, value: str) -> dict[str, str]:
    return {"title": title, "payload": f'/inform{{"funding_answer": "{value}"}}'}


QUESTIONS: dict[str, Question] = {
    "age": Question("Hoe oud ben je?", "number"),
    "insured_months": Question(
        "Woonde of werkte je de afgelopen twee jaar minstens een half jaar in Nederland?",
        "yes_no", YES_NO_BUTTONS, yes_value=24, no_value=0,
    ),
    "receives_study_support": Question(
        "Krijg je nu studiefinanciering, een lerarenbeurs of een tegemoetkoming schoolkosten?",
        "yes_no", YES_NO_BUTTONS,
    ),
    "stap_used_this_year": Question(
        "Heb je dit jaar al een STAP-budget gekregen?", "yes_no", YES_NO_BUTTONS
    ),
    "other_funding_same_costs": Question(
        "Betaalt iemand anders al deze kosten, zoals je werkgever?", "yes_no", YES_NO_BUTTONS
    ),
    "course_in_register": Question(
        "Staat de opleiding in het STAP-register?", "yes_no", YES_NO_BUTTONS
    ),
    "course_abroad": Question("Is de opleiding in het buitenland?", "yes_no", YES_NO_BUTTONS),
    "course_has_perks": Question(
        "Krijg je bij de opleiding cadeaus, reizen of een verblijf?", "yes_no", YES_NO_BUTTONS
    ),
    "course_structured": Question(
        "Heeft de opleiding een vast programma, een docent en een toets?", "yes_no", YES_NO_BUTTONS
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
        words=(
            ("bbl", "mbo_bbl"), ("werken en leren", "mbo_bbl"), ("leren en werken", "mbo_bbl"),
            ("hbo deeltijd", "hbo_wo_parttime"), ("deeltijd hbo", "hbo_wo_parttime"),
            ("universiteit", "hbo_wo_fulltime"), ("hbo", "hbo_wo_fulltime"),
            ("uni", "hbo_wo_fulltime"), ("deeltijd", "mbo_bol_parttime"),
            ("bol", "mbo_bol_fulltime"), ("voltijd", "mbo_bol_fulltime"),
            ("mbo", "mbo_bol_fulltime"), ("cursus", "other"), ("anders", "other"),
        ),
    ),
    "has_right_to_student_finance": Question(
        "Heb je nog recht op gewone studiefinanciering?", "yes_no", YES_NO_BUTTONS
    ),
    "nationality_ok": Question(
        "Heb je de Nederlandse nationaliteit, die van een EU-land of een verblijfsvergunning?",
        "yes_no", YES_NO_BUTTONS,
    ),
}  # fmt: skip
GENERIC = Question("Kun je daar iets meer over vertellen?", "yes_no", YES_NO_BUTTONS)
UNKNOWN: Any = object()


def question_for(fact: str) -> Question:
    return QUESTIONS.get(fact, GENERIC)


def read_answer(
    fact: str, *, text_said: str, intent: str, button_value: str | None, age: str | None
) -> Any:
    """The value given for `fact`; UNKNOWN for "weet ik niet"; None when unclear."""
    question = question_for(fact)
    if intent == "dont_know":
        return UNKNOWN
    if question.kind == "choice":
        valid = {b["payload"].split('"')[-2] for b in question.buttons}
        if button_value in valid:
            return button_value
        lowered = text_said.lower()
        for words, value in question.words:
            if words in lowered:
                return value
        return UNKNOWN if read_yes_no(text_said) == "unknown" else None
    if question.kind == "number":
        number = int(age) if age is not None and age.isdigit() else read_number(text_said)
        if number is None:
            return UNKNOWN if read_yes_no(text_said) == "unknown" else None
        return number
    if intent == "affirm" and text_said.startswith("/"):
        return question.yes_value
    if intent == "deny" and text_said.startswith("/"):
        return question.no_value
    answer = read_yes_no(text_said)
    if answer == "unknown":
        return UNKNOWN
    if answer == "yes":
        return question.yes_value
    if answer == "no":
        return question.no_value
    if intent == "affirm":
        return question.yes_value
    if intent == "deny":
        return question.no_value
    return None


def check(scheme: str, facts: dict[str, Any], today: dt.date | None = None) -> EligibilityResult:
    """The check with the facts this scheme knows; facts of other schemes are left out."""
    return check_eligibility(scheme=scheme, facts=facts, today=today, ignore_unknown_facts=True)


def invalid_fact(scheme: str, facts: dict[str, Any], today: dt.date | None = None) -> str | None:
    """The fact that cannot be right (an age of 150), or None when all can."""
    try:
        check(scheme, facts, today)
    except InvalidFactsError as error:
        for fact in facts:
            if fact in str(error):
                return fact
        return next(iter(facts), None)
    return None


def _euros(amount: float) -> str:
    return f"{amount:,.0f}".replace(",", ".")


def result_messages(result: EligibilityResult, *, audience: str | None) -> list[dict[str, Any]]:
    failed = [r for r in result.reasons if r.status == "fail"]
    unknown = [r for r in result.reasons if r.status == "unknown"]
    if result.outcome == "eligible":
        amount = (
            text("funding_amount", amount=_euros(result.amount_eur)) if result.amount_eur else ""
        )
        summary = text("funding_eligible", amount=amount)
    elif result.outcome == "not_eligible":
        summary = text("funding_not_eligible", reasons=" ".join(r.explanation for r in failed[:2]))
    else:
        summary = text("funding_unknown", reasons=" ".join(r.explanation for r in unknown[:2]))
    messages: list[dict[str, Any]] = [
        {"text": summary.strip()},
        {"json_message": {"type": "eligibility", "result": result.model_dump(mode="json")}},
    ]
    if result.outcome != "eligible":
        options = [
            option
            for option in alternatives(audience=audience)  # type: ignore[arg-type]
            if option.scheme != result.scheme
        ]
        lines = "\n".join(f"- {option.title}: {option.text}" for option in options[:4])
        if lines:
            messages.append({"text": text("funding_others", lines=lines)})
    return messages
