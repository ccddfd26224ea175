"""Handoff from the conversation: on request and after two failures in a row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from actions.advice import ActionAdvice
from actions.app_access import app_sessions
from actions.catalogue_access import catalogue_sessions
from actions.handoff import ActionRequestHuman
from advice.texts import text
from bot.console.accounts import create_organisation
from bot.console.handoff import active_handoff
from bot.console.schema import upgrade_console
from catalogue.db import make_engine
from core.settings import get_settings
from tests.actions.trackers import make_tracker, run_action, texts

# Always open, so the test does not depend on the hour it runs.
ALWAYS_OPEN = "ma-zo 00:00-24:00"


@pytest.fixture(autouse=True)
def app_env(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(url)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        create_organisation(session, slug="roc-a", name="ROC A")
        twente = create_organisation(session, slug="loket-twente", name="Leerwerkloket Twente")
        twente.regions = "Twente"
    engine.dispose()
    monkeypatch.setenv("LEERWIJZER_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("LEERWIJZER_APP_DATABASE_URL", url)
    monkeypatch.setenv("LEERWIJZER_OFFICE_HOURS", ALWAYS_OPEN)
    for cache in (get_settings, app_sessions, catalogue_sessions):
        cache.cache_clear()
    yield url
    for cache in (get_settings, app_sessions, catalogue_sessions):
        cache.cache_clear()


def handoff_of(url: str, sender: str) -> Any:
    engine = make_engine(url)
    with Session(engine) as session:
        found = active_handoff(session, sender_id=sender)
        result = (found.organisation.slug, found.reason, found.channel) if found else None
    engine.dispose()
    return result


def test_asking_for_a_person_queues_the_conversation_by_place(app_env: str) -> None:
    tracker = make_tracker(
        "ik wil met een adviseur praten",
        intent="request_human",
        slots={"location": "enschede"},
        metadata={"channel": "telegram"},
        sender_id="tg-abc",
    )
    messages, _ = run_action(ActionRequestHuman(), tracker)
    assert "Leerwerkloket Twente" in texts(messages)
    custom = [m["custom"] for m in messages if m.get("custom")]
    assert custom[0]["type"] == "handoff"
    assert custom[0]["status"] == "queued"
    assert handoff_of(app_env, "tg-abc") == ("loket-twente", "request_human", "telegram")


def test_the_widget_decides_the_organisation(app_env: str) -> None:
    tracker = make_tracker(
        "mag ik een mens",
        intent="request_human",
        slots={"location": "enschede"},
        metadata={"channel": "widget", "organisation": "roc-a"},
        sender_id="web-1",
    )
    run_action(ActionRequestHuman(), tracker)
    assert handoff_of(app_env, "web-1") == ("roc-a", "request_human", "widget")


def _after_a_failure(message: str) -> list[dict[str, Any]]:
    return [
        {"event": "user", "text": "blablabla"},
        {"event": "bot", "text": text("ack_unclear")},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": message},
    ]


def test_two_failures_in_a_row_bring_in_a_counsellor(app_env: str) -> None:
    tracker = make_tracker(
        "qwerty asdf", intent="nlu_fallback", events=_after_a_failure("qwerty asdf"),
        sender_id="web-2",
    )  # fmt: skip
    messages, _ = run_action(ActionAdvice(), tracker)
    assert "adviseur" in texts(messages)
    assert handoff_of(app_env, "web-2") == ("roc-a", "fallback", "widget")


def test_one_failure_does_not(app_env: str) -> None:
    events = [{"event": "user", "text": "hoi"}, {"event": "bot", "text": "Hoi!"},
              {"event": "user", "text": "qwerty"}]  # fmt: skip
    tracker = make_tracker("qwerty", intent="nlu_fallback", events=events, sender_id="web-3")
    messages, _ = run_action(ActionAdvice(), tracker)
    assert texts(messages).startswith("Sorry, dat begreep ik niet")
    assert handoff_of(app_env, "web-3") is None
