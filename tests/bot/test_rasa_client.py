"""The gateway's Rasa client over real HTTP: which failures move a turn to the next instance."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web

from bot.gateway.rasa_client import AssistantUnavailableError, RasaClient, make_http_session
from scripts.stack import free_port

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Instance:
    """A local HTTP server standing in for one Rasa instance; it counts the turns it got."""

    def __init__(self, reply: Handler) -> None:
        self.turns = 0
        self.port = free_port()
        self._reply = reply
        self._runner: web.AppRunner | None = None

    async def _webhook(self, request: web.Request) -> web.StreamResponse:
        self.turns += 1
        return await self._reply(request)

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return f"http://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def answer(_: web.Request) -> web.StreamResponse:
    return web.json_response([{"recipient_id": "s", "text": "Hoi!"}])


async def unavailable(_: web.Request) -> web.StreamResponse:
    return web.json_response({"error": "busy"}, status=503)


async def broken(_: web.Request) -> web.StreamResponse:
    return web.json_response({"error": "bug"}, status=500)


async def slow(_: web.Request) -> web.StreamResponse:
    await asyncio.sleep(2)
    return web.json_response([])


Serve = Callable[[Handler], Awaitable[tuple[Instance, str]]]


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    """Start stand-in instances; all of them stop after the test."""
    started: list[Instance] = []

    async def start(reply: Handler) -> tuple[Instance, str]:
        instance = Instance(reply)
        started.append(instance)
        return instance, await instance.start()

    yield start
    for instance in started:
        await instance.stop()


@pytest.fixture
async def make_client() -> AsyncIterator[Callable[[list[str]], RasaClient]]:
    http = make_http_session(timeout_s=0.5, connect_timeout_s=0.5)
    async with http:
        yield lambda urls: RasaClient(
            http=http, rasa_urls=urls, action_server_url=urls[0], health_timeout_s=0.5
        )


def _both_orders(
    make_client: Callable[[list[str]], RasaClient], first: str, second: str
) -> list[RasaClient]:
    # Which instance a sender prefers depends on a hash: test both orders.
    return [make_client([first, second]), make_client([second, first])]


async def test_a_503_instance_is_passed_over(
    make_client: Callable[[list[str]], RasaClient], serve: Serve
) -> None:
    _, bad_url = await serve(unavailable)
    good, good_url = await serve(answer)
    for client in _both_orders(make_client, bad_url, good_url):
        replies = await client.send_message(sender_id="s", message="hoi", metadata={})
        assert replies == [{"recipient_id": "s", "text": "Hoi!"}]
    assert good.turns == 2


async def test_an_unreachable_instance_is_passed_over(
    make_client: Callable[[list[str]], RasaClient], serve: Serve
) -> None:
    good, good_url = await serve(answer)
    for client in _both_orders(make_client, f"http://127.0.0.1:{free_port()}", good_url):
        assert await client.send_message(sender_id="s", message="hoi", metadata={})
    assert good.turns == 2


@pytest.mark.parametrize("failure", [broken, slow], ids=["500", "timeout"])
async def test_a_turn_that_reached_rasa_is_not_sent_again(
    make_client: Callable[[list[str]], RasaClient], serve: Serve, failure: Handler
) -> None:
    # A 500 or a timeout may come after Rasa processed the turn: a second
    # instance would process it twice. The person gets the 503 apology instead.
    failing, failing_url = await serve(failure)
    other, other_url = await serve(answer)
    client = make_client([failing_url, other_url])
    refused = 0
    for number in range(8):  # senders prefer one instance or the other
        try:
            await client.send_message(sender_id=f"s{number}", message="hoi", metadata={})
        except AssistantUnavailableError:
            refused += 1
    assert 0 < refused < 8
    assert failing.turns == refused
    assert other.turns == 8 - refused


async def test_no_instance_left_means_unavailable(
    make_client: Callable[[list[str]], RasaClient],
) -> None:
    client = make_client([f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"])
    with pytest.raises(AssistantUnavailableError):
        await client.send_message(sender_id="s", message="hoi", metadata={})
    assert not await client.rasa_alive()
