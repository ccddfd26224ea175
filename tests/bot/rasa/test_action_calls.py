"""How Rasa calls the action server (rasa runtime: `make test-nlu` runs these)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa import action_calls

DOMAIN_FILE = Path(__file__).parents[3] / "bot" / "domain.yml"

VALID = {
    "events": [{"event": "slot", "name": "location", "value": "Utrecht"}],
    "responses": [{"text": "Ik zoek voor je."}],
}
INVALID = {"events": [{"event": "no_such_event"}], "responses": []}


def _message(validate: Any, result: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as raised:
        validate(RemoteAction.__new__(RemoteAction), result)
    return str(raised.value.message)


def test_compiled_validation_accepts_and_rejects_as_rasa_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = RemoteAction._validate_action_result
    # Restored after the test, whatever the launcher sets.
    monkeypatch.setattr(RemoteAction, "_validate_action_result", original)
    action_calls.install_compiled_action_validation()
    compiled = RemoteAction._validate_action_result
    assert compiled is not original
    assert compiled(RemoteAction.__new__(RemoteAction), VALID) is True
    assert _message(compiled, INVALID) == _message(original, INVALID)
    assert "custom-actions" in _message(compiled, {"events": "not a list"})


@asynccontextmanager
async def _webhook_server(handler: Any) -> AsyncIterator[str]:
    """A real HTTP server on a free port answering POST /webhook; yields its URL."""
    from aiohttp import web

    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        await runner.cleanup()


def test_endpoint_requests_share_one_kept_alive_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aiohttp import web
    from rasa.core import run as rasa_run
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)
    monkeypatch.setattr(rasa_run, "close_resources", rasa_run.close_resources)
    action_calls.keep_endpoint_connections()
    client_ports: list[int] = []

    async def webhook(request: web.Request) -> web.Response:
        client_ports.append(request.transport.get_extra_info("peername")[1])  # type: ignore[union-attr]
        return web.json_response({"events": [], "responses": []})

    async def scenario() -> bool:
        async with _webhook_server(webhook) as url:
            endpoint = EndpointConfig(url=url)
            for _ in range(3):
                assert await endpoint.request(json={"next_action": "x"}, method="post") == {
                    "events": [],
                    "responses": [],
                }
            session = endpoint._kept_session[1]
            await rasa_run.close_resources(_Stub(), asyncio.get_running_loop())
            return bool(session.closed)

    assert asyncio.run(scenario()) is True
    assert len(client_ports) == 3
    assert len(set(client_ports)) == 1  # one TCP connection for all three calls


class _Stub:
    """An app whose agent has nothing to close (Rasa's close_resources reads app.ctx.agent)."""

    class ctx:  # noqa: N801 - the attribute Rasa reads
        agent = None


def _conversation(domain: Any, turns: list[str]) -> Any:
    """A tracker where the bot answered each user message; the state was set in the first."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker("someone", domain.slots)
    for number, said in enumerate(turns):
        tracker.update(UserUttered(said, intent={"name": "inform", "confidence": 1.0}))
        if number == 0:
            tracker.update(SlotSet("dialogue", {"facts": {"location": {"value": "utrecht"}}}))
        tracker.update(ActionExecuted("action_turn"))
        tracker.update(BotUttered(f"antwoord {number}"))
        tracker.update(ActionExecuted("action_listen"))
    return tracker


def test_recent_events_start_at_the_last_user_message() -> None:
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(DOMAIN_FILE))
    events = list(_conversation(domain, ["hoi", "ik woon in Utrecht", "ik wil een mens"]).events)
    recent = action_calls.recent_events(events)
    assert [getattr(e, "text", None) for e in recent if hasattr(e, "text")] == [
        "ik wil een mens", "antwoord 2"
    ]  # fmt: skip
    assert recent == events[-len(recent) :]
    # A first turn: everything there is.
    first = list(_conversation(domain, ["hoi"]).events)
    assert action_calls.recent_events(first) == first


def test_an_action_call_carries_recent_events_and_everything_else_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aiohttp import web
    from rasa.core.channels import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    stock = RemoteAction._action_call_format
    monkeypatch.setattr(RemoteAction, "_action_call_format", stock)
    action_calls.send_recent_events_only()
    domain = Domain.load(str(DOMAIN_FILE))
    tracker = _conversation(
        domain, ["hoi", "ik woon in Utrecht", "wat kost het", "ik wil een mens"]
    )
    bodies: list[dict[str, Any]] = []

    async def webhook(request: web.Request) -> web.Response:
        bodies.append(await request.json())
        return web.json_response({"events": [], "responses": []})

    async def call() -> None:
        async with _webhook_server(webhook) as url:
            action = RemoteAction("action_turn", EndpointConfig(url=url))
            await action.run(
                CollectingOutputChannel(),
                TemplatedNaturalLanguageGenerator(domain.responses),
                tracker,
                domain,
            )

    asyncio.run(call())
    sent = bodies[0]
    said = [e.get("text") for e in sent["tracker"]["events"] if e["event"] in ("user", "bot")]
    assert said == ["ik wil een mens", "antwoord 3"]
    # The state set three turns ago, the latest message and the domain still come.
    assert sent["tracker"]["slots"]["dialogue"]["facts"]["location"]["value"] == "utrecht"
    assert sent["tracker"]["latest_message"]["text"] == "ik wil een mens"
    assert sent["domain"]["slots"].keys() == domain.as_dict()["slots"].keys()
    full = stock(RemoteAction("action_turn", None), tracker, domain)
    assert len(full["tracker"]["events"]) > len(sent["tracker"]["events"])
    assert {k: v for k, v in sent["tracker"].items() if k != "events"} == {
        k: v for k, v in full["tracker"].items() if k != "events"
    }
    assert sent["next_action"] == full["next_action"]
    assert sent["sender_id"] == full["sender_id"]
