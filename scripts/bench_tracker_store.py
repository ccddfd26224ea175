"""Rasa's SQL tracker store vs ours (Core statements), per turn, in one run (rasa runtime).

    make bench-tracker-store
    .venvs/rasa/bin/python -m scripts.bench_tracker_store [--conversations 40] [--rounds 4]

Every turn of a chat reads the session from the tracker store and saves its
new events. This plays conversations shaped like the load generator's
(5 turns; per turn a user message with Rasa's parse data, a custom action,
bot messages with buttons and slots set; about 9 events) through both
stores, turn by turn, on SQLite and, where it runs, the local PostgreSQL.
The two take turns (A B B A), because this machine's speed drifts. Prints
the CPU and wall time per turn of the Rasa side and the statements sent;
first, the CPU of turning a session's stored events back into a tracker
with Rasa's event class lookup and with ours (`bot/rasa/events.py`).
Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from scripts.stack import in_turns

PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DB = "leerwijzer_bench_tracker_store"


def conversation(start: float) -> list[list[Any]]:
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        DefinePrevUserUtteredFeaturization,
        SessionStarted,
        SlotSet,
        UserUttered,
    )

    ranking = [{"name": f"intent_{i}", "confidence": 0.01 * i} for i in range(10)]
    turns: list[list[Any]] = [
        [
            ActionExecuted("action_session_start", timestamp=start),
            SessionStarted(timestamp=start + 0.1),
            ActionExecuted("action_listen", timestamp=start + 0.2),
        ]
    ]
    for n in range(5):
        t = start + 10 * (n + 1)
        text = "ik woon in Utrecht en zoek werk in de zorg"
        intent = {"name": "inform", "confidence": 0.93}
        entity = {"entity": "location", "value": "utrecht", "start": 11, "end": 18}
        entities = [{**entity, "extractor": "GazetteerEntityExtractor"}]
        parse = {"intent": intent, "entities": entities, "intent_ranking": ranking, "text": text}
        buttons = [{"title": f"Keuze {i}", "payload": f'/choose{{"n": {i}}}'} for i in range(3)]
        turns.append(
            [
                UserUttered(text, intent, entities, parse, timestamp=t),
                DefinePrevUserUtteredFeaturization(False, timestamp=t + 0.1),
                SlotSet("location", "utrecht", timestamp=t + 0.2),
                ActionExecuted("action_search_courses", timestamp=t + 0.3),
                BotUttered(
                    "Ik heb 3 opleidingen gevonden.",
                    {"buttons": buttons},
                    {"utter_action": "utter_found"},
                    timestamp=t + 0.4,
                ),
                SlotSet("advice_pending", None, timestamp=t + 0.5),
                ActionExecuted("utter_anything_else", timestamp=t + 0.6),
                BotUttered("Kan ik nog iets voor je doen?", {}, {}, timestamp=t + 0.7),
                ActionExecuted("action_listen", timestamp=t + 0.8),
            ]
        )
    return turns


async def play(store: Any, conversations: int) -> tuple[int, float, float]:
    from rasa.shared.core.trackers import DialogueStateTracker

    turns, cpu, wall = 0, 0.0, 0.0
    for _ in range(conversations):
        sender = uuid.uuid4().hex
        for turn in conversation(time.time()):
            cpu0, wall0 = time.thread_time(), time.perf_counter()
            tracker = await store.retrieve(sender)
            if tracker is None:
                tracker = DialogueStateTracker(sender, store.domain.slots)
            for event in turn:
                tracker.update(event)
            await store.save(tracker)
            cpu += time.thread_time() - cpu0
            wall += time.perf_counter() - wall0
            turns += 1
    return turns, cpu, wall


def stores_side_by_side() -> tuple[Any, Any]:
    """Rasa's own store class, and the store class with our statements installed."""
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.rasa.tracker_store import read_and_write_events_without_orm

    # Rasa's methods are kept before ours replace them on the shared class.
    class RasasStore(SQLTrackerStore):  # type: ignore[misc]
        _retrieve = SQLTrackerStore._retrieve
        save = SQLTrackerStore.save

    read_and_write_events_without_orm()
    assert RasasStore.save is not SQLTrackerStore.save
    return RasasStore, SQLTrackerStore


def compare(
    name: str, kwargs: dict[str, Any], classes: tuple[Any, Any], *, conversations: int, rounds: int
) -> None:
    from rasa.shared.core.domain import Domain
    from sqlalchemy import event

    rasas_store, our_store = classes
    domain = Domain.from_dict(
        {"slots": {s: {"type": "text", "mappings": []} for s in ("location", "advice_pending")}}
    )
    stores = {
        "Rasa 3.6 (ORM)": rasas_store(domain, **kwargs),
        "ours (Core)": our_store(domain, **kwargs),
    }
    statements = dict.fromkeys(stores, 0)
    figures: dict[str, list[tuple[float, float]]] = {side: [] for side in stores}
    for side, store in stores.items():
        asyncio.run(play(store, 3))  # warm: connections, compiled statements

        def count(*_args: Any, side: str = side) -> None:
            statements[side] += 1

        event.listen(store.engine, "before_cursor_execute", count)
    played = dict.fromkeys(stores, 0)
    for side in in_turns(list(stores), rounds):
        turns, cpu, wall = asyncio.run(play(stores[side], conversations))
        figures[side].append((1000 * cpu / turns, 1000 * wall / turns))
        played[side] += turns
    print(f"\n{name}: {conversations} conversations x {rounds} rounds per side (6 turns each)")
    for side, rows in figures.items():
        cpu = statistics.median(r[0] for r in rows)
        wall = statistics.median(r[1] for r in rows)
        print(
            f"  {side:15} CPU {cpu:5.2f} ms/turn  wall {wall:5.2f} ms/turn  "
            f"statements {statements[side] / played[side]:.1f}/turn  "
            f"(rounds CPU {' '.join(f'{r[0]:.2f}' for r in rows)})"
        )
    for store in stores.values():
        store.engine.dispose()


def event_lookup(*, rounds: int) -> None:
    """A tracker from its stored events (every read does this): Rasa's class walk vs the table."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa.events import look_up_event_classes_once

    domain = Domain.from_dict({"slots": {"location": {"type": "text", "mappings": []}}})
    stored = [event.as_dict() for turn in conversation(time.time()) for event in turn]
    walk = Event.__dict__["resolve_by_type"]
    look_up_event_classes_once()
    lookups = {"Rasa 3.6 (class walk)": walk, "ours (table)": Event.__dict__["resolve_by_type"]}
    figures: dict[str, list[float]] = {side: [] for side in lookups}
    for side in in_turns(list(lookups), rounds):
        Event.resolve_by_type = lookups[side]
        started = time.thread_time()
        for _ in range(200):
            DialogueStateTracker.from_dict("bench", stored, domain.slots)
        figures[side].append(1000 * (time.thread_time() - started) / 200)
    # The store comparison below then has Rasa's lookup on both sides.
    Event.resolve_by_type = walk
    print(f"\nA tracker from {len(stored)} stored events (200 x {rounds} rounds per side)")
    for side, rows in figures.items():
        print(f"  {side:22} CPU {statistics.median(rows):5.2f} ms per tracker")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_tracker_store")
    parser.add_argument("--conversations", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    import logging

    from sqlalchemy import create_engine, text

    logging.basicConfig(level=logging.WARNING)
    event_lookup(rounds=args.rounds)
    classes = stores_side_by_side()
    with tempfile.TemporaryDirectory() as folder:
        sqlite = {"dialect": "sqlite", "db": str(Path(folder) / "tracker.db")}
        compare("SQLite", sqlite, classes, conversations=args.conversations, rounds=args.rounds)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {PG_DB}"))
    except Exception as error:  # no PostgreSQL here: SQLite alone is still a figure
        print(f"\nPostgreSQL not reachable at {PG_URL}: {type(error).__name__}")
        return 0
    postgres = {"dialect": "postgresql", "host": "127.0.0.1", "port": 5432, "db": PG_DB,
                "username": "postgres", "login_db": "postgres"}  # fmt: skip
    try:
        compare(
            "PostgreSQL", postgres, classes, conversations=args.conversations, rounds=args.rounds
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
