"""What the NLU understood of one message, in the shape the step function reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Entity carrying a button's value ('/inform{"advice_answer": "doorgroeien"}').
BUTTON_ENTITIES = ("advice_answer", "funding_answer")


@dataclass(frozen=True)
class Entity:
    name: str
    value: str
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass(frozen=True)
class Heard:
    text: str
    intent: str = "nlu_fallback"
    confidence: float = 0.0
    entities: tuple[Entity, ...] = ()
    # The message came from a button (Rasa's "/intent{...}" payload syntax).
    button: bool = False
    course_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def first(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def values(self, name: str) -> list[str]:
        return [e.value for e in self.entities if e.name == name]

    @property
    def button_value(self) -> str | None:
        for name in BUTTON_ENTITIES:
            entity = self.first(name)
            if entity is not None:
                return entity.value
        return None


def heard_from_parse(message: dict[str, Any]) -> Heard:
    """A Heard from Rasa's latest_message (text, intent, entities, metadata)."""
    text = str(message.get("text") or "")
    intent = message.get("intent") or {}
    entities: list[Entity] = []
    raw_entities: Sequence[Any] = message.get("entities") or []
    for raw in raw_entities:
        if not isinstance(raw, dict):
            continue
        name, value = raw.get("entity"), raw.get("value")
        if not isinstance(name, str) or not isinstance(value, str | int | float):
            continue
        start = raw.get("start")
        end = raw.get("end")
        start_i = start if isinstance(start, int) else 0
        end_i = end if isinstance(end, int) else start_i
        entities.append(
            Entity(
                name=name,
                value=str(value).strip().lower(),
                start=start_i,
                end=end_i,
                text=text[start_i:end_i] if end_i > start_i else str(value),
            )
        )
    metadata = message.get("metadata") or {}
    course = metadata.get("course_id") if isinstance(metadata, dict) else None
    course_id = course if isinstance(course, int) and 0 < course < 2**31 else None
    return Heard(
        text=text,
        intent=str(intent.get("name") or "nlu_fallback"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=tuple(entities),
        button=text.lstrip().startswith("/"),
        course_id=course_id,
    )
