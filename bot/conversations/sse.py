"""Server-sent events from a LiveHub topic, with keep-alives so proxies keep the line open."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.requests import Request

from bot.conversations.live import LiveHub

KEEP_ALIVE_S = 15.0


def sse_line(data: dict[str, Any], *, event: str = "message") -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def stream_topic(
    request: Request,
    hub: LiveHub,
    topic: str,
    *,
    render: Callable[[dict[str, Any]], Awaitable[str | None]],
    first: Callable[[], Awaitable[str | None]] | None = None,
) -> AsyncIterator[str]:
    """Each published event rendered to SSE text; stops when the client goes away."""
    with hub.subscribe(topic) as queue:
        if first is not None:
            opening = await first()
            if opening:
                yield opening
        while not await request.is_disconnected():
            try:
                event = await asyncio.wait_for(queue.get(), timeout=KEEP_ALIVE_S)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            text = await render(event)
            if text:
                yield text
