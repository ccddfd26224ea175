"""The Rasa launcher (rasa runtime: `make test-nlu` runs these with Rasa installed)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.rasa import launch
from scripts.pg_cut import cut_connections


def test_sqlite_engines_open_in_wal_mode(tmp_path: Path) -> None:
    launch.use_sqlite_wal()
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10000
    engine.dispose()


def test_postgres_tracker_store_engines_keep_rasas_settings_without_a_ping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rasa.core import tracker_store

    stock = tracker_store.create_engine_kwargs("postgresql://u@h/db")
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    launch.tune_tracker_store_pools()
    kwargs = tracker_store.create_engine_kwargs("postgresql://u@h/db")
    assert kwargs == stock  # a cut connection is retried instead (test below)
    assert "pool_pre_ping" not in kwargs
    assert kwargs["pool_size"] > 0


def test_a_sqlite_tracker_store_reuses_its_connection(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rasa.core import tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet, UserUttered
    from sqlalchemy import event

    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    launch.tune_tracker_store_pools()
    domain = Domain.from_dict({"slots": {"location": {"type": "text", "mappings": []}}})
    store = tracker_store.SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    connects: list[object] = []
    event.listen(store.engine, "connect", lambda connection, _record: connects.append(connection))

    async def two_turns() -> Any:
        for text_ in ("hoi", "ik woon in Utrecht"):
            tracker = await store.get_or_create_tracker("web-1")
            tracker.update(UserUttered(text_))
            await store.save(tracker)
        tracker = await store.get_or_create_tracker("web-1")
        tracker.update(SlotSet("location", "Utrecht"))
        await store.save(tracker)
        return await store.retrieve("web-1")

    tracker = asyncio.run(two_turns())
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == [
        "hoi",
        "ik woon in Utrecht",
    ]
    assert tracker.get_slot("location") == "Utrecht"
    assert len(connects) <= 1  # NullPool: one per read and one per save
    store.engine.dispose()


class _Flaky:
    def __init__(self, *, invalidated: bool) -> None:
        self.calls = 0
        self.invalidated = invalidated

    async def retrieve(self, sender_id: str) -> str:
        from sqlalchemy.exc import OperationalError

        self.calls += 1
        if self.calls == 1:
            raise OperationalError(
                "SELECT", {}, Exception("terminating connection"),
                connection_invalidated=self.invalidated,
            )  # fmt: skip
        return f"tracker of {sender_id}"


# The rasa runtime has no pytest-asyncio: each test runs its own loop.
def test_a_cut_connection_is_retried_once_on_a_new_one() -> None:
    flaky = _Flaky(invalidated=True)
    retrieve = launch._retry_once_on_disconnect(_Flaky.retrieve)
    assert asyncio.run(retrieve(flaky, "web-1")) == "tracker of web-1"
    assert flaky.calls == 2


def test_other_database_errors_are_not_retried() -> None:
    from sqlalchemy.exc import OperationalError

    flaky = _Flaky(invalidated=False)
    retrieve = launch._retry_once_on_disconnect(_Flaky.retrieve)
    with pytest.raises(OperationalError):
        asyncio.run(retrieve(flaky, "web-1"))
    assert flaky.calls == 1


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_TRACKER_DB = "leerwijzer_test_launch_tracker"


@pytest.fixture
def pg_tracker_db() -> Any:
    """An empty tracker database on this machine's PostgreSQL, dropped after the test."""
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TRACKER_DB} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {PG_TRACKER_DB}"))
    yield admin
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TRACKER_DB} WITH (FORCE)"))
    admin.dispose()


def test_a_postgres_tracker_store_keeps_its_trackers_after_its_connections_are_cut(
    monkeypatch: pytest.MonkeyPatch, pg_tracker_db: Any
) -> None:
    from rasa.core import tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    for name in ("retrieve", "retrieve_full_tracker", "save"):
        monkeypatch.setattr(
            tracker_store.SQLTrackerStore, name, getattr(tracker_store.SQLTrackerStore, name)
        )
    launch.tune_tracker_store_pools()
    launch.retry_tracker_store_on_disconnect()
    domain = Domain.from_dict({"slots": {"location": {"type": "text", "mappings": []}}})
    store = tracker_store.SQLTrackerStore(
        domain, dialect="postgresql", host="127.0.0.1", port=5432, db=PG_TRACKER_DB,
        username="postgres", login_db="postgres",
    )  # fmt: skip
    events = [UserUttered("ik woon in Utrecht"), SlotSet("location", "utrecht")]
    for round_ in range(2):
        asyncio.run(store.save(DialogueStateTracker.from_events(f"s{round_}", events)))
        # PostgreSQL restarts or an idle timeout: every pooled connection dies.
        assert cut_connections(PG_ADMIN, [PG_TRACKER_DB]), "the store held a connection to cut"
        restored = asyncio.run(store.retrieve(f"s{round_}"))
        assert restored is not None
        assert restored.get_slot("location") == "utrecht"
        # A save on a cut connection stores the new events once.
        assert cut_connections(PG_ADMIN, [PG_TRACKER_DB]), "the store held a connection to cut"
        restored.update(SlotSet("location", "enschede"))
        asyncio.run(store.save(restored))
        again = asyncio.run(store.retrieve(f"s{round_}"))
        assert again is not None
        assert again.get_slot("location") == "enschede"
        assert len(again.events) == len(events) + 1
    store.engine.dispose()


def test_rasa_log_lines_leave_out_what_people_said(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    import structlog
    from rasa.utils import log_utils

    monkeypatch.setattr(log_utils, "_anonymizer", log_utils._anonymizer)
    launch.keep_conversations_out_of_logs()
    log_utils.configure_structlog(logging.INFO)
    try:
        with caplog.at_level(logging.INFO):
            # The line Rasa's REST channel logs when the gateway gave up on a turn.
            structlog.get_logger().error(
                "rest.message.received.timeout", text="ik woon in Utrecht", sender_id="x"
            )
    finally:
        structlog.reset_defaults()
    assert "rest.message.received.timeout" in caplog.text
    assert launch.REDACTED in caplog.text
    assert "Utrecht" not in caplog.text
