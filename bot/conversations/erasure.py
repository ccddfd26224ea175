"""Erase a conversation from Rasa's SQL tracker store: real deletion, not a restart."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

# Rasa 3.6's SQLTrackerStore keeps every event of every conversation in one table.
EVENTS_TABLE = "events"
_DELETE = text("DELETE FROM events WHERE sender_id = :sender_id")
_COUNT = text("SELECT count(*) FROM events WHERE sender_id = :sender_id")


def erase_conversation(engine: Engine, *, sender_id: str) -> int:
    """Delete every tracker event of the sender; returns how many rows went."""
    if not inspect(engine).has_table(EVENTS_TABLE):
        return 0
    with engine.begin() as connection:
        result = connection.execute(
            _DELETE,
            {"sender_id": sender_id},
        )
    return int(result.rowcount or 0)


def count_events(engine: Engine, *, sender_id: str) -> int:
    """How many events the tracker store holds for the sender (for checks and tests)."""
    if not inspect(engine).has_table(EVENTS_TABLE):
        return 0
    with engine.connect() as connection:
        count = connection.execute(
            _COUNT,
            {"sender_id": sender_id},
        ).scalar_one()
    return int(count)
