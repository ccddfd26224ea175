"""Real rasa-sdk trackers and a dispatcher run, shared by the action tests."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    text: str = "",
    *,
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
    sender_id: str = "test",
) -> Tracker:
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "entities": entities or [],
            "metadata": metadata or {},
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run_action(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The messages the action sends and the slots it sets."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    messages: list[dict[str, Any]] = dispatcher.messages
    return messages, slots


def texts(messages: list[dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def entity(text: str, name: str, raw: str, value: str | None = None) -> dict[str, Any]:
    """An NLU entity for `raw` as it stands in `text`, with its canonical value."""
    start = text.lower().index(raw.lower())
    return {"entity": name, "value": value or raw, "start": start, "end": start + len(raw)}
