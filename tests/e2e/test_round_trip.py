"""gateway -> trained Rasa model -> action server -> SQLite catalogue -> response."""

from __future__ import annotations

import csv
from typing import Any

import httpx
import pytest

from bot.console.handoff_messages import NO_ORGANISATION
from catalogue.reference import DATA_DIR
from scripts.stack import Stack

pytestmark = pytest.mark.slow


def chat(stack: Stack, sender: str, message: str) -> httpx.Response:
    return httpx.post(
        f"{stack.config.gateway_url}/api/chat",
        json={"sender_id": sender, "message": message},
        timeout=30,
    )


def course_list(messages: list[dict[str, Any]]) -> dict[str, Any]:
    lists = [m["custom"] for m in messages if m.get("custom", {}).get("type") == "course_list"]
    assert len(lists) == 1, messages
    payload: dict[str, Any] = lists[0]
    return payload


def test_healthz_is_ok_when_everything_runs(stack: Stack) -> None:
    response = httpx.get(f"{stack.config.gateway_url}/healthz", timeout=10)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_greeting_carries_the_privacy_notice(stack: Stack) -> None:
    response = chat(stack, "e2e-greet", "hoi")
    assert response.status_code == 200
    (message,) = response.json()["messages"]
    assert "Leerwijzer" in message["text"]
    assert "BSN" in message["text"]


def test_search_in_sector_and_place_returns_real_courses(stack: Stack) -> None:
    response = chat(stack, "e2e-search", "Ik zoek een opleiding in de zorg in Utrecht")
    assert response.status_code == 200
    body = response.json()
    assert body["sender_id"] == "e2e-search"
    payload = course_list(body["messages"])
    with (DATA_DIR / "qualifications.csv").open(encoding="utf-8") as handle:
        real = {row["code"]: row["naam"] for row in csv.DictReader(handle)}
    assert payload["total"] > 5
    for course in payload["courses"]:
        assert real[course["crebo"]].lower() == course["title"].lower()
        assert course["sector"] == "zorg" or course["crebo"] in real
        assert course["distance_km"] <= 25


def test_the_readme_curl_without_content_type_works(stack: Stack) -> None:
    # `curl -d '{...}'` sends the JSON as application/x-www-form-urlencoded.
    response = httpx.post(
        f"{stack.config.gateway_url}/api/chat",
        content=b'{"sender_id":"t1","message":"Ik zoek een opleiding in de zorg in Utrecht"}',
        headers={"content-type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert response.status_code == 200
    assert course_list(response.json()["messages"])["total"] > 5


def test_a_follow_up_place_refines_the_remembered_search(stack: Stack) -> None:
    chat(stack, "e2e-refine", "ik zoek een opleiding in de techniek")
    response = chat(stack, "e2e-refine", "in Enschede")
    payload = course_list(response.json()["messages"])
    assert {c["region"] for c in payload["courses"]} == {"Twente"}


def test_out_of_scope_gets_a_polite_refusal(stack: Stack) -> None:
    response = chat(stack, "e2e-oos", "zet een wekker om zeven uur")
    texts = " ".join(m.get("text") or "" for m in response.json()["messages"])
    assert "niet mee helpen" in texts


def test_gibberish_gets_the_fallback(stack: Stack) -> None:
    response = chat(stack, "e2e-fallback", "qwx zzkv blorp")
    texts = " ".join(m.get("text") or "" for m in response.json()["messages"])
    assert "begreep ik niet" in texts


def _handed_over(response: httpx.Response) -> bool:
    """A counsellor was asked for: queued, or (no organisation set up) sent to the loket."""
    messages = response.json()["messages"]
    return any(
        m.get("custom", {}).get("type") == "handoff" or m.get("text") == NO_ORGANISATION
        for m in messages
    )


def test_two_misunderstood_messages_offer_a_counsellor_and_queue_nothing(stack: Stack) -> None:
    # The bot offers a person; it never hands over only because it misread twice.
    sender = "e2e-fallback-twice"
    for text in ("hoi", "Zijn er cursussen over warmtepompen bij Enschede?", "hoeveel kost dat?"):
        assert chat(stack, sender, text).status_code == 200
    first = chat(stack, sender, "qwx zzkv blorp")
    assert not _handed_over(first), first.json()
    # No repeat of the last search.
    assert not any(m.get("custom") for m in first.json()["messages"])
    second = chat(stack, sender, "blorp qwx zzkv")
    assert not _handed_over(second), second.json()
    assert "adviseur" in second.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hoi", "greet"),
        ("doei", "goodbye"),
        ("jazeker", "affirm"),
        ("liever niet", "deny"),
        ("dank je wel", "thank"),
        ("ben jij een robot?", "bot_challenge"),
        ("wat kun je allemaal?", "ask_capabilities"),
        ("ik zoek een bbl-opleiding in de zorg in Utrecht", "search_course"),
        ("welke opleiding past bij mij?", "ask_advice"),
        ("ik ben 45, ik woon in Tilburg, mbo 2", "inform"),
        ("kom ik in aanmerking voor STAP?", "ask_funding"),
        ("telt mijn werkervaring mee?", "ask_validation"),
        ("hoeveel kost die opleiding?", "ask_course_details"),
        ("wat is het verschil tussen bol en bbl?", "faq"),
        ("ik wil met een adviseur praten", "request_human"),
        ("verwijder mijn gegevens", "forget_me"),
        ("opnieuw beginnen", "restart"),
        ("zet een wekker om zeven uur", "out_of_scope"),
    ],
)
def test_model_parse_gives_the_contract_intents(stack: Stack, text: str, intent: str) -> None:
    response = httpx.post(f"{stack.config.rasa_url}/model/parse", json={"text": text}, timeout=10)
    assert response.json()["intent"]["name"] == intent


def test_model_parse_finds_regions_and_skips_words_that_are_villages(stack: Stack) -> None:
    response = httpx.post(
        f"{stack.config.rasa_url}/model/parse",
        json={"text": "ik wil een cursus in Twente"},
        timeout=10,
    )
    locations = {
        e["value"].lower() for e in response.json()["entities"] if e["entity"] == "location"
    }
    assert locations == {"twente"}


def test_model_parse_extracts_sector_and_place(stack: Stack) -> None:
    response = httpx.post(
        f"{stack.config.rasa_url}/model/parse",
        json={"text": "ik zoek een opleiding in de zorg in Amersfoort"},
        timeout=10,
    )
    entities = {(e["entity"], e["value"].lower()) for e in response.json()["entities"]}
    assert ("sector", "zorg") in entities
    assert ("location", "amersfoort") in entities


def test_action_server_down_gives_503_then_recovers(stack: Stack) -> None:
    stack.stop("actions")
    try:
        response = chat(stack, "e2e-actions-down", "Ik zoek een opleiding in de zorg in Utrecht")
        assert response.status_code == 503
        assert "niet bereikbaar" in response.json()["detail"]
        health = httpx.get(f"{stack.config.gateway_url}/healthz", timeout=10).json()
        assert health["dependencies"]["action_server"] == "unavailable"
    finally:
        stack.start("actions")
        stack.wait_ready()
    response = chat(stack, "e2e-actions-down", "Ik zoek een opleiding in de zorg in Utrecht")
    assert response.status_code == 200
    course_list(response.json()["messages"])


def test_rasa_down_gives_503_not_500(stack: Stack) -> None:
    # Last in this module: Rasa is not restarted (the fixture tears down).
    # Every instance: with one left, the gateway would fail over to it.
    stack.stop(*stack.config.rasa_ports)
    response = chat(stack, "e2e-rasa-down", "hoi")
    assert response.status_code == 503
    assert "niet bereikbaar" in response.json()["detail"]
    health = httpx.get(f"{stack.config.gateway_url}/healthz", timeout=10)
    assert health.status_code == 503
    assert health.json()["dependencies"]["rasa"] == "unavailable"
