"""Through the update queue: chats run side by side, one chat's messages stay in order."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Update

from bot.telegram.app import TelegramApp, build_application
from bot.telegram.gateway import GatewayClient
from bot.telegram.ordering import PerChatUpdateProcessor
from core.settings import Settings
from tests.telegram import updates
from tests.telegram.fake_bot_api import FakeBotApi

SLOW_S = 1.0


class SlowGateway:
    """Answers "langzaam" after a second and everything else at once."""

    def __init__(self) -> None:
        self.started: list[str] = []

    async def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.started.append(body["message"])
        if body["message"] == "langzaam":
            await asyncio.sleep(SLOW_S)
        reply = {"text": f"antwoord op {body['message']}"}
        return httpx.Response(200, json={"sender_id": body["sender_id"], "messages": [reply]})


@pytest.fixture
async def running(settings: Settings) -> AsyncIterator[tuple[TelegramApp, SlowGateway]]:
    slow = SlowGateway()
    gateway = GatewayClient("http://gateway.test", transport=httpx.MockTransport(slow.handle))
    app = build_application(settings, gateway=gateway, polling=False)
    assert isinstance(app.update_processor, PerChatUpdateProcessor)
    async with app:
        await app.start()
        yield app, slow
        await app.stop()
    await gateway.aclose()


async def put(app: TelegramApp, chat_id: int, text: str) -> None:
    await app.update_queue.put(Update.de_json(updates.text(chat_id, text), app.bot))


async def test_a_slow_answer_for_one_person_does_not_hold_up_another(
    running: tuple[TelegramApp, SlowGateway], fake_api: FakeBotApi
) -> None:
    app, _ = running
    await put(app, 1001, "langzaam")
    await put(app, 1002, "snel")
    (fast,) = await fake_api.wait_for("sendMessage", chat_id=1002)
    assert fake_api.sent(1001) == []
    (slow,) = await fake_api.wait_for("sendMessage", chat_id=1001)
    assert slow.at - fast.at > SLOW_S / 2


async def test_the_messages_of_one_person_are_answered_in_order(
    running: tuple[TelegramApp, SlowGateway], fake_api: FakeBotApi
) -> None:
    app, slow = running
    await put(app, 1003, "langzaam")
    await put(app, 1003, "daarna")
    replies = await fake_api.wait_for("sendMessage", chat_id=1003, count=2)
    assert [r.text for r in replies] == ["antwoord op langzaam", "antwoord op daarna"]
    assert slow.started == ["langzaam", "daarna"]
    processor = app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    for _ in range(100):  # the last reply is recorded just before its handler returns
        if processor.busy_chats == 0:
            break
        await asyncio.sleep(0.02)
    assert processor.busy_chats == 0
