"""Read entities and slots from a tracker in the shape actions need."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def latest_entities(tracker: Tracker) -> dict[str, str]:
    """First value per entity type in the latest user message, lower-cased and trimmed."""
    values: dict[str, str] = {}
    for entity in tracker.latest_message.get("entities", []):
        name = entity.get("entity")
        value = entity.get("value")
        if isinstance(name, str) and isinstance(value, str | int) and name not in values:
            values[name] = str(value).strip().lower()
    return values


def slot_text(tracker: Tracker, name: str) -> str | None:
    value: Any = tracker.get_slot(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    text = str(value).strip().lower()
    return text or None
