"""Assisted sessions: phone codes, profile corrections and "what if" paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.console.accounts import create_account, create_organisation
from bot.console.assist import (
    ProfileEditError,
    edited_state,
    redeem_code,
    start_session,
    state_events,
    what_if_paths,
)
from bot.console.handoff import queue
from bot.console.models import Account
from bot.console.schema import upgrade_console
from catalogue.db import make_engine

CARE_WORKER = {
    "dialogue": {
        "facts": {
            "goal": {"value": "doorgroeien"},
            "current_sector": {"value": "zorg"},
            "education": {"value": "2", "said": "mbo 2"},
            "location": {"value": "utrecht"},
            "years_experience": {"value": 6, "said": "meer dan 5 jaar"},
        }
    }
}


@pytest.fixture
def db(tmp_path: Path) -> Session:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(url)
    session = Session(make_engine(url))
    create_organisation(session, slug="roc-a", name="ROC A")
    create_account(
        session, organisation_slug="roc-a", email="anna@roc-a.nl", name="Anna",
        role="counsellor", password="een-goed-wachtwoord-1",
    )  # fmt: skip
    return session


def test_a_session_code_opens_the_conversation_once(db: Session) -> None:
    anna = db.query(Account).one()
    assisted = start_session(db, account=anna)
    assert assisted.sender_id.startswith("web-")
    assert assisted.code is not None
    assert len(assisted.code) == 6
    assert not set(assisted.code) & set("01OIL")
    assert queue(db, organisation_id=anna.organisation_id) == []  # never in the queue
    assert redeem_code(db, code=assisted.code.lower()) == assisted.sender_id
    assert redeem_code(db, code=assisted.sender_id) is None
    assert assisted.code is None  # used


def test_an_old_code_no_longer_works(db: Session) -> None:
    assisted = start_session(db, account=db.query(Account).one())
    code = assisted.code
    assert code is not None
    assisted.code_expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    assert redeem_code(db, code=code) is None


def test_corrections_are_validated_like_the_bots_own() -> None:
    state = edited_state(CARE_WORKER, {"location": "Tilburg", "years_experience": 8})
    assert state.value("location") == "Tilburg"
    assert state.facts["location"].source == "counsellor"
    assert state.value("years_experience") == 8
    assert state.value("current_sector") == "zorg"  # the rest stays
    assert state.facts["education"].said == "mbo 2"
    with pytest.raises(ProfileEditError):
        edited_state(CARE_WORKER, {"years_experience": "heel lang"})
    with pytest.raises(ProfileEditError):
        edited_state(CARE_WORKER, {"planned": True})  # not a counsellor's field


def test_corrections_become_one_state_event_for_rasa() -> None:
    events = state_events(edited_state(CARE_WORKER, {"location": "Tilburg", "age": 52}))
    assert [e["name"] for e in events] == ["dialogue"]
    facts = events[0]["value"]["facts"]
    assert facts["location"]["value"] == "Tilburg"
    assert facts["age"] == {"value": 52, "said": "52", "source": "counsellor"}


def test_what_if_plans_for_the_changed_facts_only(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with Session(engine) as catalogue:
        here = what_if_paths(catalogue, slots=CARE_WORKER, changes={})
        there = what_if_paths(catalogue, slots=CARE_WORKER, changes={"location": "Enschede"})
    engine.dispose()
    places = {s.course.place for p in here for s in p.steps if s.course}
    moved = {s.course.region for p in there for s in p.steps if s.course}
    assert places
    assert moved
    assert "Twente" in moved
    assert places != {s.course.place for p in there for s in p.steps if s.course}
