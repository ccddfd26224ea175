"""Retries of Bot API calls: flood control (429) and server or network errors.

PTB raises RetryAfter for a 429 and NetworkError for a 5xx or a broken
connection (telegram/request/_baserequest.py); BadRequest is a NetworkError
too but a 400 will not pass on a second try, so it is not retried.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


class RetryingRateLimiter(BaseRateLimiter[int]):
    """Retries a failed request a few times: after retry_after for a 429, else with backoff.

    ``rate_limit_args`` (an int) overrides ``max_retries`` for one call.
    """

    def __init__(
        self, *, max_retries: int = 3, backoff_s: float = 0.5, max_wait_s: float = 60.0
    ) -> None:
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        # Longer flood waits fail the call: a reply minutes late is worse than none.
        self.max_wait_s = max_wait_s

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        attempt = 0
        while True:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                delay = _retry_after_s(error)
                if attempt >= retries or delay > self.max_wait_s:
                    raise
                # Telegram's own wait plus a little, as its docs ask.
                delay += 0.1
                logger.warning("Bot API %s: flood control, retry in %.1f s", endpoint, delay)
            except NetworkError as error:
                if isinstance(error, BadRequest) or attempt >= retries:
                    raise
                delay = self.backoff_s * 2**attempt
                logger.warning(
                    "Bot API %s: %s, retry in %.1f s", endpoint, type(error).__name__, delay
                )
            attempt += 1
            await asyncio.sleep(delay)


def _retry_after_s(error: RetryAfter) -> float:
    # PTB 22 warns that retry_after becomes a timedelta; either form is read here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
