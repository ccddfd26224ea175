"""Login attempts per client address: a sliding window in memory (one gateway process).

Account lock-out stops guessing one password; this stops one address from
trying many accounts. Several gateway processes each keep their own window.
"""

from __future__ import annotations

import time
from collections import deque


class LoginThrottle:
    def __init__(self, *, attempts: int = 10, window_s: float = 300.0) -> None:
        self._attempts = attempts
        self._window = window_s
        self._seen: dict[str, deque[float]] = {}

    def retry_after(self, client: str, *, now: float | None = None) -> float:
        """Seconds to wait before this client may try again; 0 when it may now."""
        moment = time.monotonic() if now is None else now
        seen = self._seen.get(client)
        if seen is None:
            return 0.0
        while seen and seen[0] <= moment - self._window:
            seen.popleft()
        if not seen:
            del self._seen[client]
            return 0.0
        if len(seen) < self._attempts:
            return 0.0
        return seen[0] + self._window - moment

    def record(self, client: str, *, now: float | None = None) -> None:
        self._seen.setdefault(client, deque()).append(time.monotonic() if now is None else now)
