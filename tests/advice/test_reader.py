"""Reading messages into the profile: roles by clause, cue words, pending answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from advice.profile import Fact, Profile
from advice.reader import read_message
from tests.actions.trackers import entity

TODAY = dt.date(2026, 11, 21)


def read(
    text: str,
    entities: list[tuple[str, str, str | None]] = (),  # type: ignore[assignment]
    *,
    profile: Profile | None = None,
    pending: Fact | None = None,
    intent: str = "inform",
) -> Any:
    found = [entity(text, name, raw, value) for name, raw, value in entities]
    return read_message(
        profile or Profile(), pending=pending, intent=intent, text=text, entities=found, today=TODAY
    )


def test_all_at_once() -> None:
    text = "ik ben 45, werk 10 jaar in de kinderopvang in Utrecht en heb mbo 3"
    reading = read(
        text,
        [
            ("age", "45", None),
            ("sector", "kinderopvang", None),
            ("location", "Utrecht", "utrecht"),
            ("education_level", "mbo 3", "3"),
        ],
        intent="ask_advice",
    )
    p = reading.profile
    assert (p.age, p.current_sector, p.location, p.education) == (
        45,
        "kinderopvang",
        "utrecht",
        "3",
    )
    assert p.years_experience == 10
    assert p.employment == "werkend"
    assert p.target_sector is None


def test_current_and_target_in_one_message() -> None:
    text = "ik werk bij de supermarkt en wil de zorg in"
    p = read(text, [("sector", "supermarkt", "retail"), ("sector", "zorg", None)]).profile
    assert (p.current_sector, p.target_sector) == ("retail", "zorg")
    assert p.goal is None or p.goal == "omscholen"


def test_occupation_to_become_is_the_target() -> None:
    text = "ik ben pedagogisch medewerker en wil gespecialiseerd pedagogisch medewerker worden"
    p = read(
        text,
        [
            ("occupation", "pedagogisch medewerker", None),
            ("occupation", "gespecialiseerd pedagogisch medewerker", None),
        ],
    ).profile
    assert p.current_occupation == "pedagogisch medewerker"
    assert p.target_occupation == "gespecialiseerd pedagogisch medewerker"


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("ik wil doorgroeien", "doorgroeien"),
        ("ik wil omscholen", "omscholen"),
        ("ik wil iets anders gaan doen", "omscholen"),
        ("ik wil werk vinden", "werk_vinden"),
        ("ik wil een certificaat halen", "certificaat"),
        ("ik wil zij-instromen in het onderwijs", "zij-instromen"),
        ("ik wil bijscholen", "bijscholen"),
    ],
)
def test_goal_words(text: str, goal: str) -> None:
    assert read(text, intent="ask_advice").profile.goal == goal


def test_job_that_disappears_is_werk_naar_werk() -> None:
    p = read("mijn baan in de metaal verdwijnt", [("sector", "metaal", "techniek")]).profile
    assert p.job_at_risk
    assert p.employment == "werkend"
    assert p.goal == "omscholen"
    assert p.current_sector == "techniek"


def test_ww_and_newcomer_cues() -> None:
    p = read("ik ben statushouder en zit in de ww").profile
    assert p.newcomer
    assert p.employment == "werkzoekend"
    assert p.benefit == "ww"


def test_correction_is_reported() -> None:
    before = Profile(location="utrecht", goal="doorgroeien")
    reading = read("nee, ik woon in Tilburg", [("location", "Tilburg", "tilburg")], profile=before)
    assert reading.profile.location == "tilburg"
    assert reading.corrected == ["location"]


def test_button_answers() -> None:
    reading = read(
        "/inform",
        [("advice_answer", "/inform", "mode:bbl")],
        pending="learning_mode",
    )
    assert reading.profile.learning_mode == "bbl"


@pytest.mark.parametrize("text", ["weet ik niet", "maakt niet uit", "geen idee"])
def test_dont_know_skips_the_pending_question(text: str) -> None:
    reading = read(text, pending="hours", intent="dont_know")
    assert reading.profile.skipped == ["hours"]
    assert reading.understood


@pytest.mark.parametrize(
    ("pending", "text", "field", "value"),
    [
        ("hours", "ongeveer 10 uur", "hours_per_week", 10),
        ("hours", "twee dagen", "hours_per_week", 16),
        ("years_experience", "al 6 jaar", "years_experience", 6),
        ("years_experience", "sinds 2015", "years_experience", 11),
        ("budget", "ik kan 500 euro betalen", "budget_eur", 500),
        ("budget", "niks", "budget_eur", 0),
        ("dutch", "nog niet zo goed", "dutch_ok", False),
    ],
)
def test_pending_answers(pending: Fact, text: str, field: str, value: object) -> None:
    assert getattr(read(text, pending=pending).profile, field) == value


def test_yes_to_the_employer_question() -> None:
    p = read("ja", pending="payer", intent="affirm").profile
    assert p.payer == "werkgever"


def test_age_is_not_experience() -> None:
    reading = read("ik ben 52 jaar", [("age", "52", None)], profile=Profile(current_sector="zorg"))
    assert reading.profile.age == 52
    assert reading.profile.years_experience is None


def test_a_wanted_level_is_not_ones_own_diploma() -> None:
    text = "ik wil niveau 4 halen"
    p = read(text, [("education_level", "niveau 4", "4")]).profile
    assert p.education is None


def test_unclear_answer_is_not_understood() -> None:
    reading = read("tja hmm", pending="hours")
    assert not reading.understood


def test_unknown_job_is_kept_in_the_persons_words() -> None:
    p = read("ik werk bij de bakker", pending="current_work").profile
    assert p.current_occupation == "bakker"
    assert p.employment == "werkend"


def test_no_work_answer() -> None:
    p = read("ik heb geen werk", pending="current_work").profile
    assert p.employment == "werkzoekend"


def test_speaking_dutch_is_not_a_course_topic() -> None:
    text = "ik spreek nog niet zo goed Nederlands"
    p = read(text, [("topic", "Nederlands", "nederlands 3f")], pending="dutch").profile
    assert p.target_topic is None
    assert p.dutch_ok is False


def test_years_answer_tagged_as_age_is_experience() -> None:
    text = "ongeveer 20 jaar"
    reading = read(text, [("age", "20", None)], pending="years_experience", profile=Profile(age=52))
    assert reading.profile.age == 52
    assert reading.profile.years_experience == 20


def test_working_in_a_topic_field() -> None:
    text = "ik werk in de bibliotheek en wil me bijscholen in informatiedienstverlening"
    first = entity(text, "topic", "bibliotheek")
    second = entity(text, "topic", "informatiedienstverlening", "bibliotheek")
    reading = read_message(
        Profile(), pending=None, intent="ask_advice", text=text,
        entities=[first, second], today=TODAY,
    )  # fmt: skip
    p = reading.profile
    assert (p.current_sector, p.target_topic, p.goal) == (
        "bibliotheek",
        "bibliotheek",
        "bijscholen",
    )


def test_no_work_is_not_no_diploma() -> None:
    text = "ik heb geen werk"
    p = read(text, [("education_level", "geen", None)], pending="current_work").profile
    assert p.education is None
    assert p.employment == "werkzoekend"
