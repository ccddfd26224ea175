"""Hand the conversation to a counsellor: on request, or when the bot failed twice in a row."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.app_access import app_sessions
from actions.catalogue_access import catalogue_sessions
from actions.entities import slot_text
from advice.texts import text
from bot.console.handoff import Reason
from bot.console.handoff_messages import NO_ORGANISATION, handoff_messages
from bot.console.office_hours import OfficeHours
from catalogue.models import PlaceAlias
from catalogue.places import normalise_place_name
from core.settings import get_settings

logger = logging.getLogger(__name__)

# What the bot says when it did not understand (advice/texts.py).
_FAILURE_TEXTS = (text("ack_unclear"), text("not_understood"))


class ActionRequestHuman(Action):
    """The person asks for a counsellor: queue the conversation and say what happens next."""

    def name(self) -> str:
        return "action_request_human"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        hand_over(dispatcher, tracker, reason="request_human")
        return []


def failed_last_turn(tracker: Tracker) -> bool:
    """Whether the bot's answer to the previous message was 'I did not understand'."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif (
            users == 1
            and event.get("event") == "bot"
            and (event.get("text") or "").startswith(_FAILURE_TEXTS)
        ):
            return True
    return False


def hand_over(dispatcher: CollectingDispatcher, tracker: Tracker, *, reason: Reason) -> None:
    metadata = tracker.latest_message.get("metadata") or {}
    channel = str(metadata.get("channel") or "widget")
    hint = metadata.get("organisation")
    try:
        with app_sessions()() as session, session.begin():
            messages = handoff_messages(
                session,
                sender_id=tracker.sender_id,
                channel=channel,
                reason=reason,
                hint=hint if isinstance(hint, str) else None,
                region=_region(slot_text(tracker, "location")),
                hours=OfficeHours.parse(get_settings().office_hours),
            )
    except SQLAlchemyError:
        logger.exception("handoff queue unavailable")
        messages = [{"text": NO_ORGANISATION}]
    for message in messages:
        dispatcher.utter_message(text=message.get("text"), json_message=message.get("custom"))


def _region(place: str | None) -> str | None:
    if not place:
        return None
    try:
        with catalogue_sessions()() as session:
            alias = session.get(PlaceAlias, normalise_place_name(place))
            return alias.place.region if alias is not None else None
    except SQLAlchemyError:
        return None
