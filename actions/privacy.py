"""The person's right to be forgotten, asked for in the conversation itself."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.conversations.forget import ERASE_REQUEST

# The confirm button's payload: Rasa reads it as forget_me again, now confirmed.
CONFIRM_PAYLOAD = "/forget_me"
ASK = (
    "Wil je dat ik dit gesprek wis? Dan wis ik alles wat je hier zei, ook je profiel en je "
    "routes. Dat kan ik niet terugdraaien."
)


class ActionForgetMe(Action):
    """Ask once; on the confirm button, have the gateway erase the conversation."""

    def name(self) -> str:
        return "action_forget_me"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if (tracker.latest_message.get("text") or "").strip() == CONFIRM_PAYLOAD:
            dispatcher.utter_message(json_message=ERASE_REQUEST)
            return []
        dispatcher.utter_message(
            text=ASK,
            buttons=[
                {"title": "Ja, wis alles", "payload": CONFIRM_PAYLOAD},
                {"title": "Nee, niet wissen", "payload": "/deny"},
            ],
        )
        return []
