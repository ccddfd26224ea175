"""The one turn service: input hygiene, the empty-reply guard, erasure, through /api/chat."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from bot.conversations.erasure import count_events
from bot.conversations.forget import ERASE_REQUEST, ERASED
from bot.conversations.turns import (
    APOLOGY,
    MAX_COURSE_ID,
    clean_metadata,
    clean_text,
    load_intents,
)
from bot.gateway.main import create_app
from core.settings import Settings
from scripts.stack import free_port
from tests.bot.fake_rasa import FakeRasa
from tests.bot.test_conversations_api import _tracker_with_events

INTENTS = load_intents()
BUTTON_PAYLOADS = [
    "/affirm",
    "/deny",
    "/dont_know",
    "/forget_me",
    '/inform{"advice_answer": "x"}',
    '/ask_funding{"funding_scheme": "stap"}',
]


@pytest.fixture(scope="session")
def database_url(sqlite_url: str) -> str:
    """Turns do not touch the catalogue: one backend is enough here."""
    return sqlite_url


@pytest.fixture
def settings(down_settings: Settings, fake_rasa: FakeRasa, tmp_path: Path) -> Settings:
    return down_settings.model_copy(
        update={
            "rasa_url": fake_rasa.url,
            "action_server_url": fake_rasa.url,
            "tracker_database_url": f"sqlite:///{tmp_path / 'tracker.db'}",
            "app_database_url": f"sqlite:///{tmp_path / 'app.db'}",
        }
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def chat(client: TestClient, message: str, **metadata: Any) -> Any:
    return client.post(
        "/api/chat", json={"sender_id": "web-t1", "message": message, "metadata": metadata}
    )


# The service's pieces, without a gateway.


def test_the_domains_intents_are_read_from_the_domain_file() -> None:
    assert {"affirm", "deny", "dont_know", "forget_me", "inform", "ask_funding"} <= INTENTS


def test_a_domain_folder_and_intents_with_options_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("intents:\n  - greet\n  - inform:\n      use_entities: []\n")
    (tmp_path / "b.yml").write_text("responses: {}\n")
    assert load_intents(tmp_path) == {"greet", "inform"}


@pytest.mark.parametrize("payload", BUTTON_PAYLOADS)
def test_button_payloads_go_to_rasa_as_they_are(payload: str) -> None:
    assert clean_text(payload, intents=INTENTS) == payload


@pytest.mark.parametrize(
    ("text", "sent"),
    [
        ("/iets", "iets"),
        ('/hack{"age": 200}', 'hack{"age": 200}'),
        ("/ik zoek zorg", "ik zoek zorg"),
        ("//affirm", "affirm"),
        ("hoi \ud800daar\udfff", "hoi daar"),
        ("een\x00 twee\x1b", "een twee"),
        ("/", ""),
        ("\ud800", ""),
    ],
)
def test_text_is_cleaned_before_rasa(text: str, sent: str) -> None:
    assert clean_text(text, intents=INTENTS) == sent


@pytest.mark.parametrize("course_id", [0, -1, MAX_COURSE_ID + 1, 10**30, True, "12", 1.5, None])
def test_a_course_id_the_catalogue_cannot_have_is_dropped(course_id: object) -> None:
    assert clean_metadata({"course_id": course_id, "channel": "widget"}) == {"channel": "widget"}


def test_a_usable_course_id_and_other_metadata_stay() -> None:
    metadata = {"course_id": MAX_COURSE_ID, "channel": "widget", "organisation": "roc-\ud800a"}
    assert clean_metadata(metadata) == {
        "course_id": MAX_COURSE_ID,
        "channel": "widget",
        "organisation": "roc-a",
    }


# Through POST /api/chat.


def test_an_empty_rasa_reply_becomes_the_apology(
    client: TestClient, fake_rasa: FakeRasa, caplog: pytest.LogCaptureFixture
) -> None:
    fake_rasa.reply = []  # an action failed; the action server itself is up
    response = chat(client, "ik zoek een geheime opleiding")
    assert response.status_code == 200
    assert response.json() == {"sender_id": "web-t1", "messages": [{"text": APOLOGY}]}
    assert "answered nothing" in caplog.text
    assert "geheime" not in caplog.text


@pytest.mark.parametrize(
    "reply",
    [
        [{"recipient_id": "web-t1", "text": "Kies maar:", "buttons": [{"title": "Zorg"}]}],
        [{"text": "Kies maar:"}, "just a string"],
        [{"text": ["Kies maar:"]}],
    ],
    ids=["button-without-payload", "not-an-object", "text-not-a-string"],
)
def test_a_reply_outside_the_contract_becomes_the_apology(
    client: TestClient, fake_rasa: FakeRasa, reply: object, caplog: pytest.LogCaptureFixture
) -> None:
    fake_rasa.reply = reply
    response = chat(client, "hoi")
    assert response.status_code == 200
    assert response.json()["messages"] == [{"text": APOLOGY}]
    assert "outside the contract" in caplog.text  # logged, by field or kind
    assert "Kies maar" not in caplog.text


def test_an_empty_reply_with_the_action_server_down_stays_a_503(
    settings: Settings, fake_rasa: FakeRasa
) -> None:
    fake_rasa.reply = []
    down = settings.model_copy(update={"action_server_url": f"http://127.0.0.1:{free_port()}"})
    with TestClient(create_app(down)) as client:
        response = chat(client, "hoi")
    assert response.status_code == 503
    assert "niet bereikbaar" in response.json()["detail"]


def test_lone_surrogates_are_accepted_and_never_reach_rasa(
    client: TestClient, fake_rasa: FakeRasa
) -> None:
    # Raw JSON: "\ud800" is valid JSON, but cannot be encoded as UTF-8.
    body = b'{"sender_id": "web-t1", "message": "hoi \\ud800daar", "metadata": {"x": "\\udc00"}}'
    response = client.post("/api/chat", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["messages"] == [{"text": "Hoi!"}]
    assert fake_rasa.turns[-1]["message"] == "hoi daar"
    assert fake_rasa.turns[-1]["metadata"] == {"x": ""}


def test_only_unreadable_characters_get_the_apology_without_rasa(
    client: TestClient, fake_rasa: FakeRasa
) -> None:
    body = b'{"sender_id": "web-t1", "message": "\\udfff \\ud800"}'  # not a pair
    response = client.post("/api/chat", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["messages"] == [{"text": APOLOGY}]
    assert fake_rasa.turns == []


def test_an_unknown_payload_goes_to_rasa_as_plain_text(
    client: TestClient, fake_rasa: FakeRasa
) -> None:
    assert chat(client, '/geheim{"age": 200}').status_code == 200
    assert chat(client, "/iets").status_code == 200
    for payload in BUTTON_PAYLOADS:
        assert chat(client, payload).status_code == 200
    assert fake_rasa.texts == ['geheim{"age": 200}', "iets", *BUTTON_PAYLOADS]


def test_a_huge_course_id_is_not_passed_to_rasa(client: TestClient, fake_rasa: FakeRasa) -> None:
    response = chat(client, "kan ik dit betalen?", course_id=2**63, channel="widget")
    assert response.status_code == 200
    assert fake_rasa.turns[-1]["metadata"] == {"channel": "widget"}
    chat(client, "en deze?", course_id=42)
    assert fake_rasa.turns[-1]["metadata"] == {"course_id": 42}


def test_a_reply_asking_for_erasure_erases_the_conversation(
    client: TestClient, fake_rasa: FakeRasa, settings: Settings
) -> None:
    _tracker_with_events(settings.tracker_database_url, {"web-t1": 4, "web-ander": 2})
    fake_rasa.reply = [{"text": "Klaar."}, {"custom": ERASE_REQUEST}]
    response = chat(client, "/forget_me")
    assert response.status_code == 200
    assert response.json()["messages"] == [{"text": ERASED, "custom": {"type": "erased"}}]
    engine = create_engine(settings.tracker_database_url)
    assert count_events(engine, sender_id="web-t1") == 0
    assert count_events(engine, sender_id="web-ander") == 2
    engine.dispose()


def test_rasa_gets_the_sender_the_text_and_the_metadata(
    client: TestClient, fake_rasa: FakeRasa
) -> None:
    fake_rasa.reply = lambda turn: [{"recipient_id": turn["sender"], "text": "Hoi!"}]
    response = chat(client, "  hoi  ", channel="widget")
    assert response.json() == {"sender_id": "web-t1", "messages": [{"text": "Hoi!"}]}
    assert json.loads(json.dumps(fake_rasa.turns)) == [
        {"sender": "web-t1", "message": "hoi", "metadata": {"channel": "widget"}}
    ]
