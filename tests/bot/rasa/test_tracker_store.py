"""Rasa's SQL tracker store as we run it (rasa runtime: `make test-nlu` runs these)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.rasa import tracker_store as tracker_store_patches
from scripts.pg_cut import cut_connections


def test_sqlite_engines_open_in_wal_mode(tmp_path: Path) -> None:
    tracker_store_patches.use_sqlite_wal()
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
    tracker_store_patches.tune_tracker_store_pools()
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
    tracker_store_patches.tune_tracker_store_pools()
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
    retrieve = tracker_store_patches._retry_once_on_disconnect(_Flaky.retrieve)
    assert asyncio.run(retrieve(flaky, "web-1")) == "tracker of web-1"
    assert flaky.calls == 2


def test_other_database_errors_are_not_retried() -> None:
    from sqlalchemy.exc import OperationalError

    flaky = _Flaky(invalidated=False)
    retrieve = tracker_store_patches._retry_once_on_disconnect(_Flaky.retrieve)
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
    for name in ("retrieve", "retrieve_full_tracker", "save", "_retrieve"):
        monkeypatch.setattr(
            tracker_store.SQLTrackerStore, name, getattr(tracker_store.SQLTrackerStore, name)
        )
    # As bot.rasa.launch installs them.
    tracker_store_patches.tune_tracker_store_pools()
    tracker_store_patches.read_and_write_events_without_orm()
    tracker_store_patches.retry_tracker_store_on_disconnect()
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


def _two_sessions() -> list[list[Any]]:
    """Turns of a conversation over two sessions, with every column Rasa fills."""
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUttered,
    )

    def session(start: float, place: str) -> list[list[Any]]:
        user = UserUttered(
            f"ik woon in {place}",
            intent={"name": "inform", "confidence": 0.9},
            entities=[{"entity": "location", "value": place.lower()}],
            timestamp=start + 2,
        )
        return [
            [
                ActionExecuted("action_session_start", timestamp=start),
                SessionStarted(timestamp=start + 0.5),
                ActionExecuted("action_listen", timestamp=start + 1),
            ],
            [
                user,
                SlotSet("location", place.lower(), timestamp=start + 3),
                ActionExecuted("action_search_courses", timestamp=start + 4),
                BotUttered(
                    "Ik zoek cursussen.",
                    data={"buttons": [{"title": "Meer", "payload": "/more"}]},
                    timestamp=start + 5,
                ),
                ActionExecuted("action_listen", timestamp=start + 6),
            ],
        ]

    return session(1000.0, "Utrecht") + session(2000.0, "Enschede")


def _stored_rows(engine: Any, sender_id: str) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                text(
                    "SELECT type_name, timestamp, intent_name, action_name, data FROM events"
                    " WHERE sender_id = :sender ORDER BY id"
                ),
                {"sender": sender_id},
            )
        )


def _same_as_stock(store_kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Save turn by turn through Rasa's own store and ours; rows and trackers agree."""
    from rasa.core import tracker_store
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    sql_store = tracker_store.SQLTrackerStore
    for name in ("_retrieve", "save"):
        monkeypatch.setattr(sql_store, name, getattr(sql_store, name))

    class StockStore(sql_store):  # type: ignore[misc,valid-type]
        _retrieve = sql_store._retrieve
        save = sql_store.save

    tracker_store_patches.read_and_write_events_without_orm()
    domain = Domain.from_dict({"slots": {"location": {"type": "text", "mappings": []}}})
    stock, ours = StockStore(domain, **store_kwargs), sql_store(domain, **store_kwargs)
    assert sql_store.save is not StockStore.save

    for store, sender in ((stock, "stock"), (ours, "ours")):
        for turn in _two_sessions():

            async def one_turn(store: Any = store, sender: str = sender, turn: Any = turn) -> None:
                tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
                for event in turn:
                    tracker.update(event)
                await store.save(tracker)

            asyncio.run(one_turn())

    assert _stored_rows(ours.engine, "ours") == _stored_rows(stock.engine, "stock")
    assert len(_stored_rows(ours.engine, "ours")) == 16

    def events(tracker: DialogueStateTracker | None) -> list[dict[str, Any]]:
        assert tracker is not None
        return [event.as_dict() for event in tracker.events]

    latest = events(asyncio.run(ours.retrieve("ours")))
    assert latest == events(asyncio.run(stock.retrieve("stock")))
    assert [e["event"] for e in latest][:2] == ["session_started", "action"]  # session two only
    assert asyncio.run(ours.retrieve("ours")).get_slot("location") == "enschede"
    full = events(asyncio.run(ours.retrieve_full_tracker("ours")))
    assert full == events(asyncio.run(stock.retrieve_full_tracker("stock")))
    assert len(full) == 16
    assert asyncio.run(ours.retrieve("nobody")) is None
    stock.engine.dispose()
    ours.engine.dispose()


def test_core_statements_store_what_rasas_sqlite_store_stores(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _same_as_stock({"dialect": "sqlite", "db": str(tmp_path / "t.db")}, monkeypatch)


def test_core_statements_store_what_rasas_postgres_store_stores(
    monkeypatch: pytest.MonkeyPatch, pg_tracker_db: Any
) -> None:
    _same_as_stock(
        {
            "dialect": "postgresql", "host": "127.0.0.1", "port": 5432, "db": PG_TRACKER_DB,
            "username": "postgres", "login_db": "postgres",
        },
        monkeypatch,
    )  # fmt: skip
