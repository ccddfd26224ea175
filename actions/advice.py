"""The advice conversation: intake questions, then training paths with reasons."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.advice_state import (
    PAUSED_SLOT,
    PENDING_SLOT,
    PROFILE_SLOT,
    ask,
    pending_fact,
    profile_of,
    waiting_fact,
)
from actions.catalogue_access import catalogue_sessions
from actions.handoff import failed_last_turn, hand_over
from advice.fields import load_knowledge
from advice.intake import QUESTIONS, next_question
from advice.messages import path_messages
from advice.offers import CatalogueOffers
from advice.planner import plan_paths
from advice.profile import Fact, Profile
from advice.reader import Reading, read_message
from advice.texts import text
from funding.dates import today_in_nl

logger = logging.getLogger(__name__)

# Bare replies with no advice going on get the short answers they always got.
_ACKS = {
    "affirm": "ack_affirm",
    "deny": "ack_deny",
    "dont_know": "ack_dont_know",
    "nlu_fallback": "ack_unclear",
}


class ActionAdvice(Action):
    """Read the message into the profile; ask the next needed question or give paths."""

    def name(self) -> str:
        return "action_advice"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return advance_intake(dispatcher, tracker)


def _read(tracker: Tracker) -> tuple[Profile, Fact | None, str, Reading]:
    profile = profile_of(tracker)
    pending = pending_fact(tracker)
    intent = (tracker.latest_message.get("intent") or {}).get("name", "")
    reading = read_message(
        profile,
        pending=pending,
        intent=intent,
        text=tracker.latest_message.get("text") or "",
        entities=tracker.latest_message.get("entities") or [],
        today=today_in_nl(),
    )
    return profile, pending, intent, reading


def answers_intake_question(tracker: Tracker) -> bool:
    """Whether the message reads as the answer to the waiting intake question.

    "Ik kan 100 euro betalen" may look like a funding question to the NLU; while
    the budget question waits, it is the answer.
    """
    _, pending, _, reading = _read(tracker)
    return pending in ("budget", "payer") and reading.understood


def advance_intake(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, start: bool = False
) -> list[dict[str, Any]]:
    """One intake turn; `start` begins the intake even without an advice question."""
    knowledge = load_knowledge()
    before, pending, intent, reading = _read(tracker)
    profile = reading.profile
    # A wish to learn in words the NLU missed ("ik wil bijscholen" read as out of scope).
    new_wish = profile.goal != before.goal or (profile.has_target and not before.has_target)
    if intent == "out_of_scope" and not new_wish:
        dispatcher.utter_message(response="utter_out_of_scope")
        return ask(dispatcher, QUESTIONS[pending]) if pending is not None else []
    # Facts that only make sense as a wish to learn ("ik wil de zorg in") start it too.
    wish = profile.goal is not None or profile.has_target
    started = start or intent == "ask_advice" or pending is not None or profile.planned or wish
    if not started:
        return _not_started(dispatcher, tracker, profile, intent, understood=reading.understood)
    if reading.corrected:
        dispatcher.utter_message(text=text("corrected"))
    elif pending is not None and not reading.understood:
        dispatcher.utter_message(text=text("not_understood"))
        if failed_last_turn(tracker):
            hand_over(dispatcher, tracker, reason="fallback")
    elif pending is None and not profile.planned:
        dispatcher.utter_message(text=text("start"))

    if profile.planned and pending is None:
        # Paths were given: a new fact re-plans them; asking again shows them again.
        if reading.understood:
            dispatcher.utter_message(text=text("replanned"))
        elif intent != "ask_advice":
            dispatcher.utter_message(text=text("noted"))
            return [SlotSet(PROFILE_SLOT, profile.model_dump())]
    question = next_question(profile, knowledge)
    if question is not None:
        return [*ask(dispatcher, question), SlotSet(PROFILE_SLOT, profile.model_dump())]
    return _give_paths(dispatcher, profile)


def _not_started(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    profile: Profile,
    intent: str,
    *,
    understood: bool,
) -> list[dict[str, Any]]:
    """Facts or a bare yes/no outside the advice: remember, and offer advice."""
    if intent in _ACKS and not understood:
        dispatcher.utter_message(text=text(_ACKS[intent]))
        if intent == "nlu_fallback" and failed_last_turn(tracker):
            hand_over(dispatcher, tracker, reason="fallback")
        return [SlotSet(PROFILE_SLOT, profile.model_dump())]
    goal = QUESTIONS["goal"]
    dispatcher.utter_message(text=text("ack_inform"), buttons=list(goal.buttons))
    return [SlotSet(PROFILE_SLOT, profile.model_dump())]


def _give_paths(dispatcher: CollectingDispatcher, profile: Profile) -> list[dict[str, Any]]:
    try:
        with catalogue_sessions()() as session:
            paths = plan_paths(
                profile,
                knowledge=load_knowledge(),
                finder=CatalogueOffers(session),
                today=today_in_nl(),
            )
    except SQLAlchemyError:
        logger.exception("catalogue unavailable while planning")
        dispatcher.utter_message(
            text="Sorry, ik kan nu geen opleidingen opzoeken. Probeer het later opnieuw."
        )
        return [SlotSet(PROFILE_SLOT, profile.model_dump()), SlotSet(PENDING_SLOT, None)]
    for message in path_messages(paths):
        dispatcher.utter_message(**message)
    profile.planned = True
    return [
        SlotSet(PROFILE_SLOT, profile.model_dump()),
        SlotSet(PENDING_SLOT, None),
        SlotSet(PAUSED_SLOT, None),
    ]


class ActionAdviceResume(Action):
    """After a side question: ask the intake question again.

    Rasa does not call this while `advice_pending` is empty (bot/rasa/launch.py):
    what it would do then must stay "nothing".
    """

    def name(self) -> str:
        return "action_advice_resume"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # Outside the intake, or while a funding question waits: nothing to do.
        fact = waiting_fact(tracker)
        if fact is None:
            return []
        dispatcher.utter_message(text=text("resume"))
        return ask(dispatcher, QUESTIONS[fact])
