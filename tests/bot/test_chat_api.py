"""The chat door without a running Rasa: validation and the Rasa-down path."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.gateway.main import create_app
from core.settings import Settings


@pytest.fixture
def client(down_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(down_settings)) as client:
        yield client


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"sender_id": "t1", "message": ""}, "message is empty"),
        ({"sender_id": "t1", "message": "   \n\t "}, "message is empty"),
        ({"sender_id": "t1", "message": "a" * 5000}, "longer than 2000"),
        ({"sender_id": "t1", "message": "hoi", "colour": "blue"}, "Unknown field"),
        ({"message": "hoi"}, "sender_id"),
        ({"sender_id": "", "message": "hoi"}, "sender_id"),
        ({"sender_id": "has spaces", "message": "hoi"}, "sender_id"),
        ({"sender_id": "x" * 129, "message": "hoi"}, "sender_id"),
        ({"sender_id": 42, "message": "hoi"}, "sender_id"),
        ({"sender_id": "t1"}, "message"),
        ({"sender_id": "t1", "message": None}, "message"),
        ({"sender_id": "t1", "message": "hoi", "metadata": "nope"}, "metadata"),
    ],
)
def test_bad_chat_input_gets_422_with_a_clear_detail(
    client: TestClient, body: dict[str, object], fragment: str
) -> None:
    response = client.post("/api/chat", json=body)
    assert response.status_code == 422
    assert fragment in str(response.json()["detail"])


def test_invalid_json_gets_422(client: TestClient) -> None:
    response = client.post(
        "/api/chat",
        content=b'{"sender_id": "t1", "message": ',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "not valid JSON" in str(response.json()["detail"])


def test_json_without_content_type_is_accepted(client: TestClient) -> None:
    # What `curl -d '{...}'` sends: form encoding, JSON body. It passes
    # validation and reaches the (down) assistant.
    response = client.post(
        "/api/chat",
        content=b'{"sender_id": "t1", "message": "hoi"}',
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 503


def test_json_that_is_not_an_object_gets_422(client: TestClient) -> None:
    response = client.post("/api/chat", json=["hoi"])
    assert response.status_code == 422


def test_oversized_body_gets_413(client: TestClient) -> None:
    response = client.post("/api/chat", json={"sender_id": "t1", "message": "a" * 70_000})
    assert response.status_code == 413


def test_validation_errors_do_not_echo_the_message(client: TestClient) -> None:
    secret = "mijn BSN is 123456782 " * 300
    response = client.post("/api/chat", json={"sender_id": "t1", "message": secret, "x": 1})
    assert response.status_code == 422
    assert "123456782" not in response.text


def test_rasa_down_gives_503_with_dutch_detail_fast(client: TestClient) -> None:
    started = time.perf_counter()
    response = client.post("/api/chat", json={"sender_id": "t1", "message": "a" * 1000})
    assert time.perf_counter() - started < 5
    assert response.status_code == 503
    assert "niet bereikbaar" in response.json()["detail"]


def test_healthz_reports_each_dependency(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "dependencies": {"database": "ok", "rasa": "unavailable", "action_server": "unavailable"},
    }


def test_demo_page_embeds_the_widget_with_the_documented_snippet(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<script src="/widget.js"' in response.text
    script = client.get("/widget.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in script.text
    assert client.get("/widget.css").headers["content-type"].startswith("text/css")


def test_a_hanging_rasa_gives_503_within_the_deadline(down_settings: Settings) -> None:
    # A server that accepts connections and never answers.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        settings = down_settings.model_copy(
            update={"rasa_url": f"http://127.0.0.1:{port}", "rasa_timeout_s": 1.0}
        )
        with TestClient(create_app(settings)) as client:
            started = time.perf_counter()
            response = client.post("/api/chat", json={"sender_id": "t1", "message": "hoi"})
            elapsed = time.perf_counter() - started
    assert response.status_code == 503
    assert elapsed < 5


# Replies outside the contract, empty replies and input hygiene:
# tests/bot/conversations/test_turns.py (with a stand-in Rasa).
