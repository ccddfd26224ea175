"""The handoff queue, routing and what the person is told, on a real app database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.console.accounts import create_account, create_organisation
from bot.console.handoff import (
    HandoffError,
    active_handoff,
    hand_back,
    queue,
    route_organisation,
    take_over,
)
from bot.console.handoff_messages import find_contact, handoff_messages
from bot.console.models import Account
from bot.console.office_hours import OfficeHours, opening_phrase
from bot.console.schema import upgrade_console
from catalogue.db import make_engine
from tests.language.readability import assert_b1

HOURS = OfficeHours.parse("ma-vr 09:00-17:00")
FRIDAY_10 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)  # 10:00 in Amsterdam
FRIDAY_18 = dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> Session:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(url)
    session = Session(make_engine(url))
    create_organisation(session, slug="roc-a", name="ROC A")
    twente = create_organisation(session, slug="loket-twente", name="Leerwerkloket Twente")
    twente.regions = "Twente, Achterhoek"
    for slug, email in [("roc-a", "anna@roc-a.nl"), ("loket-twente", "tom@twente.nl")]:
        create_account(
            session,
            organisation_slug=slug,
            email=email,
            name=email.split("@")[0].title(),
            role="counsellor",
            password="een-goed-wachtwoord-1",
        )
    session.flush()
    return session


def account(db: Session, email: str) -> Account:
    found = db.query(Account).filter_by(email=email).one()
    return found


@pytest.mark.parametrize(
    ("hint", "region", "slug"),
    [("loket-twente", None, "loket-twente"), (None, "twente", "loket-twente"),
     ("onbekend", "Utrecht", "roc-a")],
)  # fmt: skip
def test_routing_by_widget_then_by_region_then_the_first(
    db: Session, hint: str | None, region: str | None, slug: str
) -> None:
    organisation = route_organisation(db, hint=hint, region=region)
    assert organisation is not None
    assert organisation.slug == slug


def test_during_office_hours_the_person_hears_who_and_how_soon(db: Session) -> None:
    messages = handoff_messages(
        db, sender_id="web-1", channel="widget", reason="request_human", hint=None,
        region="Twente", hours=HOURS, now=FRIDAY_10,
    )  # fmt: skip
    assert "Leerwerkloket Twente" in messages[0]["text"]
    assert "kwartier" in messages[0]["text"]
    assert messages[0]["custom"]["type"] == "handoff"
    assert messages[0]["custom"]["status"] == "queued"
    for message in messages:
        assert_b1(message["text"])
    handoff = active_handoff(db, sender_id="web-1")
    assert handoff is not None
    assert handoff.ticket == messages[0]["custom"]["ticket"]
    assert not handoff.contact_requested


def test_outside_office_hours_it_says_when_and_asks_for_a_contact(db: Session) -> None:
    messages = handoff_messages(
        db, sender_id="web-2", channel="widget", reason="request_human", hint=None,
        region=None, hours=HOURS, now=FRIDAY_18,
    )  # fmt: skip
    text = " ".join(m["text"] for m in messages)
    assert "maandag om 09:00 uur" in text
    assert "telefoonnummer of e-mailadres" in text
    for message in messages:
        assert_b1(message["text"])
    handoff = active_handoff(db, sender_id="web-2")
    assert handoff is not None
    assert handoff.contact_requested


def test_asking_twice_gives_the_same_ticket(db: Session) -> None:
    first = handoff_messages(
        db, sender_id="web-3", channel="widget", reason="request_human", hint=None,
        region=None, hours=HOURS, now=FRIDAY_10,
    )  # fmt: skip
    again = handoff_messages(
        db, sender_id="web-3", channel="widget", reason="request_human", hint=None,
        region=None, hours=HOURS, now=FRIDAY_10,
    )  # fmt: skip
    assert again[0]["custom"]["ticket"] == first[0]["custom"]["ticket"]
    assert "al klaar" in again[0]["text"]


def test_take_over_and_hand_back_stay_within_the_organisation(db: Session) -> None:
    handoff_messages(
        db, sender_id="web-4", channel="widget", reason="request_human", hint="roc-a",
        region=None, hours=HOURS, now=FRIDAY_10,
    )  # fmt: skip
    handoff = active_handoff(db, sender_id="web-4")
    assert handoff is not None
    roc = db.query(Account).filter_by(email="anna@roc-a.nl").one()
    assert [h.sender_id for h in queue(db, organisation_id=roc.organisation_id)] == ["web-4"]
    with pytest.raises(HandoffError):
        take_over(db, handoff=handoff, account=account(db, "tom@twente.nl"))
    take_over(db, handoff=handoff, account=roc)
    assert handoff.status == "assigned"
    hand_back(db, handoff=handoff, account=roc)
    assert active_handoff(db, sender_id="web-4") is None
    assert queue(db, organisation_id=roc.organisation_id) == []


def test_opening_phrases() -> None:
    assert opening_phrase(HOURS.next_opening(FRIDAY_18), FRIDAY_18) == "maandag om 09:00 uur"
    thursday_evening = FRIDAY_18 - dt.timedelta(days=1)
    assert opening_phrase(HOURS.next_opening(thursday_evening), thursday_evening) == (
        "morgen om 09:00 uur"
    )
    early = FRIDAY_10.replace(hour=6)
    assert opening_phrase(HOURS.next_opening(early), early) == "vandaag om 09:00 uur"


@pytest.mark.parametrize(
    "spec", ["altijd", "vr-ma 09:00-17:00", "ma-vr 17:00-09:00", "ma-vr 09:00-25:00"]
)
def test_bad_office_hours_are_refused(spec: str) -> None:
    with pytest.raises(ValueError, match="office hours"):
        OfficeHours.parse(spec)


@pytest.mark.parametrize(
    ("message", "contact"),
    [
        ("bel me op 06-12345678", "06-12345678"),
        ("mijn nummer is 0612345678 graag", "0612345678"),
        ("+31 6 12345678", "+31 6 12345678"),
        ("mail naar sanne.de.vries@example.nl", "sanne.de.vries@example.nl"),
        ("nee dank je", None),
        ("ik ben 45", None),
    ],
)
def test_contact_details_are_found(message: str, contact: str | None) -> None:
    assert find_contact(message) == contact
