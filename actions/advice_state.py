"""The advice intake's state in the conversation's slots, shared by the actions."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.entities import slot_text
from advice.intake import QUESTIONS, Question
from advice.profile import LEARNING_MODES, Fact, Profile, profile_from_slot
from advice.texts import text

PROFILE_SLOT = "advice_profile"
# The intake question waiting for an answer; rules route replies on it.
PENDING_SLOT = "advice_pending"
# The intake question put aside while a funding check asks its own questions.
PAUSED_SLOT = "advice_paused"


def profile_of(tracker: Tracker) -> Profile:
    """The stored profile, plus what other slots already know (never asked twice)."""
    profile = profile_from_slot(tracker.get_slot(PROFILE_SLOT))
    location = slot_text(tracker, "location")
    if profile.location is None and location is not None:
        profile.location = location
    age = slot_text(tracker, "age")
    if profile.age is None and age is not None and age.isdigit():
        profile.age = int(age)
    hours = slot_text(tracker, "hours_per_week")
    if profile.hours_per_week is None and hours is not None and hours.isdigit():
        profile.hours_per_week = int(hours)
    mode = slot_text(tracker, "learning_mode")
    if profile.learning_mode is None and mode in LEARNING_MODES:
        profile.learning_mode = mode
    return profile


def waiting_fact(tracker: Tracker) -> Fact | None:
    """The intake question waiting now (not one put aside for a funding check)."""
    value = slot_text(tracker, PENDING_SLOT)
    return value if value in QUESTIONS else None


def pending_fact(tracker: Tracker) -> Fact | None:
    """The intake question to read an answer for, also one put aside."""
    for slot in (PENDING_SLOT, PAUSED_SLOT):
        value = slot_text(tracker, slot)
        if value in QUESTIONS:
            return value
    return None


def ask(dispatcher: CollectingDispatcher, question: Question) -> list[dict[str, Any]]:
    dispatcher.utter_message(text=question.text, buttons=list(question.buttons))
    return [SlotSet(PENDING_SLOT, question.fact), SlotSet(PAUSED_SLOT, None)]


def pause(tracker: Tracker) -> list[dict[str, Any]]:
    """A funding check starts its own questions: put the intake question aside."""
    fact = slot_text(tracker, PENDING_SLOT)
    if fact is None:
        return []
    return [SlotSet(PENDING_SLOT, None), SlotSet(PAUSED_SLOT, fact)]


def put_aside(tracker: Tracker) -> Fact | None:
    """The intake question a funding check interrupts (pending now or already aside)."""
    for slot in (PAUSED_SLOT, PENDING_SLOT):
        value = slot_text(tracker, slot)
        if value in QUESTIONS:
            return value
    return None


def resume(dispatcher: CollectingDispatcher, fact: Fact | None) -> list[dict[str, Any]]:
    """The funding check is done: ask the intake question that was put aside."""
    if fact is None:
        return []
    dispatcher.utter_message(text=text("resume"))
    return ask(dispatcher, QUESTIONS[fact])
