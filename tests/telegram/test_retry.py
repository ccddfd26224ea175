"""Bot API failures: retries (429, 5xx) and the one error handler, over real HTTP."""

from __future__ import annotations

import json
import logging

import pytest

from bot.telegram import texts
from bot.telegram.app import TelegramApp
from bot.telegram.identity import sender_id
from tests.telegram import updates
from tests.telegram.conftest import SECRET, TEST_BACKOFF_S, TOKEN, process
from tests.telegram.fake_bot_api import Failure, FakeBotApi

CHAT = 5550003


async def test_flood_control_is_retried_after_retry_after(
    application: TelegramApp, fake_api: FakeBotApi
) -> None:
    fake_api.fail(
        "sendMessage",
        Failure(429, retry_after=1, description="Too Many Requests: retry after 1"),
    )
    await process(application, updates.text(CHAT, "hoi"))
    first, second = fake_api.sent(CHAT)
    assert second.at - first.at >= 1.0
    assert second.text == "Oké, dat snap ik."


async def test_server_errors_are_retried_with_growing_waits(
    application: TelegramApp, fake_api: FakeBotApi
) -> None:
    fake_api.fail("sendMessage", Failure(502), Failure(500, description="Internal Server Error"))
    await process(application, updates.text(CHAT, "hoi"))
    first, second, third = fake_api.sent(CHAT)
    assert second.at - first.at >= TEST_BACKOFF_S
    assert third.at - second.at >= 2 * TEST_BACKOFF_S
    assert third.text == "Oké, dat snap ik."


async def test_errors_are_logged_without_personal_data(
    application: TelegramApp, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    secret_text = "Mijn naam is Fatima Yilmaz en mijn BSN is 123456782"
    fake_api.fail(
        "sendMessage",
        *[Failure(502, description=f"Bad Gateway for chat {CHAT}: {secret_text}")] * 4,
    )
    caplog.set_level(logging.INFO)
    # The gateway quiets httpx; the Telegram polling process keeps its request logs.
    caplog.set_level(logging.INFO, logger="httpx")
    await process(application, updates.text(CHAT, secret_text))
    # A few tries, then the one error handler; never a crash.
    assert len(fake_api.sent(CHAT)) == 4 + 1  # the failed reply, then the apology
    assert fake_api.sent(CHAT)[-1].text == texts.UNAVAILABLE
    errors = [r for r in caplog.records if r.name == "bot.telegram.errors"]
    assert len(errors) == 1
    assert "NetworkError" in errors[0].getMessage()
    logged = caplog.text + json.dumps([r.getMessage() for r in caplog.records])
    assert "Fatima" not in logged
    assert "123456782" not in logged
    assert str(CHAT) not in logged
    assert sender_id(SECRET, CHAT) not in logged
    # httpx logs each Bot API URL, which holds the token.
    assert "HTTP Request: POST" in logged
    assert TOKEN not in logged


async def test_a_bad_request_is_not_retried_and_not_logged_with_its_text(
    application: TelegramApp, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    fake_api.fail("sendMessage", Failure(400, description="Bad Request: can't parse Yilmaz"))
    await process(application, updates.text(CHAT, "hoi"))
    assert [c.text for c in fake_api.sent(CHAT)] == ["Oké, dat snap ik.", texts.UNAVAILABLE]
    assert "BadRequest" in caplog.text
    assert "Yilmaz" not in caplog.text
