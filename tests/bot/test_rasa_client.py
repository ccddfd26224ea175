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


MakeClient = Callable[..., RasaClient]


@pytest.fixture
async def make_client() -> AsyncIterator[MakeClient]:
    """A client on the given URLs; keyword options as RasaClient takes them."""
    http = make_http_session(timeout_s=0.5, connect_timeout_s=0.5)
    async with http:
        yield lambda urls, **options: RasaClient(
            http=http, rasa_urls=urls, action_server_url=urls[0], health_timeout_s=0.5, **options
        )


def _both_orders(make_client: MakeClient, first: str, second: str) -> list[RasaClient]:
    # Which instance a sender prefers depends on a hash: test both orders.
    return [make_client([first, second]), make_client([second, first])]


async def test_a_503_instance_is_passed_over(make_client: MakeClient, serve: Serve) -> None:
    _, bad_url = await serve(unavailable)
    good, good_url = await serve(answer)
    for client in _both_orders(make_client, bad_url, good_url):
        replies = await client.send_message(sender_id="s", message="hoi", metadata={})
        assert replies == [{"recipient_id": "s", "text": "Hoi!"}]
    assert good.turns == 2


async def test_an_unreachable_instance_is_passed_over(
    make_client: MakeClient, serve: Serve
) -> None:
    good, good_url = await serve(answer)
    for client in _both_orders(make_client, f"http://127.0.0.1:{free_port()}", good_url):
        assert await client.send_message(sender_id="s", message="hoi", metadata={})
    assert good.turns == 2


@pytest.mark.parametrize("failure", [broken, slow], ids=["500", "timeout"])
async def test_a_turn_that_reached_rasa_is_not_sent_again(
    make_client: MakeClient, serve: Serve, failure: Handler
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
    make_client: MakeClient,
) -> None:
    client = make_client([f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"])
    with pytest.raises(AssistantUnavailableError):
        await client.send_message(sender_id="s", message="hoi", metadata={})
    assert not await client.rasa_alive()


class Overlap:
    """A stand-in turn that takes a while; it records the turns at once and their order."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.now = 0
        self.most = 0
        self.order: list[str] = []

    async def __call__(self, request: web.Request) -> web.StreamResponse:
        self.now += 1
        self.most = max(self.most, self.now)
        self.order.append((await request.json())["message"])
        await asyncio.sleep(self.seconds)
        self.now -= 1
        return web.json_response([{"recipient_id": "s", "text": "ok"}])


async def _send_all(client: RasaClient, senders: list[str]) -> None:
    async def send(number: int, sender: str) -> None:
        await asyncio.sleep(number * 0.01)  # arrive in this order
        await client.send_message(sender_id=sender, message=str(number), metadata={})

    await asyncio.gather(*(send(number, sender) for number, sender in enumerate(senders)))


async def test_one_instance_gets_one_turn_at_a_time_in_arrival_order(
    make_client: MakeClient, serve: Serve
) -> None:
    turn = Overlap(0.05)
    _, url = await serve(turn)
    await _send_all(make_client([url], turns_in_flight=1), [f"s{n}" for n in range(5)])
    assert turn.most == 1
    assert turn.order == ["0", "1", "2", "3", "4"]


async def test_without_a_limit_the_turns_overlap(make_client: MakeClient, serve: Serve) -> None:
    turn = Overlap(0.05)
    _, url = await serve(turn)
    await _send_all(make_client([url], turns_in_flight=0), [f"s{n}" for n in range(5)])
    assert turn.most > 1


async def test_a_busy_instance_passes_the_turn_to_an_idle_one(
    make_client: MakeClient, serve: Serve
) -> None:
    first, second = Overlap(0.2), Overlap(0.2)
    (one, one_url), (two, two_url) = await serve(first), await serve(second)
    # The same sender twice: both turns prefer the same instance.
    await _send_all(make_client([one_url, two_url], turns_in_flight=1), ["s", "s"])
    assert (one.turns, two.turns) == (1, 1)


async def test_a_turn_that_waits_too_long_for_a_slot_gets_the_503(
    make_client: MakeClient, serve: Serve
) -> None:
    _, url = await serve(Overlap(0.3))
    client = make_client([url], turns_in_flight=1, slot_timeout_s=0.1)
    results = await asyncio.gather(
        client.send_message(sender_id="a", message="hoi", metadata={}),
        client.send_message(sender_id="b", message="hoi", metadata={}),
        return_exceptions=True,
    )
    assert [type(result) for result in results] == [list, AssistantUnavailableError]


async def test_a_failed_turn_gives_its_slot_back(make_client: MakeClient, serve: Serve) -> None:
    replies = [broken, answer]

    async def fails_once(request: web.Request) -> web.StreamResponse:
        return await replies.pop(0)(request)

    _, url = await serve(fails_once)
    client = make_client([url], turns_in_flight=1, slot_timeout_s=0.2)
    with pytest.raises(AssistantUnavailableError):
        await client.send_message(sender_id="s", message="hoi", metadata={})
    assert await client.send_message(sender_id="s", message="hoi", metadata={})


async def test_turns_do_not_queue_behind_a_hanging_instance_while_another_answers(
    make_client: MakeClient, serve: Serve
) -> None:
    # An instance still loading its model accepts connections and answers nothing.
    hanging, quick = Overlap(0.45), Overlap(0.05)
    (_, hanging_url), (fast, fast_url) = await serve(hanging), await serve(quick)
    client = make_client([hanging_url, fast_url], turns_in_flight=1, slot_timeout_s=0.3)
    # A conversation whose first turn goes to the hanging instance (all idle: its own).
    sender = next(
        f"s{n}" for n in range(50) if client._instances_for(f"s{n}", tried=[])[0].url == hanging_url
    )
    await _send_all(client, [sender] * 5)  # one stuck there, four after each other on the other
    assert fast.turns == 4
