"""Erasure and retention, proved by database queries: nothing of the person remains."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.console.accounts import create_organisation
from bot.console.db import make_app_engine
from bot.console.handoff import open_handoff, save_contact
from bot.console.models import (
    AssistedSession,
    AuditEntry,
    ChannelAddress,
    ConsoleBase,
    ConsoleMessage,
    Handoff,
    Note,
)
from bot.console.schema import upgrade_console
from bot.conversations.forget import forget_conversation
from bot.conversations.retention import purge
from catalogue.db import make_session_factory
from tests.bot.test_conversations_api import _tracker_with_events

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def stores(tmp_path: Path) -> tuple[Engine, sessionmaker[Session]]:
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _tracker_with_events(tracker_url, {"web-weg": 6, "web-blijft": 2})
    app_url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(app_url)
    sessions = make_session_factory(make_app_engine(app_url))
    with sessions() as session, session.begin():
        roc = create_organisation(session, slug="roc-a", name="ROC A")
        for sender in ("web-weg", "web-blijft"):
            handoff, _ = open_handoff(
                session, sender_id=sender, organisation=roc, channel="widget",
                reason="request_human",
            )  # fmt: skip
            save_contact(session, handoff=handoff, contact="0612345678")
            session.add(ConsoleMessage(sender_id=sender, role="user", text="hoi", at=NOW))
            session.add(Note(sender_id=sender, text="Wil BBL in de zorg", at=NOW))
            session.add(
                ChannelAddress(sender_id=sender, channel="telegram", address="42", updated_at=NOW)
            )
            session.add(
                AssistedSession(
                    sender_id=sender, organisation_id=roc.id, code=sender[-4:], created_at=NOW
                )
            )
    return create_engine(tracker_url), sessions


def rows_mentioning(stores: tuple[Engine, sessionmaker[Session]], sender: str) -> dict[str, int]:
    """Rows holding the sender id in every table of both databases (audit log apart)."""
    tracker, sessions = stores
    found: dict[str, int] = {}
    with tracker.connect() as connection:
        found["events"] = connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
        ).scalar_one()
    with sessions() as session:
        for table in ConsoleBase.metadata.sorted_tables:
            if "sender_id" in table.c and table.name != "audit_log":
                found[table.name] = session.execute(
                    select(func.count()).select_from(table).where(table.c.sender_id == sender)
                ).scalar_one()
    return found


def test_forget_leaves_nothing_but_an_audit_entry_without_content(
    stores: tuple[Engine, sessionmaker[Session]],
) -> None:
    tracker, sessions = stores
    assert all(rows_mentioning(stores, "web-weg").values())
    forget_conversation(tracker_engine=tracker, app_sessions=sessions, sender_id="web-weg")
    assert set(rows_mentioning(stores, "web-weg").values()) == {0}
    assert all(rows_mentioning(stores, "web-blijft").values())
    with sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erased")).one()
        assert entry.sender_id == "web-weg"
        # The audit table has no column that could hold what was said.
        assert set(AuditEntry.__table__.c.keys()) == {
            "id",
            "at",
            "account_id",
            "organisation_id",
            "action",
            "sender_id",
        }
        assert session.scalar(select(func.count()).select_from(Handoff)) == 1


def test_purge_erases_only_conversations_idle_longer_than_the_period(
    stores: tuple[Engine, sessionmaker[Session]],
) -> None:
    tracker, sessions = stores
    old = time.time() - 100 * 86400
    with tracker.begin() as connection:
        connection.execute(
            text("UPDATE events SET timestamp = :t WHERE sender_id = 'web-weg'"), {"t": old}
        )
        connection.execute(
            text("UPDATE events SET timestamp = :t WHERE sender_id = 'web-blijft'"),
            {"t": time.time()},
        )
    with sessions() as session, session.begin():
        for handoff in session.scalars(select(Handoff).where(Handoff.sender_id == "web-weg")):
            handoff.updated_at = NOW - dt.timedelta(days=100)
        long_ago = NOW - dt.timedelta(days=100)
        for message in session.scalars(
            select(ConsoleMessage).where(ConsoleMessage.sender_id == "web-weg")
        ):
            message.at = long_ago
        for note in session.scalars(select(Note).where(Note.sender_id == "web-weg")):
            note.at = long_ago
        for assisted in session.scalars(
            select(AssistedSession).where(AssistedSession.sender_id == "web-weg")
        ):
            assisted.created_at = long_ago
        session.get_one(ChannelAddress, "web-weg").updated_at = long_ago
    erased = purge(
        tracker_engine=tracker, app_sessions=sessions, cutoff=NOW - dt.timedelta(days=90)
    )
    assert erased == 1
    assert set(rows_mentioning(stores, "web-weg").values()) == {0}
    assert all(rows_mentioning(stores, "web-blijft").values())
