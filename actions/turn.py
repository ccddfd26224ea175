"""The one custom action: hand the understood message to the dialogue and say what it decides."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services import ProductServices
from dialogue.heard import heard_from_parse
from dialogue.state import SLOT, load_state
from dialogue.step import step
from dialogue.texts import text
from funding.dates import today_in_nl

logger = logging.getLogger(__name__)


class ActionTurn(Action):
    """Rasa understood the message and routes every intent here; the dialogue decides."""

    def name(self) -> str:
        return "action_turn"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        metadata = message.get("metadata") or {}
        state = load_state(tracker.get_slot(SLOT))
        services = ProductServices(
            sender_id=tracker.sender_id,
            metadata=metadata if isinstance(metadata, dict) else {},
        )
        try:
            turn = step(state, heard_from_parse(message), services=services, today=today_in_nl())
        except Exception as error:
            # Never a silent turn: the person hears an apology. The log names the error
            # and where it happened, not its message: that may quote what was said.
            logger.error(
                "dialogue step failed (intent %s): %s\n%s",
                (message.get("intent") or {}).get("name"),
                type(error).__name__,
                "".join(traceback.format_tb(error.__traceback__)),
            )
            dispatcher.utter_message(text=text("failure"))
            return []
        for reply in turn.replies or [{"text": text("failure")}]:
            dispatcher.utter_message(**reply)
        return [SlotSet(SLOT, turn.state.dump())]
