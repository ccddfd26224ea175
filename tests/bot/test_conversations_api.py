"""Transcript and erasure endpoints, and CORS for the widget, without a running Rasa."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from bot.conversations.erasure import count_events, erase_conversation
from bot.gateway.main import create_app
from core.settings import Settings

WIDGET_SITE = "https://www.roc-voorbeeld.nl"


@pytest.fixture
def settings(down_settings: Settings, tmp_path: Path) -> Settings:
    return down_settings.model_copy(
        update={
            "tracker_database_url": f"sqlite:///{tmp_path / 'tracker.db'}",
            "widget_allowed_origins": f"{WIDGET_SITE}, https://leerwerkloket.example/",
        }
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def _tracker_with_events(url: str, rows: dict[str, int]) -> None:
    """The table as Rasa's SQLTrackerStore creates it, with some events per sender."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255),"
                " type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255),"
                " action_name VARCHAR(255), data TEXT)"
            )
        )
        for sender, count in rows.items():
            for number in range(count):
                connection.execute(
                    text("INSERT INTO events (sender_id, type_name, data) VALUES (:s, 'user', :d)"),
                    {"s": sender, "d": f'{{"text": "bericht {number}"}}'},
                )
    engine.dispose()


def test_erasure_deletes_every_event_of_that_sender_only(settings: Settings) -> None:
    _tracker_with_events(settings.tracker_database_url, {"web-a": 5, "web-b": 3})
    engine = create_engine(settings.tracker_database_url)
    assert erase_conversation(engine, sender_id="web-a") == 5
    assert count_events(engine, sender_id="web-a") == 0
    assert count_events(engine, sender_id="web-b") == 3
    engine.dispose()


def test_delete_endpoint_erases_and_is_idempotent(client: TestClient, settings: Settings) -> None:
    _tracker_with_events(settings.tracker_database_url, {"web-a": 4})
    assert client.delete("/api/conversations/web-a").status_code == 204
    engine = create_engine(settings.tracker_database_url)
    assert count_events(engine, sender_id="web-a") == 0
    engine.dispose()
    assert client.delete("/api/conversations/web-a").status_code == 204


def test_delete_before_any_conversation_exists_is_fine(client: TestClient) -> None:
    # No tracker table yet: nothing to erase, no error.
    assert client.delete("/api/conversations/web-nieuw").status_code == 204


@pytest.mark.parametrize("sender", ["has space", "x" * 129, "a<b>"])
def test_bad_sender_ids_get_422(client: TestClient, sender: str) -> None:
    assert client.delete(f"/api/conversations/{sender}").status_code == 422
    assert client.get(f"/api/conversations/{sender}/messages").status_code == 422


def test_transcript_with_rasa_down_is_a_dutch_503(client: TestClient) -> None:
    response = client.get("/api/conversations/web-a/messages")
    assert response.status_code == 503
    assert "niet bereikbaar" in response.json()["detail"]


def test_cors_allows_configured_sites_only(client: TestClient) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Origin": WIDGET_SITE}
    allowed = client.options("/api/chat", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == WIDGET_SITE
    # A trailing slash in the setting is tolerated.
    other = client.options(
        "/api/chat", headers={**preflight, "Origin": "https://leerwerkloket.example"}
    )
    assert other.headers["access-control-allow-origin"] == "https://leerwerkloket.example"
    refused = client.options("/api/chat", headers={**preflight, "Origin": "https://evil.example"})
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
