"""Funding actions with CollectingDispatcher and real trackers, on the real rules engine."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.funding import ActionFundingAnswer, ActionFundingCheck
from tests.actions.trackers import make_tracker, texts
from tests.actions.trackers import run_action as run


def tracker(
    *,
    intent: str,
    text: str = "",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
) -> Tracker:
    return make_tracker(text, intent=intent, entities=entities, slots=slots)


def eligibility(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    for message in messages:
        custom = message.get("custom") or {}
        if custom.get("type") == "eligibility":
            result: dict[str, Any] = custom["result"]
            return result
    return None


def test_stap_today_says_it_ended_and_turns_to_the_loan() -> None:
    messages, slots = run(
        ActionFundingCheck(),
        tracker(
            intent="ask_funding",
            text="kom ik in aanmerking voor STAP?",
            entities=[{"entity": "funding_scheme", "value": "stap"}],
        ),
    )
    assert "1 januari 2024" in texts(messages)
    assert slots["funding_scheme"] == "levenlanglerenkrediet"
    assert slots["funding_pending_fact"]  # the first missing loan fact is asked
    assert messages[-1]["buttons"] or slots["funding_pending_fact"] == "age"


def test_without_a_scheme_the_bot_offers_the_schemes() -> None:
    messages, slots = run(ActionFundingCheck(), tracker(intent="ask_funding", text="wie betaalt"))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles == ["Levenlanglerenkrediet", "STAP-budget"]
    assert slots == {}


def test_a_known_age_is_not_asked_again() -> None:
    _, slots = run(
        ActionFundingCheck(),
        tracker(
            intent="ask_funding",
            entities=[{"entity": "funding_scheme", "value": "levenlanglerenkrediet"}],
            slots={"age": "45"},
        ),
    )
    assert slots["funding_facts"]["age"] == 45
    assert slots["funding_pending_fact"] != "age"


def answer(pending: str, facts: dict[str, Any], **message: Any) -> tuple[list[Any], dict[str, Any]]:
    return run(
        ActionFundingAnswer(),
        tracker(
            slots={
                "funding_scheme": "levenlanglerenkrediet",
                "funding_pending_fact": pending,
                "funding_facts": facts,
            },
            **message,
        ),
    )


def test_bbl_is_not_eligible_for_the_loan_and_alternatives_follow() -> None:
    messages, slots = answer(
        "programme_kind",
        {"age": 45},
        intent="inform",
        entities=[{"entity": "funding_answer", "value": "mbo_bbl"}],
    )
    result = eligibility(messages)
    assert result is not None
    assert result["outcome"] == "not_eligible"
    assert "Dit kan je nog meer proberen" in texts(messages)
    assert slots["funding_pending_fact"] is None


def test_every_fact_answered_gives_a_result() -> None:
    facts = {"age": 30, "programme_kind": "mbo_bol_fulltime", "has_right_to_student_finance": False}
    messages, slots = answer("nationality_ok", facts, intent="affirm", text="ja")
    result = eligibility(messages)
    assert result is not None
    assert result["outcome"] == "eligible"
    assert slots["funding_pending_fact"] is None


def test_natural_no_answers_a_yes_no_question() -> None:
    facts = {"age": 30, "programme_kind": "mbo_bol_fulltime"}
    _, slots = answer(
        "has_right_to_student_finance",
        facts,
        intent="inform",
        text="ik krijg geen studiefinanciering",
    )
    assert slots["funding_facts"]["has_right_to_student_finance"] is False


def test_dont_know_skips_the_question_and_never_asks_it_again() -> None:
    facts = {"age": 30, "programme_kind": "mbo_bol_fulltime"}
    messages, slots = answer("has_right_to_student_finance", facts, intent="dont_know")
    assert "has_right_to_student_finance" in slots["funding_skipped"]
    assert slots["funding_pending_fact"] != "has_right_to_student_finance"
    assert messages


def test_a_correction_updates_a_known_fact() -> None:
    facts = {"age": 45, "programme_kind": "mbo_bol_fulltime"}
    _, slots = answer(
        "has_right_to_student_finance",
        facts,
        intent="inform",
        text="nee, ik ben 60",
        entities=[{"entity": "age", "value": "60"}],
    )
    assert slots["funding_facts"]["age"] == 60


def test_an_unclear_answer_repeats_the_question() -> None:
    messages, _ = answer("programme_kind", {"age": 30}, intent="inform", text="tja")
    assert texts(messages).startswith("Dat begreep ik niet goed.")
    assert messages[0]["buttons"]


def test_an_age_in_the_text_corrects_without_an_entity() -> None:
    _, slots = answer(
        "has_right_to_student_finance",
        {"age": 45, "programme_kind": "mbo_bol_fulltime"},
        intent="deny",
        text="nee, en ik ben trouwens 60",
    )
    assert slots["funding_facts"]["age"] == 60
    assert slots["funding_facts"]["has_right_to_student_finance"] is False


def test_an_impossible_answer_is_asked_again() -> None:
    messages, slots = answer(
        "age", {"programme_kind": "mbo_bol_fulltime"}, intent="inform", text="ik ben 150"
    )
    assert "age" not in slots["funding_facts"]
    assert slots["funding_pending_fact"] == "age"
    assert texts(messages).startswith("Dat kan niet kloppen.")


def test_facts_of_the_chosen_course_are_not_asked(sqlite_url: str, monkeypatch: Any) -> None:
    from actions.catalogue_access import catalogue_sessions
    from catalogue.schemas import CourseQuery
    from catalogue.search import search_courses
    from core.settings import get_settings

    monkeypatch.setenv("LEERWIJZER_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    catalogue_sessions.cache_clear()
    try:
        with catalogue_sessions()() as session:
            cards = search_courses(
                session, query=CourseQuery(kind="diploma", mode="bbl", limit=100)
            ).items
        bbl_only = next(c for c in cards if c.learning_modes == ["bbl"])
        t = tracker(
            intent="ask_funding",
            entities=[{"entity": "funding_scheme", "value": "levenlanglerenkrediet"}],
        )
        t.latest_message["metadata"] = {"course_id": bbl_only.id}
        messages, slots = run(ActionFundingCheck(), t)
    finally:
        get_settings.cache_clear()
        catalogue_sessions.cache_clear()
    # A BBL programme: the loan does not apply, and nothing had to be asked.
    result = eligibility(messages)
    assert result is not None
    assert result["outcome"] == "not_eligible"
    assert slots["funding_facts"]["programme_kind"] == "mbo_bbl"
    assert slots["chosen_course"] == bbl_only.id
