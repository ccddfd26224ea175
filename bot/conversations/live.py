"""Live updates inside one gateway process: topics with subscriber queues (for SSE).

Every turn passes through the gateway, so it can tell the widget about a
counsellor's reply and the console about new messages and queue changes.
Several gateway processes would need a shared bus (Redis pub/sub) instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

QUEUE_TOPIC = "queue"


def chat_topic(sender_id: str) -> str:
    """What the person's own channel (widget) listens to."""
    return f"chat:{sender_id}"


def console_topic(sender_id: str) -> str:
    """What a counsellor looking at the conversation listens to."""
    return f"console:{sender_id}"


class LiveHub:
    def __init__(self, *, max_pending: int = 100) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}
        self._max_pending = max_pending

    @contextmanager
    def subscribe(self, topic: str) -> Iterator[asyncio.Queue[dict[str, Any]]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(self._max_pending)
        self._subscribers.setdefault(topic, set()).add(queue)
        try:
            yield queue
        finally:
            subscribers = self._subscribers.get(topic, set())
            subscribers.discard(queue)
            if not subscribers:
                self._subscribers.pop(topic, None)

    def publish(self, topic: str, event: dict[str, Any]) -> int:
        """Hand the event to every subscriber; a stuck one loses its oldest event."""
        delivered = 0
        for queue in self._subscribers.get(topic, set()):
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)
            delivered += 1
        return delivered

    def subscriber_count(self, topic: str) -> int:
        return len(self._subscribers.get(topic, set()))
