"""A funding check as turns: the scheme, the missing facts one at a time, the result."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from catalogue.schemas import CourseCard
from dialogue import advising
from dialogue.funding import (
    LLK,
    SCHEME_BUTTONS,
    STAP,
    UNKNOWN,
    check,
    invalid_fact,
    question_for,
    read_answer,
    result_messages,
)
from dialogue.heard import Heard
from dialogue.reading import normalise
from dialogue.services import Services
from dialogue.texts import text
from dialogue.turn import Turn

_SCHEME_WORDS = (
    (STAP, re.compile(r"\bstap\b|\bstap-?budget\b")),
    (
        LLK,
        re.compile(r"\blevenlang\s?leren\s?krediet\b|\blevenlanglerenkrediet\b|\bllk\b|\blening\b"),
    ),
)
_STAP_KIND = {"diploma": "mbo_diploma", "certificaat": "mbo_certificaat", "keuzedeel": "keuzedeel"}
# Intents that are an answer to a funding question, whatever the words.
_ANSWER_INTENTS = ("affirm", "deny", "dont_know", "inform")


def named_scheme(heard: Heard) -> str | None:
    entity = heard.first("funding_scheme")
    if entity is not None and entity.value in (STAP, LLK):
        return entity.value
    words = normalise(heard.text)
    return next((scheme for scheme, pattern in _SCHEME_WORDS if pattern.search(words)), None)


def facts_from_course(card: CourseCard) -> dict[str, Any]:
    """Funding facts that follow from the chosen course (no need to ask them)."""
    facts: dict[str, Any] = {"course_in_register": card.in_stap_register, "course_abroad": False}
    if card.price_eur is not None:
        facts["course_price_eur"] = card.price_eur
    if card.kind in _STAP_KIND:
        facts["course_kind"] = _STAP_KIND[card.kind]
    if card.start_dates:
        facts["course_start_date"] = card.start_dates[0].isoformat()
    # Only an unambiguous route says which loan rules apply.
    if card.kind == "diploma" and card.learning_modes == ["bbl"]:
        facts["programme_kind"] = "mbo_bbl"
    elif card.kind == "diploma" and card.learning_modes == ["bol"]:
        facts["programme_kind"] = "mbo_bol_fulltime"
    return facts


def answers(heard: Heard, fact: str) -> bool:
    """Whether the message reads as the answer to the funding question `fact`."""
    if heard.intent in ("search_course", "ask_advice", "request_human", "forget_me", "faq"):
        return heard.button_value is not None
    if named_scheme(heard) is not None and heard.intent == "ask_funding":
        return False
    if heard.first("age") is not None:
        # "ik ben 45, geldt het dan ook voor mij?": an age for the check that runs.
        return True
    if heard.intent in _ANSWER_INTENTS or heard.button_value is not None:
        return True
    if heard.intent in ("nlu_fallback", "out_of_scope") and not heard.entities:
        # "pfff", "hmm tja": an answer that could not be read, so a miss, not a new topic.
        return True
    return _read(heard, fact=fact) is not None


def _read(heard: Heard, *, fact: str | None) -> Any:
    if fact is None:
        return None
    age = heard.first("age")
    return read_answer(
        fact,
        text_said=heard.text,
        intent=heard.intent,
        button_value=heard.button_value,
        age=age.value if age is not None else None,
    )


def _facts(turn: Turn) -> dict[str, Any]:
    facts = dict(turn.state.funding.facts)
    age = turn.state.value("age")
    if isinstance(age, int):
        facts["age"] = age
    return facts


def start(turn: Turn, heard: Heard, *, services: Services, today: dt.date) -> None:
    state = turn.state
    scheme = named_scheme(heard) or state.funding.scheme
    if state.pending is not None and state.pending.kind == "intake":
        state.resume = state.pending.fact
    state.pending = None
    course_id = heard.course_id or state.funding.course_id
    if course_id is not None and course_id != state.funding.course_id:
        card = services.course(course_id)
        if card is not None:
            state.funding.course_id = course_id
            for fact, value in facts_from_course(card).items():
                state.funding.facts.setdefault(fact, value)
    if scheme is None:
        turn.write(text("funding_intro"), buttons=SCHEME_BUTTONS)
        return
    state.task = "funding"
    state.funding.skipped = []
    if scheme == STAP and not check(STAP, _facts(turn), today).scheme_active:
        turn.say("stap_ended")
        scheme = LLK
    state.funding.scheme = scheme
    _next(turn, today=today)


def answer(turn: Turn, heard: Heard, *, today: dt.date) -> None:
    state = turn.state
    pending = state.pending
    assert pending is not None
    fact = pending.fact
    # An age said now ("nee, ik ben 52") corrects what was known, whatever was asked.
    age = heard.first("age")
    told_age = False
    if age is not None and age.value.isdigit() and fact != "age":
        told_age = state.learn("age", int(age.value), said=None, source="typed")
    value = _read(heard, fact=fact)
    if value is None and told_age:
        # An age, not the answer: noted, and the question comes again (not a miss).
        question = question_for(fact)
        noted = text("noted", facts=f"je bent {state.value('age')}")
        turn.write(f"{noted} {question.text}", buttons=question.buttons)
        return
    if value is None:
        pending.misses += 1
        if pending.misses >= 2:
            state.funding.skipped.append(fact)
            turn.say("skip_question")
            _next(turn, today=today)
            return
        question = question_for(fact)
        turn.write(f"{text('not_understood')} {question.text}", buttons=question.buttons)
        return
    if value is UNKNOWN:
        state.funding.skipped.append(fact)
    else:
        facts = _facts(turn)
        facts[fact] = value
        if invalid_fact(state.funding.scheme or LLK, facts, today) is not None:
            question = question_for(fact)
            turn.write(f"{text('funding_impossible')} {question.text}", buttons=question.buttons)
            return
        if fact == "age":
            state.learn("age", value, said=None, source="button" if heard.button else "typed")
        else:
            state.funding.facts[fact] = value
    _next(turn, today=today)


def _next(turn: Turn, *, today: dt.date) -> None:
    state = turn.state
    scheme = state.funding.scheme or LLK
    facts = _facts(turn)
    bad = invalid_fact(scheme, facts, today)
    if bad is not None:
        # A stored fact that cannot be right any more (an age of 150): forget it.
        state.funding.facts.pop(bad, None)
        facts.pop(bad, None)
    result = check(scheme, facts, today)
    to_ask = [fact for fact in result.missing if fact not in state.funding.skipped]
    if result.outcome == "unknown" and to_ask:
        question = question_for(to_ask[0])
        state.ask("funding", to_ask[0])
        turn.write(question.text, buttons=question.buttons)
        return
    employment = state.value("employment")
    audience = {"werkend": "werkenden", "werkzoekend": "werkzoekenden"}.get(str(employment))
    for message in result_messages(result, audience=audience):
        turn.send(message)
    state.funding.outcome = result.outcome
    state.pending = None
    state.task = "idle"
    advising.resume(turn)
