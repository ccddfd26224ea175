"""Turn Rasa tracker events into the messages a channel shows again after a reload."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from bot.gateway.schemas import Button

# Everything Rasa's BotUttered event may carry that a channel renders.
_BOT_DATA_KEYS = ("buttons", "image", "custom", "attachment")


class TranscriptMessage(BaseModel):
    """One message of the conversation: what the user sent or what the bot said."""

    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "bot", "counsellor"]
    text: str | None = None
    buttons: list[Button] | None = None
    image: str | None = None
    custom: dict[str, Any] | None = None
    attachment: Any = None
    timestamp: float | None = None
    # For counsellors: how the NLU read a user message (intent, confidence, entities).
    nlu: dict[str, Any] | None = None


class Transcript(BaseModel):
    sender_id: str
    messages: list[TranscriptMessage]


def transcript_from_events(
    events: list[dict[str, Any]], *, with_nlu: bool = False
) -> list[TranscriptMessage]:
    """Messages since the last restart, button payloads shown as the title the user clicked."""
    start = 0
    for index, event in enumerate(events):
        if event.get("event") == "restart":
            start = index + 1
    messages: list[TranscriptMessage] = []
    last_buttons: list[dict[str, Any]] = []
    for event in events[start:]:
        kind = event.get("event")
        if kind == "user":
            text = event.get("text") or ""
            messages.append(
                TranscriptMessage(
                    role="user",
                    text=_clicked_title(text, last_buttons),
                    timestamp=event.get("timestamp"),
                    nlu=_nlu(event) if with_nlu else None,
                )
            )
        elif kind == "bot":
            data = event.get("data") or {}
            shown = {key: data[key] for key in _BOT_DATA_KEYS if data.get(key)}
            if "buttons" in shown:
                last_buttons = list(shown["buttons"])
            if not event.get("text") and not shown:
                continue
            messages.append(
                TranscriptMessage(
                    role="bot",
                    text=event.get("text") or None,
                    timestamp=event.get("timestamp"),
                    **shown,
                )
            )
    return messages


def _clicked_title(text: str, buttons: list[dict[str, Any]]) -> str:
    """A payload such as `/inform{...}` is shown as the button the user pressed."""
    if text.startswith("/"):
        for button in buttons:
            if button.get("payload") == text and button.get("title"):
                return str(button["title"])
    return text


def _nlu(event: dict[str, Any]) -> dict[str, Any]:
    parse = event.get("parse_data") or {}
    intent = parse.get("intent") or {}
    return {
        "intent": intent.get("name"),
        "confidence": intent.get("confidence"),
        "entities": [
            {"entity": e.get("entity"), "value": e.get("value"), "text": e.get("text")}
            for e in parse.get("entities") or []
            if isinstance(e, dict)
        ],
    }


def merged(
    bot_part: list[TranscriptMessage], console_part: list[dict[str, Any]]
) -> list[TranscriptMessage]:
    """The bot's transcript and the taken-over messages, in time order."""
    extra = [TranscriptMessage.model_validate(item) for item in console_part]
    return sorted([*bot_part, *extra], key=lambda m: m.timestamp or 0.0)
