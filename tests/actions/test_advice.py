"""Advice actions with CollectingDispatcher and real trackers on the real catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from actions.advice import ActionAdvice, ActionAdviceResume
from actions.advice_state import PENDING_SLOT
from actions.catalogue_access import catalogue_sessions
from actions.funding import ActionFundingAnswer, ActionFundingCheck
from core.settings import get_settings
from tests.actions.trackers import entity, texts
from tests.actions.trackers import make_tracker as tracker
from tests.actions.trackers import run_action as run


@pytest.fixture(autouse=True)
def catalogue_env(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LEERWIJZER_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    catalogue_sessions.cache_clear()
    yield
    get_settings.cache_clear()
    catalogue_sessions.cache_clear()


def paths(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "path"]


def test_start_asks_the_goal_with_buttons() -> None:
    messages, slots = run(
        ActionAdvice(), tracker("welke opleiding past bij mij?", intent="ask_advice")
    )
    assert slots["advice_pending"] == "goal"
    assert "Wat wil je bereiken?" in texts(messages)
    assert len(messages[-1]["buttons"]) == 6


def test_everything_at_once_skips_to_what_is_missing() -> None:
    text = "ik ben 45, werk 10 jaar in de kinderopvang in Utrecht, heb mbo 3 en wil doorgroeien"
    _messages, slots = run(
        ActionAdvice(),
        tracker(
            text,
            intent="ask_advice",
            entities=[
                entity(text, "age", "45"),
                entity(text, "sector", "kinderopvang"),
                entity(text, "location", "Utrecht", "utrecht"),
                entity(text, "education_level", "mbo 3", "3"),
            ],
        ),
    )
    assert slots["advice_pending"] == "payer"
    profile = slots["advice_profile"]
    assert profile["goal"] == "doorgroeien"
    assert profile["years_experience"] == 10


def test_last_answer_gives_paths_with_payloads() -> None:
    profile = {
        "goal": "doorgroeien",
        "current_occupation": "pedagogisch medewerker",
        "years_experience": 10,
        "education": "3",
        "location": "utrecht",
        "employment": "werkend",
    }
    messages, slots = run(
        ActionAdvice(),
        tracker(
            "ja", intent="affirm", slots={"advice_profile": profile, "advice_pending": "payer"}
        ),
    )
    found = paths(messages)
    assert 1 <= len(found) <= 3
    assert found[0]["steps"][0]["kind"] == "evc"
    assert all({"title", "kind", "why"} <= set(step) for p in found for step in p["steps"])
    assert slots["advice_pending"] is None
    assert slots["advice_profile"]["planned"] is True
    assert slots["advice_profile"]["payer"] == "werkgever"


def test_unclear_answer_asks_again() -> None:
    messages, slots = run(
        ActionAdvice(),
        tracker("tja", intent="nlu_fallback", slots={"advice_pending": "hours",
                "advice_profile": {"goal": "omscholen", "target_sector": "zorg",
                                   "employment": "werkzoekend", "education": "2",
                                   "location": "utrecht", "learning_mode": "bol"}}),
    )  # fmt: skip
    assert "Dat begreep ik niet goed." in texts(messages)
    assert slots["advice_pending"] == "hours"


def test_dont_know_moves_on() -> None:
    _messages, slots = run(
        ActionAdvice(),
        tracker("weet ik niet", intent="dont_know", slots={"advice_pending": "goal"}),
    )
    assert slots["advice_pending"] != "goal"
    assert "goal" in slots["advice_profile"]["skipped"]


def test_correction_after_the_paths_replans() -> None:
    profile = {
        "goal": "certificaat",
        "target_topic": "gastvrijheid in de zorg",
        "education": "2",
        "location": "zwolle",
        "employment": "werkzoekend",
        "planned": True,
    }
    text = "nee, ik woon in Tilburg"
    messages, slots = run(
        ActionAdvice(),
        tracker(
            text,
            entities=[entity(text, "location", "Tilburg", "tilburg")],
            slots={"advice_profile": profile},
        ),
    )
    assert "aangepast" in texts(messages)
    assert slots["advice_profile"]["location"] == "tilburg"
    assert paths(messages)[0]["steps"][0]["course"]["place"] != "Zwolle"


def test_facts_without_advice_are_kept_and_advice_offered() -> None:
    messages, slots = run(
        ActionAdvice(), tracker("ik ben 45", entities=[entity("ik ben 45", "age", "45")])
    )
    assert slots["advice_profile"]["age"] == 45
    assert "advice_pending" not in slots
    assert messages[0]["buttons"]


def test_bare_yes_outside_everything_is_acknowledged() -> None:
    messages, _slots = run(ActionAdvice(), tracker("ja", intent="affirm"))
    assert texts(messages) == "Fijn. Waar kan ik je nog mee helpen?"


def test_resume_repeats_the_question() -> None:
    messages, slots = run(ActionAdviceResume(), tracker("", slots={"advice_pending": "location"}))
    assert texts(messages) == "Dan gaan we verder. In welke plaats woon je?"
    assert slots["advice_pending"] == "location"


def test_funding_question_during_the_intake_pauses_and_resumes_it() -> None:
    text = "kan ik levenlanglerenkrediet krijgen?"
    messages, slots = run(
        ActionFundingCheck(),
        tracker(
            text,
            intent="ask_funding",
            entities=[entity(text, "funding_scheme", "levenlanglerenkrediet")],
            slots={"advice_pending": "location"},
        ),
    )
    assert slots["advice_pending"] is None
    assert slots["advice_paused"] == "location"
    assert slots["funding_pending_fact"]
    # Answer the loan's questions until the result; then the intake question returns.
    answers = {
        "programme_kind": ("/inform", "inform", [{"entity": "funding_answer",
                                                  "value": "mbo_bol_fulltime"}]),
        "age": ("ik ben 40", "inform", [entity("ik ben 40", "age", "40")]),
        "has_right_to_student_finance": ("nee", "deny", []),
        "nationality_ok": ("ja", "affirm", []),
    }  # fmt: skip
    state = {"advice_paused": "location", **slots}
    for _ in range(6):
        fact = state.get("funding_pending_fact")
        if fact is None:
            break
        said, intent, found = answers[fact]
        messages, new = run(ActionFundingAnswer(), tracker(said, intent=intent, entities=found,
                                                           slots=state))  # fmt: skip
        state.update(new)
    assert any((m.get("custom") or {}).get("type") == "eligibility" for m in messages)
    assert texts(messages).endswith("Dan gaan we verder. In welke plaats woon je?")
    assert state["advice_pending"] == "location"
    assert state["advice_paused"] is None


def test_out_of_scope_during_the_intake_keeps_the_question() -> None:
    messages, slots = run(
        ActionAdvice(),
        tracker(
            "zet een wekker om zeven uur",
            intent="out_of_scope",
            slots={"advice_pending": "hours", "advice_profile": {"goal": "omscholen"}},
        ),
    )
    assert messages[0]["response"] == "utter_out_of_scope"
    assert texts(messages).endswith("Hoeveel uur per week kun je leren?")
    assert "advice_profile" not in slots  # "zeven" was not taken as hours


def test_a_wish_the_nlu_missed_starts_the_advice() -> None:
    _messages, slots = run(
        ActionAdvice(), tracker("ik zit in de ww en wil weer aan het werk", intent="nlu_fallback")
    )
    assert slots["advice_profile"]["employment"] == "werkzoekend"
    assert slots["advice_profile"]["goal"] == "werk_vinden"
    assert slots["advice_pending"] == "target"


def test_budget_answer_read_as_funding_question_still_answers() -> None:
    text = "ik kan 100 euro betalen"
    messages, slots = run(
        ActionFundingCheck(),
        tracker(
            text,
            intent="ask_funding",
            slots={
                "advice_pending": "budget",
                "advice_profile": {
                    "goal": "certificaat",
                    "target_topic": "gastvrijheid in de zorg",
                    "education": "2",
                    "location": "zwolle",
                    "payer": "zelf",
                    "employment": "werkend",
                    "times": ["avond"],
                },
            },
        ),
    )
    assert slots["advice_profile"]["budget_eur"] == 100
    assert paths(messages)


def test_resume_does_nothing_outside_the_intake_or_during_a_funding_question() -> None:
    assert run(ActionAdviceResume(), tracker("", slots={})) == ([], {})
    paused = tracker("", slots={"advice_paused": "location", "funding_pending_fact": "age"})
    assert run(ActionAdviceResume(), paused) == ([], {})
    # Rasa gives this empty answer itself while the slot is empty, without
    # calling the action server (bot/rasa/launch.py: NOTHING_TO_DO_WHILE_EMPTY).
    assert PENDING_SLOT == "advice_pending"


def test_asking_again_after_the_paths_shows_them_again() -> None:
    profile = {
        "goal": "certificaat",
        "target_topic": "gastvrijheid in de zorg",
        "education": "2",
        "location": "zwolle",
        "employment": "werkzoekend",
        "planned": True,
    }
    messages, _ = run(
        ActionAdvice(),
        tracker(
            "welke opleiding past bij mij?", intent="ask_advice", slots={"advice_profile": profile}
        ),
    )
    assert paths(messages)
    assert "aangepast" not in texts(messages)
