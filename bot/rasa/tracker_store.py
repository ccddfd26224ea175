"""Rasa 3.6's SQL tracker store as Leerwijzer runs it (rasa runtime only).

Installed by `bot/rasa/launch.py` before Rasa starts:

- SQLite tracker stores open in WAL mode. Rasa's tracker store is synchronous:
  each saved turn blocks the server until the commit is on disk. WAL commits
  append to a log, the gateway reads transcripts while Rasa writes, and two
  Rasa instances can share the file (`busy_timeout` makes a writer wait for the
  other instead of failing). A power cut may lose the last turns; a crash of
  the process loses nothing.
- SQLite tracker store connections are kept in a pool instead of opened per
  read and save; a tracker store read or write whose connection was cut runs
  once more on a new one (the PostgreSQL fault drill), instead of a ping
  before every use.
- Events are read and written with Core statements instead of ORM objects
  (`read_and_write_events_without_orm`): the same SQL, rows and trackers.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
from typing import Any

logger = logging.getLogger(__name__)


def _sqlite_wal(dbapi_connection: Any, _connection_record: Any) -> None:
    if not type(dbapi_connection).__module__.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def use_sqlite_wal() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "connect", _sqlite_wal)


def tune_tracker_store_pools() -> None:
    """Pooled connections for SQLite tracker stores.

    SQLAlchemy 1.4 gives a SQLite file a `NullPool`: every tracker read and
    save opened a new connection (and ran the WAL pragmas again), about 0.7 ms
    of the Rasa process's CPU per turn (py-spy). A `QueuePool` keeps them; a
    connection goes back rolled back, so no read sees an old snapshot.

    PostgreSQL engines keep Rasa's settings and are not pinged at checkout:
    a read or save on a connection PostgreSQL closed fails its first statement
    and runs once more on a new one (`retry_tracker_store_on_disconnect`). A
    ping was two more round trips per turn (a read and a save), and it could
    not catch a cut between the ping and the statement anyway.
    """
    from rasa.core import tracker_store
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import QueuePool

    original = tracker_store.create_engine_kwargs

    def tuned(url: Any) -> dict[str, Any]:
        kwargs: dict[str, Any] = original(url)
        if make_url(url).get_backend_name() != "sqlite":
            return kwargs
        # Rasa's loop thread uses a connection at a time; the pool hands it on.
        return {**kwargs, "poolclass": QueuePool, "connect_args": {"check_same_thread": False}}

    tracker_store.create_engine_kwargs = tuned


def _retry_once_on_disconnect(method: Any) -> Any:
    from sqlalchemy.exc import DBAPIError

    @functools.wraps(method)
    async def retrying(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await method(self, *args, **kwargs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            # The statement died with its connection and its transaction was
            # rolled back; SQLAlchemy has dropped the pool, so this runs on a new one.
            logger.warning("tracker store connection lost; retrying once")
            return await method(self, *args, **kwargs)

    return retrying


def retry_tracker_store_on_disconnect() -> None:
    """Run a tracker store read or write again when its connection was cut.

    PostgreSQL closes connections when it restarts, fails over or ends a
    session; a pooled one fails its next statement. Rasa would treat the error
    as "no tracker" and start the conversation afresh (the fault drill saw 2
    of 20 conversations get a second session). The cut invalidates the pool,
    so the one retry runs on a new connection; a read is safe to repeat, and a
    save whose transaction was rolled back stores what is not stored yet.
    """
    from rasa.core.tracker_store import SQLTrackerStore

    for name in ("retrieve", "retrieve_full_tracker", "save"):
        setattr(SQLTrackerStore, name, _retry_once_on_disconnect(getattr(SQLTrackerStore, name)))


def _in_latest_session(table: Any) -> Any:
    """Rasa's filter for a sender's latest session: from its last SessionStarted on."""
    import sqlalchemy as sa
    from rasa.shared.core.events import SessionStarted

    sender: Any = sa.bindparam("sender_id")
    session_start = (
        sa.select(sa.func.max(table.c.timestamp))
        .where(table.c.sender_id == sender, table.c.type_name == SessionStarted.type_name)
        .scalar_subquery()
    )
    return sa.and_(
        table.c.sender_id == sender,
        sa.or_(table.c.timestamp >= session_start, session_start.is_(None)),
    )


def read_and_write_events_without_orm() -> None:
    """Tracker reads and saves with Core statements built once, not ORM objects.

    Rasa's SQL tracker store loads every event of the session as an ORM
    object to read one column, and saves new events through the ORM's unit of
    work. Each turn reads the whole session and saves its new events, and with
    custom actions a session holds more events (bot messages with buttons,
    slots set by actions). `make bench-tracker-store`, conversations shaped
    like the load generator's: 3.0-3.3 -> 1.4 ms of Rasa's CPU per turn on
    PostgreSQL, 3.8-4.6 -> 1.7-1.9 ms on SQLite (where the ORM also sent one
    INSERT per event). The statements are Rasa's own: the latest
    session's `data` ordered by id; a count of what is stored, then one
    multi-row INSERT of the rest, with the columns Rasa fills, in one
    transaction.
    """
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.nlu.constants import INTENT_NAME_KEY

    table = SQLTrackerStore.SQLEvent.__table__
    latest_session = sa.select(table.c.data).where(_in_latest_session(table))
    all_sessions = sa.select(table.c.data).where(table.c.sender_id == sa.bindparam("sender_id"))
    reads = {
        False: latest_session.order_by(table.c.id),
        True: all_sessions.order_by(table.c.id),
    }
    stored_count = sa.select(sa.func.count()).select_from(table).where(_in_latest_session(table))
    insert = table.insert()

    async def _retrieve(
        self: SQLTrackerStore, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = session.execute(
                reads[fetch_events_from_all_sessions], {"sender_id": sender_id}
            ).scalars()
            events = [json.loads(data) for data in rows]
        if not self.domain or not events:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def save(self: SQLTrackerStore, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        sender_id = tracker.sender_id
        with self.session_scope() as session:
            stored = session.execute(stored_count, {"sender_id": sender_id}).scalar_one()
            rows = []
            for event in itertools.islice(tracker.events, stored, len(tracker.events)):
                data = event.as_dict()
                rows.append(
                    {
                        "sender_id": sender_id,
                        "type_name": event.type_name,
                        "timestamp": data.get("timestamp"),
                        "intent_name": data.get("parse_data", {})
                        .get("intent", {})
                        .get(INTENT_NAME_KEY),
                        "action_name": data.get("name"),
                        "data": json.dumps(data),
                    }
                )
            if rows:
                session.execute(insert, rows)
            session.commit()

    SQLTrackerStore._retrieve = _retrieve
    SQLTrackerStore.save = save
