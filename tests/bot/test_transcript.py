"""Rasa tracker events become the messages a channel shows again after a reload."""

from __future__ import annotations

from typing import Any

from bot.conversations.transcript import transcript_from_events

PAYLOAD = '/inform{"advice_answer": "bbl"}'


def _bot(text: str | None, **data: Any) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": data, "timestamp": 2.0}


def test_user_and_bot_messages_keep_their_order_and_structure() -> None:
    events: list[dict[str, Any]] = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "user", "text": "warmtepomp cursus", "timestamp": 1.0},
        {"event": "slot", "name": "topic", "value": "warmtepomp"},
        _bot("Ik vond 2 opleidingen.", custom={"type": "course_list", "courses": [], "total": 2}),
        _bot("Hoe wil je leren?", buttons=[{"title": "Werken en leren", "payload": PAYLOAD}]),
        {"event": "user", "text": PAYLOAD},
    ]
    messages = transcript_from_events(events)
    assert [m.role for m in messages] == ["user", "bot", "bot", "user"]
    assert messages[0].text == "warmtepomp cursus"
    assert messages[1].custom == {"type": "course_list", "courses": [], "total": 2}
    assert messages[2].buttons is not None
    assert messages[2].buttons[0].payload == PAYLOAD
    # The click is shown as the title the person saw, not the payload.
    assert messages[3].text == "Werken en leren"


def test_only_messages_after_the_last_restart_are_shown() -> None:
    events = [
        {"event": "user", "text": "oud"},
        _bot("oud antwoord"),
        {"event": "restart"},
        {"event": "user", "text": "nieuw"},
    ]
    assert [m.text for m in transcript_from_events(events)] == ["nieuw"]


def test_a_typed_command_that_no_button_offered_stays_as_typed() -> None:
    messages = transcript_from_events([{"event": "user", "text": "/restart"}])
    assert messages[0].text == "/restart"


def test_empty_bot_events_are_left_out() -> None:
    assert transcript_from_events([_bot(None), _bot("")]) == []
