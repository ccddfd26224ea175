"""Start the Rasa 3.6 server the way Leerwijzer runs it (rasa runtime only).

    .venvs/rasa/bin/python -m bot.rasa.launch run --enable-api ...   # `rasa`'s arguments

Changes to how Rasa calls the action server are in `bot/rasa/action_calls.py`.
Here, the tracker store and the logs:

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
- Rasa's structured log lines leave out what people said (see
  `keep_conversations_out_of_logs`).
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Any

from bot.rasa.action_calls import (
    install_compiled_action_validation,
    keep_endpoint_connections,
    send_recent_events_only,
    skip_calls_with_nothing_to_do,
)

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


# What Rasa's structured log lines may carry of a conversation: the keys its
# own anonymizer would hand to Rasa Pro's anonymization pipeline (3.6).
_PERSONAL_LOG_KEYS = frozenset(
    (
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message",
        "prefilled_slots", "message", "response", "slot_candidates", "rasa_event",
        "rasa_events", "tracker_states", "current_states", "old_states", "successes",
        "current_entity", "next_entity", "states", "entity", "token_text",
        "user_message", "json_message",
    )
)  # fmt: skip
REDACTED = "[redacted]"


def _redact(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in _PERSONAL_LOG_KEYS.intersection(event_dict):
        event_dict[key] = REDACTED
    return event_dict


def keep_conversations_out_of_logs() -> None:
    """Rasa's structured log lines without what people said.

    Rasa 3.6 open source logs them as they are: a turn whose client gave up
    logs `rest.message.received.timeout` with the message text at ERROR (seen
    in the Rasa drill). Its anonymizer step only redacts with Rasa Pro's
    pipeline; this one redacts those keys always. Rasa's registered
    anonymization pipeline is not used: with one, Rasa loads the tracker once
    more on every turn.
    """
    from rasa.utils import log_utils

    log_utils._anonymizer = _redact


def main() -> None:
    # `python -m` put the working directory first on the path, ahead of the
    # libraries (our catalogue/ package and PyPI's `catalogue` share a name).
    # Rasa adds it itself, after them; the path is then what `rasa` gets.
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd().resolve():
        sys.path.pop(0)
    install_compiled_action_validation()
    keep_endpoint_connections()
    skip_calls_with_nothing_to_do()
    send_recent_events_only()
    use_sqlite_wal()
    tune_tracker_store_pools()
    retry_tracker_store_on_disconnect()
    keep_conversations_out_of_logs()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
