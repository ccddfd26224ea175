"""Retention: conversations with no activity for longer than the set period are erased."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.console.clock import as_utc
from bot.console.models import AssistedSession, ChannelAddress, ConsoleMessage, Handoff, Note
from bot.conversations.erasure import EVENTS_TABLE
from bot.conversations.forget import forget_conversation

_LAST_EVENTS = text("SELECT sender_id, max(timestamp) FROM events GROUP BY sender_id")


def last_activity(
    *, tracker_engine: Engine, app_sessions: sessionmaker[Session]
) -> dict[str, dt.datetime]:
    """When each conversation was last touched: by the bot, the person or a counsellor."""
    latest: dict[str, dt.datetime] = {}

    def seen(sender: str, moment: dt.datetime) -> None:
        latest[sender] = max(moment, latest.get(sender, moment))

    if inspect(tracker_engine).has_table(EVENTS_TABLE):
        with tracker_engine.connect() as connection:
            for sender, stamp in connection.execute(_LAST_EVENTS):
                if stamp is not None:
                    seen(str(sender), dt.datetime.fromtimestamp(float(stamp), dt.UTC))
    with app_sessions() as session:
        rows = [
            *session.execute(select(Handoff.sender_id, Handoff.updated_at)),
            *session.execute(select(ConsoleMessage.sender_id, ConsoleMessage.at)),
            *session.execute(select(Note.sender_id, Note.at)),
            *session.execute(select(AssistedSession.sender_id, AssistedSession.created_at)),
            *session.execute(select(ChannelAddress.sender_id, ChannelAddress.updated_at)),
        ]
        for sender, moment in rows:
            seen(sender, as_utc(moment))
    return latest


def purge(
    *, tracker_engine: Engine, app_sessions: sessionmaker[Session], cutoff: dt.datetime
) -> int:
    """Erase every conversation last touched before cutoff; returns how many."""
    activity = last_activity(tracker_engine=tracker_engine, app_sessions=app_sessions)
    expired = sorted(sender for sender, moment in activity.items() if moment < cutoff)
    for sender in expired:
        forget_conversation(
            tracker_engine=tracker_engine, app_sessions=app_sessions, sender_id=sender
        )
    return len(expired)
