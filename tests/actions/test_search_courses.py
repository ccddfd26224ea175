from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.catalogue_access import catalogue_sessions
from actions.courses import ActionSearchCourses
from core.settings import get_settings
from tests.actions.trackers import make_tracker, run_action


@pytest.fixture(autouse=True)
def catalogue_env(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LEERWIJZER_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    catalogue_sessions.cache_clear()
    yield
    get_settings.cache_clear()
    catalogue_sessions.cache_clear()


def tracker(
    text: str, entities: list[dict[str, Any]], slots: dict[str, Any] | None = None
) -> Tracker:
    return make_tracker(text, intent="search_course", entities=entities, slots=slots)


def run(t: Tracker) -> list[dict[str, Any]]:
    messages, _ = run_action(ActionSearchCourses(), t)
    return messages


def course_lists(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m["custom"] for m in messages if m.get("custom", {}).get("type") == "course_list"]


def test_sector_and_place_give_a_course_list_near_the_place() -> None:
    messages = run(
        tracker(
            "Ik zoek een opleiding in de zorg in Utrecht",
            [{"entity": "sector", "value": "zorg"}, {"entity": "location", "value": "Utrecht"}],
        )
    )
    (payload,) = course_lists(messages)
    assert payload["total"] > 5
    assert len(payload["courses"]) == 5
    assert all(c["distance_km"] <= 25 for c in payload["courses"])
    assert "Utrecht" in messages[0]["text"]


def test_without_subject_the_advice_intake_starts() -> None:
    messages = run(tracker("ik zoek een opleiding", []))
    assert [m["text"] for m in messages][-1] == "Wat wil je bereiken?"
    assert messages[-1]["buttons"]


def test_place_remembered_in_a_slot_is_used() -> None:
    messages = run(
        tracker(
            "en dan in de techniek",
            [{"entity": "sector", "value": "techniek"}],
            slots={"location": "enschede"},
        )
    )
    (payload,) = course_lists(messages)
    assert {c["region"] for c in payload["courses"]} == {"Twente"}


def test_a_new_subject_is_not_hidden_by_the_field_talked_about_before() -> None:
    messages = run(
        tracker(
            "Zijn er cursussen over warmtepompen bij Enschede?",
            [
                {"entity": "topic", "value": "warmtepomp"},
                {"entity": "location", "value": "enschede"},
            ],
            slots={"sector": "kinderopvang"},
        )
    )
    (payload,) = course_lists(messages)
    assert "warmtepomp" in payload["courses"][0]["title"].lower()
    assert "kinderopvang" not in messages[0]["text"]


def test_a_remembered_field_still_narrows_a_subject_that_fits_it() -> None:
    messages = run(
        tracker(
            "iets met leidinggeven",
            [{"entity": "topic", "value": "leidinggeven"}],
            slots={"sector": "zorg"},
        )
    )
    (payload,) = course_lists(messages)
    assert {c["sector"] for c in payload["courses"]} == {"zorg"}


def test_unknown_place_is_said_and_search_goes_nationwide() -> None:
    messages = run(
        tracker(
            "warmtepomp in atlantis",
            [
                {"entity": "topic", "value": "warmtepomp"},
                {"entity": "location", "value": "atlantis"},
            ],
        )
    )
    assert "ken ik niet" in messages[0]["text"]
    (payload,) = course_lists(messages)
    assert payload["total"] > 0


def test_no_results_get_a_helpful_text_and_no_empty_list() -> None:
    messages = run(
        tracker("cursus onderwaterbreien", [{"entity": "topic", "value": "onderwaterbreien"}])
    )
    assert course_lists(messages) == []
    assert "geen opleidingen" in messages[0]["text"]


def test_during_the_advice_intake_a_search_answers_the_question() -> None:
    messages = run(
        tracker(
            "iets in de zorg",
            [{"entity": "sector", "value": "zorg", "start": 11, "end": 15}],
            slots={"advice_pending": "target", "advice_profile": {"goal": "omscholen"}},
        )
    )
    assert not course_lists(messages)
    assert messages[-1]["text"] == "Wat voor werk doe je nu? Of wat deed je hiervoor?"
