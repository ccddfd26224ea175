"""Handoff from the conversation: on request, and never only because the bot misread twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from actions.app_access import app_sessions
from actions.catalogue_access import catalogue_sessions
from actions.turn import ActionTurn
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


def _at(place: str) -> dict[str, Any]:
    return {"dialogue": {"facts": {"location": {"value": place, "said": place}}}}


def test_asking_for_a_person_queues_the_conversation_by_place(app_env: str) -> None:
    tracker = make_tracker(
        "ik wil met een adviseur praten",
        intent="request_human",
        slots=_at("enschede"),
        metadata={"channel": "telegram"},
        sender_id="tg-abc",
    )
    messages, _ = run_action(ActionTurn(), tracker)
    assert "Leerwerkloket Twente" in texts(messages)
    custom = [m["custom"] for m in messages if m.get("custom")]
    assert custom[0]["type"] == "handoff"
    assert custom[0]["status"] == "queued"
    assert handoff_of(app_env, "tg-abc") == ("loket-twente", "request_human", "telegram")


def test_the_widget_decides_the_organisation(app_env: str) -> None:
    tracker = make_tracker(
        "mag ik een mens",
        intent="request_human",
        slots=_at("enschede"),
        metadata={"channel": "widget", "organisation": "roc-a"},
        sender_id="web-1",
    )
    run_action(ActionTurn(), tracker)
    assert handoff_of(app_env, "web-1") == ("roc-a", "request_human", "widget")


def test_two_misunderstood_messages_offer_a_counsellor_but_queue_nothing(app_env: str) -> None:
    first, slots = run_action(
        ActionTurn(), make_tracker("qwerty asdf", intent="nlu_fallback", sender_id="web-2")
    )
    assert texts(first).startswith("Sorry, dat begreep ik niet")
    second, _ = run_action(
        ActionTurn(),
        make_tracker("zxcv", intent="nlu_fallback", slots=slots, sender_id="web-2"),
    )
    assert "adviseur" in texts(second)
    assert handoff_of(app_env, "web-2") is None


def test_an_intake_question_misread_twice_is_skipped_not_handed_over(app_env: str) -> None:
    _, slots = run_action(
        ActionTurn(), make_tracker("ik wil advies", intent="ask_advice", sender_id="web-3")
    )
    assert slots["dialogue"]["pending"]["fact"] == "goal"
    replies = []
    for noise in ("blub", "flap"):
        messages, changed = run_action(
            ActionTurn(),
            make_tracker(noise, intent="nlu_fallback", slots=slots, sender_id="web-3"),
        )
        slots.update(changed)
        replies.append(texts(messages))
    assert replies[0].startswith("Dat begreep ik niet goed")
    assert "sla deze vraag over" in replies[1]
    assert slots["dialogue"]["pending"]["fact"] != "goal"
    assert handoff_of(app_env, "web-3") is None
