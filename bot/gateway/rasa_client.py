"""Talk to the Rasa server(s) and the action server, always with a deadline.

Production runs several Rasa instances behind one tracker store and a Redis
lock store. Each conversation prefers one instance (fewer cold caches); when
that instance cannot be reached, the next one takes the turn. A turn is only
retried when it certainly did not reach Rasa (no connection, or a 502/503/504
in front of it): a timeout after sending could otherwise process it twice.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import httpx

logger = logging.getLogger(__name__)
_RETRYABLE_STATUS = {502, 503, 504}


class AssistantUnavailableError(RuntimeError):
    """Rasa or the action server cannot answer now; the caller gets a 503."""


class RasaClient:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        rasa_urls: list[str],
        action_server_url: str,
        health_timeout_s: float,
    ) -> None:
        if not rasa_urls:
            raise ValueError("at least one Rasa URL is needed")
        self._http = http
        self._health_timeout = health_timeout_s
        self._rasa_urls = [url.rstrip("/") for url in rasa_urls]
        self._action_server_url = action_server_url.rstrip("/")

    def _instances_for(self, sender_id: str) -> list[str]:
        """All instances, the conversation's preferred one first."""
        digest = hashlib.blake2b(sender_id.encode(), digest_size=4).digest()
        first = int.from_bytes(digest, "big") % len(self._rasa_urls)
        return self._rasa_urls[first:] + self._rasa_urls[:first]

    async def _request(
        self, method: str, path: str, *, sender_id: str, **kwargs: Any
    ) -> httpx.Response:
        for number, base in enumerate(self._instances_for(sender_id), start=1):
            try:
                response = await self._http.request(method, f"{base}{path}", **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                logger.warning("rasa instance %d unreachable (%s)", number, type(error).__name__)
                continue
            except httpx.HTTPError as error:
                raise AssistantUnavailableError("rasa") from error
            if response.status_code in _RETRYABLE_STATUS:
                logger.warning("rasa instance %d answered %d", number, response.status_code)
                continue
            return response
        raise AssistantUnavailableError("rasa")

    async def send_message(
        self, *, sender_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        response = await self._request(
            "POST",
            "/webhooks/rest/webhook",
            sender_id=sender_id,
            json={"sender": sender_id, "message": message, "metadata": metadata},
        )
        try:
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise AssistantUnavailableError("rasa") from error
        if not isinstance(messages, list):
            raise AssistantUnavailableError("rasa")
        if not messages and not await self.action_server_alive():
            # Rasa swallows a failed custom action and answers with nothing.
            raise AssistantUnavailableError("action_server")
        return messages

    async def tracker(self, *, sender_id: str) -> dict[str, Any]:
        """Rasa's tracker of the conversation: slots and every event."""
        response = await self._request(
            "GET",
            f"/conversations/{sender_id}/tracker",
            sender_id=sender_id,
            params={"include_events": "ALL"},
        )
        try:
            response.raise_for_status()
            tracker = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise AssistantUnavailableError("rasa") from error
        if not isinstance(tracker, dict):
            raise AssistantUnavailableError("rasa")
        return tracker

    async def append_events(self, *, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Add events (slot corrections) to the conversation without a bot turn."""
        response = await self._request(
            "POST",
            f"/conversations/{sender_id}/tracker/events",
            sender_id=sender_id,
            params={"include_events": "NONE"},
            json=events,
        )
        try:
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise AssistantUnavailableError("rasa") from error

    async def tracker_events(self, *, sender_id: str) -> list[dict[str, Any]]:
        """Every event of the conversation (empty for an unknown sender)."""
        events = (await self.tracker(sender_id=sender_id)).get("events")
        return [event for event in events or [] if isinstance(event, dict)]

    async def rasa_alive(self) -> bool:
        """True when at least one Rasa instance answers."""
        for base in self._rasa_urls:
            try:
                response = await self._http.get(f"{base}/", timeout=self._health_timeout)
            except httpx.HTTPError:
                continue
            if response.status_code == 200:
                return True
        return False

    async def action_server_alive(self) -> bool:
        try:
            response = await self._http.get(
                f"{self._action_server_url}/health", timeout=self._health_timeout
            )
        except httpx.HTTPError:
            return False
        return response.status_code == 200
