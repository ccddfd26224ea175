"""Talk to the Rasa server and the action server, always with a deadline."""

from __future__ import annotations

from typing import Any

import httpx


class AssistantUnavailableError(RuntimeError):
    """Rasa or the action server cannot answer now; the caller gets a 503."""


class RasaClient:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        rasa_url: str,
        action_server_url: str,
        health_timeout_s: float,
    ) -> None:
        self._http = http
        self._health_timeout = health_timeout_s
        self._rasa_url = rasa_url.rstrip("/")
        self._action_server_url = action_server_url.rstrip("/")

    async def send_message(
        self, *, sender_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            response = await self._http.post(
                f"{self._rasa_url}/webhooks/rest/webhook",
                json={"sender": sender_id, "message": message, "metadata": metadata},
            )
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
        try:
            response = await self._http.get(
                f"{self._rasa_url}/conversations/{sender_id}/tracker",
                params={"include_events": "ALL"},
            )
            response.raise_for_status()
            tracker = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise AssistantUnavailableError("rasa") from error
        if not isinstance(tracker, dict):
            raise AssistantUnavailableError("rasa")
        return tracker

    async def append_events(self, *, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Add events (slot corrections) to the conversation without a bot turn."""
        try:
            response = await self._http.post(
                f"{self._rasa_url}/conversations/{sender_id}/tracker/events",
                params={"include_events": "NONE"},
                json=events,
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise AssistantUnavailableError("rasa") from error

    async def tracker_events(self, *, sender_id: str) -> list[dict[str, Any]]:
        """Every event of the conversation (empty for an unknown sender)."""
        events = (await self.tracker(sender_id=sender_id)).get("events")
        return [event for event in events or [] if isinstance(event, dict)]

    async def rasa_alive(self) -> bool:
        try:
            response = await self._http.get(f"{self._rasa_url}/", timeout=self._health_timeout)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    async def action_server_alive(self) -> bool:
        try:
            response = await self._http.get(
                f"{self._action_server_url}/health", timeout=self._health_timeout
            )
        except httpx.HTTPError:
            return False
        return response.status_code == 200
