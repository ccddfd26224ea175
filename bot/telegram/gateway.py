"""The gateway's chat API over HTTP: the same door as every other channel."""

from __future__ import annotations

from typing import Any

import httpx

from core.settings import Settings

CHANNEL = "telegram"


class GatewayError(Exception):
    """The gateway gave no usable answer; the text says why without personal data."""


class GatewayClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            timeout=timeout or httpx.Timeout(20.0, connect=2.0),
            transport=transport,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> GatewayClient:
        # The gateway itself waits up to rasa_timeout_s for Rasa; allow a bit more.
        timeout = httpx.Timeout(settings.rasa_timeout_s + 5.0, connect=settings.connect_timeout_s)
        return cls(settings.gateway_url, timeout=timeout)

    async def chat(
        self, *, sender_id: str, message: str, chat_id: int | None = None
    ) -> list[dict[str, Any]]:
        metadata: dict[str, Any] = {"channel": CHANNEL}
        if chat_id is not None:
            # The gateway keeps it (checked against the sender id) so that a
            # counsellor's replies reach this chat; Rasa never sees it.
            metadata["telegram_chat_id"] = chat_id
        body = {"sender_id": sender_id, "message": message, "metadata": metadata}
        response = await self._send("POST", "/api/chat", json=body)
        if response.status_code != httpx.codes.OK:
            raise GatewayError(f"chat answered {response.status_code}")
        try:
            data = response.json()
        except ValueError as error:
            raise GatewayError("chat answered no JSON") from error
        messages = data.get("messages") if isinstance(data, dict) else None
        if not isinstance(messages, list):
            raise GatewayError("chat answered without messages")
        return [m for m in messages if isinstance(m, dict)]

    async def forget(self, *, sender_id: str) -> None:
        """Erase the conversation (the gateway answers 204, also for unknown senders)."""
        response = await self._send("DELETE", f"/api/conversations/{sender_id}")
        if response.status_code not in (httpx.codes.NO_CONTENT, httpx.codes.OK):
            raise GatewayError(f"erasure answered {response.status_code}")

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            # Only the kind of failure: the request holds the user's message.
            raise GatewayError(f"gateway unreachable ({type(error).__name__})") from error
