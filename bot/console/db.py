"""The app database engine: the gateway and the action server both write to it."""

from __future__ import annotations

from sqlalchemy import Engine, event

from catalogue.db import make_engine, make_reader_engine


def make_app_engine(database_url: str, *, reader: bool = False) -> Engine:
    """reader: for the per-turn handoff check (see `catalogue.db.make_reader_engine`)."""
    engine = make_reader_engine(database_url) if reader else make_engine(database_url)
    if engine.dialect.name == "sqlite":
        # WAL lets the gateway read while the action server writes a handoff.
        event.listen(engine, "connect", _sqlite_wal)
    return engine


def _sqlite_wal(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
