"""Talk to the Rasa server(s) and the action server, always with a deadline.

Production runs several Rasa instances behind one tracker store and a Redis
lock store. A turn goes to the instance with the fewest turns of this gateway
in flight; among equals, the conversation's own preferred one. When that
instance cannot be reached, the next one takes the turn. A turn is only
retried when it certainly did not reach Rasa (no connection, or a 502/503/504
in front of it): a timeout after sending could otherwise process it twice.

Each instance gets at most `turns_in_flight` turns at once; the rest wait
here, first come first served (bot/gateway/rasa_slots.py). Rasa interleaves
the turns it holds at every custom action call, so one turn's NLU runs while
another waits for the action server, and both finish late. One at a time,
each runs to its end.

Every turn passes here, so this uses aiohttp rather than httpx, which the rest
of the app uses: per request it costs a third of httpx's CPU (128 vs 445 us,
`scripts/bench_gateway.py`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import aiohttp

from bot.gateway.rasa_slots import Instance, InstanceSlots, NoSlotInTimeError

logger = logging.getLogger(__name__)
_RETRYABLE_STATUS = {502, 503, 504}
# The request never left: another instance may safely take the turn.
_NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


class AssistantUnavailableError(RuntimeError):
    """Rasa or the action server cannot answer now; the caller gets a 503."""


class InvalidReplyError(RuntimeError):
    """Rasa answered, but not with messages: a bug, the person gets the apology."""


def make_http_session(*, timeout_s: float, connect_timeout_s: float) -> aiohttp.ClientSession:
    """The gateway's connection pool to Rasa and the action server."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=timeout_s, sock_connect=connect_timeout_s),
        # Kept-alive connections stay well under Rasa's 120 s keep-alive, so
        # the server never closes one just as a turn is sent on it.
        connector=aiohttp.TCPConnector(keepalive_timeout=15),
    )


class RasaClient:
    def __init__(
        self,
        *,
        http: aiohttp.ClientSession,
        rasa_urls: list[str],
        action_server_url: str,
        health_timeout_s: float,
        turns_in_flight: int = 0,
        slot_timeout_s: float = 15.0,
        slot_lease_s: float = 2.0,
    ) -> None:
        """turns_in_flight: requests one instance gets at once (0: no limit);
        slot_timeout_s: how long a request may wait for a slot before the 503;
        slot_lease_s: how long a request keeps its slot (bot/gateway/rasa_slots.py)."""
        if not rasa_urls:
            raise ValueError("at least one Rasa URL is needed")
        self._http = http
        self._health_timeout = aiohttp.ClientTimeout(total=health_timeout_s)
        self._slots = InstanceSlots(
            [url.rstrip("/") for url in rasa_urls],
            per_instance=turns_in_flight,
            wait_s=slot_timeout_s,
            lease_s=slot_lease_s,
        )
        self._action_server_url = action_server_url.rstrip("/")

    def _instances_for(self, sender_id: str, *, tried: list[Instance]) -> list[Instance]:
        """Instances not tried yet, the least busy first; among equals the conversation's own."""
        instances = self._slots.instances
        digest = hashlib.blake2b(sender_id.encode(), digest_size=4).digest()
        first = int.from_bytes(digest, "big") % len(instances)
        rotation = [i for i in instances[first:] + instances[:first] if i not in tried]
        return sorted(rotation, key=lambda instance: instance.in_flight)  # stable: ties keep order

    async def _request(self, method: str, path: str, *, sender_id: str, **kwargs: Any) -> Any:
        """Rasa's answer as parsed JSON (None for an empty body)."""
        tried: list[Instance] = []
        while order := self._instances_for(sender_id, tried=tried):
            try:
                async with self._slots.hold(order) as instance:
                    tried.append(instance)
                    url = f"{instance.url}{path}"
                    async with self._http.request(method, url, **kwargs) as response:
                        if response.status in _RETRYABLE_STATUS:
                            logger.warning("rasa at %s answered %d", instance.url, response.status)
                            continue
                        raw = await response.read()
            except NoSlotInTimeError as error:
                raise AssistantUnavailableError("rasa busy: no free slot in time") from error
            except _NOT_SENT as error:
                logger.warning("rasa at %s unreachable (%s)", instance.url, type(error).__name__)
                continue
            except (TimeoutError, aiohttp.ClientError) as error:
                raise AssistantUnavailableError("rasa") from error
            if response.status >= 400:
                raise AssistantUnavailableError(f"rasa answered {response.status}")
            try:
                return json.loads(raw) if raw else None
            except ValueError as error:
                raise AssistantUnavailableError("rasa") from error
        raise AssistantUnavailableError("rasa")

    async def send_message(
        self, *, sender_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        messages = await self._request(
            "POST",
            "/webhooks/rest/webhook",
            sender_id=sender_id,
            json={"sender": sender_id, "message": message, "metadata": metadata},
        )
        if not isinstance(messages, list):
            raise AssistantUnavailableError("rasa")
        if not all(isinstance(message, dict) for message in messages):
            raise InvalidReplyError("rasa reply outside the contract: not an object")
        if not messages and not await self.action_server_alive():
            # Rasa swallows a failed custom action and answers with nothing: an
            # action server that is down is a 503; one that is up and said
            # nothing is the caller's to handle (the apology).
            raise AssistantUnavailableError("action_server")
        return messages

    async def tracker(self, *, sender_id: str) -> dict[str, Any]:
        """Rasa's tracker of the conversation: slots and every event."""
        tracker = await self._request(
            "GET",
            f"/conversations/{sender_id}/tracker",
            sender_id=sender_id,
            params={"include_events": "ALL"},
        )
        if not isinstance(tracker, dict):
            raise AssistantUnavailableError("rasa")
        return tracker

    async def append_events(self, *, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Add events (slot corrections) to the conversation without a bot turn."""
        await self._request(
            "POST",
            f"/conversations/{sender_id}/tracker/events",
            sender_id=sender_id,
            params={"include_events": "NONE"},
            json=events,
        )

    async def tracker_events(self, *, sender_id: str) -> list[dict[str, Any]]:
        """Every event of the conversation (empty for an unknown sender)."""
        events = (await self.tracker(sender_id=sender_id)).get("events")
        return [event for event in events or [] if isinstance(event, dict)]

    async def _healthy(self, url: str) -> bool:
        try:
            async with self._http.get(url, timeout=self._health_timeout) as response:
                return response.status == 200
        except (TimeoutError, aiohttp.ClientError):
            return False

    async def rasa_alive(self) -> bool:
        """True when at least one Rasa instance answers."""
        for instance in self._slots.instances:
            if await self._healthy(f"{instance.url}/"):
                return True
        return False

    async def action_server_alive(self) -> bool:
        return await self._healthy(f"{self._action_server_url}/health")
