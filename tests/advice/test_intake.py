"""The intake asks only what the advice needs and never what is known."""

from __future__ import annotations

import pytest

from advice.fields import load_knowledge
from advice.intake import QUESTIONS, needs, next_question
from advice.profile import Profile

K = load_knowledge()


def test_first_the_goal() -> None:
    question = next_question(Profile(), K)
    assert question is not None
    assert question.fact == "goal"
    assert any(b["title"] == "Weet ik niet" for b in question.buttons)


def test_working_in_the_field_means_bbl_so_no_mode_or_hours_question() -> None:
    profile = Profile(
        goal="doorgroeien",
        current_occupation="pedagogisch medewerker",
        years_experience=10,
        education="3",
        location="utrecht",
        employment="werkend",
    )
    assert needs(profile, K) == ["payer", "budget"]


def test_employer_pays_so_no_budget_question() -> None:
    profile = Profile(
        goal="doorgroeien",
        current_occupation="pedagogisch medewerker",
        years_experience=10,
        education="3",
        location="utrecht",
        employment="werkend",
        payer="werkgever",
    )
    assert needs(profile, K) == []


def test_switcher_is_asked_where_to_and_how_to_learn() -> None:
    profile = Profile(goal="omscholen", current_sector="retail", employment="werkend")
    assert needs(profile, K) == [
        "target",
        "education",
        "location",
        "learning_mode",
        "hours",
        "payer",
        "budget",
    ]


def test_experience_asked_only_when_it_can_count() -> None:
    related = Profile(goal="omscholen", current_sector="techniek", target_topic="warmtepomp")
    unrelated = Profile(goal="omscholen", current_sector="retail", target_sector="zorg")
    assert "years_experience" in needs(related, K)
    assert "years_experience" not in needs(unrelated, K)


def test_job_seeker_is_not_asked_about_employer_or_budget() -> None:
    profile = Profile(goal="werk_vinden", employment="werkzoekend", target_sector="logistiek")
    missing = needs(profile, K)
    assert "payer" not in missing
    assert "budget" not in missing
    assert "current_work" not in missing


def test_newcomer_is_asked_about_dutch() -> None:
    profile = Profile(goal="werk_vinden", newcomer=True, employment="werkzoekend")
    assert "dutch" in needs(profile, K)
    assert "dutch" not in needs(profile.model_copy(update={"newcomer": False}), K)


@pytest.mark.parametrize("fact", ["goal", "target", "education", "location", "hours"])
def test_skipped_questions_are_not_asked_again(fact: str) -> None:
    profile = Profile(goal="omscholen", employment="werkzoekend", skipped=[fact])
    assert fact not in needs(profile, K)


def test_online_learners_are_not_asked_where_they_live() -> None:
    profile = Profile(goal="bijscholen", current_sector="zorg", learning_mode="online")
    assert "location" not in needs(profile, K)


def test_every_question_has_dutch_text() -> None:
    for fact, question in QUESTIONS.items():
        assert question.fact == fact
        assert question.text.endswith("?") or question.text.endswith(".")
