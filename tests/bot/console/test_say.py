"""'Typ voor de klant' takes the same turn as the chat: erasure, the apology, the phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from bot.console.models import AssistedSession, ConsoleMessage, Handoff
from bot.conversations.erasure import count_events
from bot.conversations.forget import ERASE_REQUEST, ERASED
from bot.conversations.live import LiveHub, chat_topic
from bot.conversations.turns import APOLOGY
from bot.gateway.main import create_app
from core.settings import Settings
from tests.bot.console.test_handoff_api import SENDER, as_counsellor
from tests.bot.fake_rasa import FakeRasa
from tests.bot.test_conversations_api import _tracker_with_events


@pytest.fixture
def settings(console_settings: Settings, fake_rasa: FakeRasa, tmp_path: Path) -> Settings:
    return console_settings.model_copy(
        update={
            "rasa_url": fake_rasa.url,
            "action_server_url": fake_rasa.url,
            "tracker_database_url": f"sqlite:///{tmp_path / 'tracker.db'}",
        }
    )


@pytest.fixture
def console(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        yield client


@pytest.fixture
def assisted(console: TestClient) -> tuple[str, dict[str, str]]:
    """An assisted session of Anna's: its sender id and her CSRF header."""
    headers = as_counsellor(console, "anna@roc-a.nl")
    started = console.post("/console/api/sessions", headers=headers)
    assert started.status_code == 200
    return started.json()["sender_id"], headers


def say(console: TestClient, sender_id: str, headers: dict[str, str], text: str) -> Any:
    return console.post(
        f"/console/api/conversations/{sender_id}/say", headers=headers, json={"text": text}
    )


def rows(settings: Settings, model: Any, sender_id: str) -> int:
    engine = create_engine(settings.app_database_url)
    with Session(engine) as session:
        count = session.scalar(
            select(func.count()).select_from(model).where(model.sender_id == sender_id)
        )
    engine.dispose()
    return int(count or 0)


def test_say_goes_to_rasa_as_the_console_channel(
    console: TestClient, assisted: tuple[str, dict[str, str]], fake_rasa: FakeRasa
) -> None:
    sender_id, headers = assisted
    fake_rasa.reply = [{"recipient_id": sender_id, "text": "Waar woon je?"}]
    response = say(console, sender_id, headers, "  ik zoek zorg  ")
    assert response.status_code == 200
    assert response.json() == {"messages": [{"text": "Waar woon je?"}]}
    assert fake_rasa.turns == [
        {"sender": sender_id, "message": "ik zoek zorg", "metadata": {"channel": "console"}}
    ]


def test_say_erases_when_the_reply_asks_for_it(
    console: TestClient,
    assisted: tuple[str, dict[str, str]],
    fake_rasa: FakeRasa,
    settings: Settings,
) -> None:
    sender_id, headers = assisted
    _tracker_with_events(settings.tracker_database_url, {sender_id: 5})
    fake_rasa.reply = [{"text": "Ik wis je gesprek."}, {"custom": ERASE_REQUEST}]
    response = say(console, sender_id, headers, "/forget_me")
    assert response.status_code == 200
    assert response.json() == {"messages": [{"text": ERASED, "custom": {"type": "erased"}}]}
    tracker = create_engine(settings.tracker_database_url)
    assert count_events(tracker, sender_id=sender_id) == 0
    tracker.dispose()
    assert rows(settings, Handoff, sender_id) == 0
    assert rows(settings, AssistedSession, sender_id) == 0


def test_say_gets_the_apology_for_an_empty_reply_and_the_phone_sees_it(
    console: TestClient,
    assisted: tuple[str, dict[str, str]],
    fake_rasa: FakeRasa,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sender_id, headers = assisted
    fake_rasa.reply = []
    live: LiveHub = console.app.state.live  # type: ignore[attr-defined]
    with live.subscribe(chat_topic(sender_id)) as phone:
        response = say(console, sender_id, headers, "mijn geheime wens")
        seen = [phone.get_nowait() for _ in range(phone.qsize())]
    assert response.status_code == 200
    assert response.json() == {"messages": [{"text": APOLOGY}]}
    assert seen == [{"role": "user", "text": "mijn geheime wens"}, {"text": APOLOGY}]
    assert "answered nothing" in caplog.text
    assert "geheime" not in caplog.text


def test_say_for_a_taken_over_conversation_is_kept_from_the_bot(
    console: TestClient, queued: str, fake_rasa: FakeRasa, settings: Settings
) -> None:
    headers = as_counsellor(console, "anna@roc-a.nl")
    console.post(f"/console/api/conversations/{SENDER}/take", headers=headers)
    response = say(console, SENDER, headers, "Wanneer begint het?")
    assert response.status_code == 200
    assert response.json() == {"messages": []}  # the counsellor answers, live
    assert fake_rasa.turns == []
    assert rows(settings, ConsoleMessage, SENDER) == 2  # "Je praat nu met Anna", the question


def test_say_with_rasa_down_is_a_503(
    console_settings: Settings, queued: str, tmp_path: Path
) -> None:
    with TestClient(create_app(console_settings), base_url="https://testserver") as console:
        headers = as_counsellor(console, "anna@roc-a.nl")
        response = say(console, SENDER, headers, "hoi")
    assert response.status_code == 503
