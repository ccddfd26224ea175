"""One turn at a time per conversation, so quick double sends and erasure do not interleave."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class SenderLocks:
    """An asyncio lock per sender id, dropped when nobody waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, sender_id: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(sender_id, asyncio.Lock())
        self._users[sender_id] = self._users.get(sender_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[sender_id] -= 1
            if not self._users[sender_id]:
                del self._users[sender_id]
                del self._locks[sender_id]

    def __len__(self) -> int:
        return len(self._locks)
