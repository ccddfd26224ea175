"""Funding in the conversation: which scheme, the missing facts one at a time, the result."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.advice import advance_intake, answers_intake_question
from actions.advice_state import pause, put_aside, resume
from actions.course_facts import chosen_course_id, course_facts
from actions.entities import latest_entities, slot_text
from actions.funding_questions import UNKNOWN, question_for, read_answer
from advice.profile import Fact
from funding.service import InvalidFactsError, alternatives, check_eligibility

STAP = "stap"
LLK = "levenlanglerenkrediet"
SCHEME_BUTTONS = [
    {
        "title": "Levenlanglerenkrediet",
        "payload": '/ask_funding{"funding_scheme": "levenlanglerenkrediet"}',
    },
    {"title": "STAP-budget", "payload": '/ask_funding{"funding_scheme": "stap"}'},
]
_AGE_IN_TEXT = re.compile(r"\bik ben\b\D{0,15}?(\d{1,3})\b", re.IGNORECASE)
# Facts the conversation may already know from other slots.
_FACT_SLOTS = {"age": "age"}


def _facts(tracker: Tracker) -> dict[str, Any]:
    stored = tracker.get_slot("funding_facts")
    facts: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
    for fact, slot in _FACT_SLOTS.items():
        value = slot_text(tracker, slot)
        if fact not in facts and value is not None and value.isdigit():
            facts[fact] = int(value)
    # An age said now ("nee, ik ben 52") corrects what was known; the regex
    # catches it when the NLU did not tag the number.
    age = latest_entities(tracker).get("age")
    if age is None:
        match = _AGE_IN_TEXT.search(tracker.latest_message.get("text") or "")
        age = match.group(1) if match else None
    if age is not None and age.isdigit() and 15 <= int(age) <= 100:
        facts["age"] = int(age)
    # What the chosen course says is known too; what the user said wins.
    _, from_course = course_facts(tracker)
    for fact, value in from_course.items():
        facts.setdefault(fact, value)
    return facts


def _skipped(tracker: Tracker) -> list[str]:
    value = tracker.get_slot("funding_skipped")
    return [str(v) for v in value] if isinstance(value, list) else []


def _next_step(
    dispatcher: CollectingDispatcher,
    *,
    scheme: str,
    facts: dict[str, Any],
    skipped: list[str],
    today: dt.date | None = None,
    pending: str | None = None,
    chosen: int | None = None,
    aside: Fact | None = None,
) -> list[dict[str, Any]]:
    """Ask the first missing fact the user can answer, or give the result.

    `aside` is the advice question this check interrupted: asked again after the result.
    """
    try:
        # One pool of facts serves both schemes: facts of the other one are ignored.
        result = check_eligibility(
            scheme=scheme, facts=facts, today=today, ignore_unknown_facts=True
        )
    except InvalidFactsError:
        # An answer that cannot be right (an age of 150): forget it and ask again.
        if pending is not None:
            facts.pop(pending, None)
            question = question_for(pending)
            dispatcher.utter_message(
                text=f"Dat kan niet kloppen. {question.text}", buttons=list(question.buttons)
            )
            return [SlotSet("funding_facts", facts), SlotSet("funding_pending_fact", pending)]
        raise
    to_ask = [fact for fact in result.missing if fact not in skipped]
    state = [
        SlotSet("funding_scheme", scheme),
        SlotSet("chosen_course", chosen),
        SlotSet("funding_facts", facts),
        SlotSet("funding_skipped", skipped),
    ]
    if result.outcome == "unknown" and to_ask:
        question = question_for(to_ask[0])
        dispatcher.utter_message(text=question.text, buttons=list(question.buttons))
        return [*state, SlotSet("funding_pending_fact", to_ask[0])]

    dispatcher.utter_message(text=_summary(result))
    dispatcher.utter_message(
        json_message={"type": "eligibility", "result": result.model_dump(mode="json")}
    )
    if result.outcome != "eligible":
        options = alternatives()
        lines = "\n".join(f"- {option.title}: {option.text}" for option in options[:4])
        dispatcher.utter_message(text=f"Dit kan je nog meer proberen:\n{lines}")
    return [*state, SlotSet("funding_pending_fact", None), *resume(dispatcher, aside)]


def _summary(result: Any) -> str:
    failed = [r for r in result.reasons if r.status == "fail"]
    if result.outcome == "eligible":
        amount = f" Je kunt tot € {result.amount_eur:,.0f} krijgen." if result.amount_eur else ""
        return f"Goed nieuws: je komt waarschijnlijk in aanmerking.{amount}"
    if result.outcome == "not_eligible":
        return "Je komt helaas niet in aanmerking. " + " ".join(r.explanation for r in failed[:2])
    unknown = [r for r in result.reasons if r.status == "unknown"]
    return "Dat kan ik nog niet zeker zeggen. " + " ".join(r.explanation for r in unknown[:2])


class ActionFundingCheck(Action):
    """On "kom ik in aanmerking voor ...?": pick the scheme, then ask or answer."""

    def name(self) -> str:
        return "action_funding_check"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        scheme = latest_entities(tracker).get("funding_scheme")
        if scheme is None and answers_intake_question(tracker):
            return advance_intake(dispatcher, tracker)
        facts = _facts(tracker)
        chosen = chosen_course_id(tracker)
        # A funding question in the middle of the advice intake: its question waits.
        aside = put_aside(tracker)
        paused = pause(tracker)
        if scheme == STAP:
            stap = check_eligibility(scheme=STAP, facts=facts)
            if not stap.scheme_active:
                dispatcher.utter_message(
                    text="Het STAP-budget is op 1 januari 2024 gestopt. Je kunt het niet meer "
                    "aanvragen. Ik kijk of het levenlanglerenkrediet bij je past."
                )
                scheme = LLK
            return [
                *paused,
                *_next_step(
                    dispatcher, scheme=scheme, facts=facts, skipped=[], chosen=chosen, aside=aside
                ),
            ]
        if scheme == LLK or slot_text(tracker, "funding_scheme") == LLK:
            return [
                *paused,
                *_next_step(
                    dispatcher, scheme=LLK, facts=facts, skipped=[], chosen=chosen, aside=aside
                ),
            ]
        dispatcher.utter_message(
            text="Voor een opleiding is er vaak geld. Het STAP-budget bestaat niet meer. "
            "Het levenlanglerenkrediet is een lening van DUO. Wat wil je weten?",
            buttons=SCHEME_BUTTONS,
        )
        return paused


class ActionFundingAnswer(Action):
    """The user answered the pending funding question: store it and go on."""

    def name(self) -> str:
        return "action_funding_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        pending = slot_text(tracker, "funding_pending_fact")
        scheme = slot_text(tracker, "funding_scheme") or LLK
        facts = _facts(tracker)
        skipped = _skipped(tracker)
        chosen = chosen_course_id(tracker)
        aside = put_aside(tracker)
        if pending is None:
            return _next_step(
                dispatcher, scheme=scheme, facts=facts, skipped=skipped, chosen=chosen, aside=aside
            )
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        answer = read_answer(
            pending,
            intent=intent,
            text=tracker.latest_message.get("text") or "",
            entities=latest_entities(tracker),
        )
        if answer is None and pending not in facts:
            question = question_for(pending)
            dispatcher.utter_message(
                text=f"Dat begreep ik niet goed. {question.text}", buttons=list(question.buttons)
            )
            return [SlotSet("funding_facts", facts)]
        if answer is UNKNOWN:
            skipped.append(pending)
        elif answer is not None:
            facts[pending] = answer.value
        return _next_step(
            dispatcher,
            scheme=scheme,
            facts=facts,
            skipped=skipped,
            pending=pending,
            chosen=chosen,
            aside=aside,
        )
