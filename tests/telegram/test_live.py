"""The adapter against the real stack: trained Rasa model, action server, gateway.

One stack for the whole module (it takes about a minute to start): its gateway
runs in webhook mode against the fake Bot API, and the in-process Application
and the polling process use the same gateway over HTTP.
"""

from __future__ import annotations

import html
import os
import signal
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bot.conversations.erasure import count_events
from bot.telegram import texts
from bot.telegram.app import TelegramApp, build_application
from bot.telegram.gateway import GatewayClient
from bot.telegram.identity import sender_id
from bot.telegram.webhook import SECRET_HEADER
from catalogue.db import make_engine
from core.settings import Settings
from scripts.stack import APP_PYTHON, ROOT, Stack, StackConfig, free_port
from tests.telegram import updates
from tests.telegram.conftest import TOKEN, process
from tests.telegram.fake_bot_api import Call, FakeBotApi

pytestmark = pytest.mark.slow

KEY = "live-test-secret-key"
WEBHOOK_TOKEN = "111111:webhook-token"
POLLING_TOKEN = "222222:polling-token"
HOOK_SECRET = "live-hook_Secret-1"
PUBLIC_URL = "https://leerwijzer.example"
WARMTEPOMP = "Zijn er cursussen over warmtepompen bij Enschede?"


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def live(
    model_path: Path, sqlite_url: str, tmp_path_factory: pytest.TempPathFactory, api: FakeBotApi
) -> Iterator[Stack]:
    data_dir = tmp_path_factory.mktemp("telegram-var")
    config = StackConfig(
        model_path=model_path,
        data_dir=data_dir,
        gateway_port=free_port(),
        rasa_port=free_port(),
        action_port=free_port(),
        database_url=sqlite_url,
        log_dir=data_dir / "logs",
        extra_env={
            "LEERWIJZER_SECRET_KEY": KEY,
            "LEERWIJZER_TELEGRAM_TOKEN": WEBHOOK_TOKEN,
            "LEERWIJZER_TELEGRAM_MODE": "webhook",
            "LEERWIJZER_TELEGRAM_WEBHOOK_SECRET": HOOK_SECRET,
            "LEERWIJZER_TELEGRAM_API_URL": api.base_url,
            "LEERWIJZER_PUBLIC_URL": PUBLIC_URL,
        },
    )
    running = Stack(config)
    assert "telegram" not in running.commands()  # webhook mode: no polling process
    running.start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture
async def app(live: Stack, api: FakeBotApi) -> AsyncIterator[TelegramApp]:
    settings = Settings(
        data_dir=live.config.data_dir,
        secret_key=SecretStr(KEY),
        telegram_token=SecretStr(TOKEN),
        telegram_api_url=api.base_url,
        gateway_url=live.config.gateway_url,
    )
    gateway = GatewayClient.from_settings(settings)
    application = build_application(settings, gateway=gateway, polling=False)
    async with application:
        yield application
    await gateway.aclose()


def gateway_chat(live: Stack, sender: str, message: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{live.config.gateway_url}/api/chat",
        json={"sender_id": sender, "message": message},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def transcript(live: Stack, sender: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{live.config.gateway_url}/api/conversations/{sender}/messages")
    assert response.status_code == 200
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def titles(markup: dict[str, Any] | None) -> list[str]:
    assert markup is not None
    return [button["text"] for row in markup["inline_keyboard"] for button in row]


def button_data(call: Call, title: str) -> str:
    assert call.reply_markup is not None
    for row in call.reply_markup["inline_keyboard"]:
        for button in row:
            if button["text"] == title:
                data: str = button["callback_data"]
                return data
    raise AssertionError(f"no button {title!r} in {call.reply_markup}")


def tracker_events(live: Stack, sender: str) -> int:
    engine = make_engine(f"sqlite:///{live.config.data_dir / 'tracker.db'}")
    try:
        return count_events(engine, sender_id=sender)
    finally:
        engine.dispose()


async def test_a_course_question_gets_the_courses(
    app: TelegramApp, api: FakeBotApi, live: Stack
) -> None:
    chat = 7000001
    await process(app, updates.text(chat, WARMTEPOMP))
    sent = "\n".join(call.text for call in api.sent(chat))
    (courses,) = [
        m["custom"]["courses"]
        for m in gateway_chat(live, "tg-expected-1", WARMTEPOMP)
        if (m.get("custom") or {}).get("type") == "course_list"
    ]
    assert courses
    for course in courses:
        assert f"<b>{html.escape(course['title'])}" in sent
    assert "Aanbieder: ROC van Twente" in sent
    assert "Ik vond" in sent


async def test_buttons_answer_the_questions_of_the_conversation(
    app: TelegramApp, api: FakeBotApi, live: Stack
) -> None:
    chat = 7000002
    await process(app, updates.text(chat, "Kan ik geld krijgen voor mijn opleiding?"))
    (question,) = api.sent(chat)
    assert titles(question.reply_markup) == ["Levenlanglerenkrediet", "STAP-budget"]

    await process(app, updates.callback(chat, button_data(question, "Levenlanglerenkrediet")))
    assert api.calls("answerCallbackQuery")
    follow_up = api.sent(chat)[-1]
    assert follow_up.text == "Wat voor opleiding wil je doen?"
    assert "Mbo BOL, voltijd" in titles(follow_up.reply_markup)

    await process(app, updates.callback(chat, button_data(follow_up, "Mbo BOL, voltijd")))
    said = [m["text"] for m in transcript(live, sender_id(KEY, chat)) if m["role"] == "user"]
    assert said == [
        "Kan ik geld krijgen voor mijn opleiding?",
        "Levenlanglerenkrediet",
        "Mbo BOL, voltijd",
    ]
    assert api.sent(chat)[-1].text != follow_up.text


async def test_opnieuw_starts_a_new_conversation(
    app: TelegramApp, api: FakeBotApi, live: Stack
) -> None:
    chat = 7000003
    await process(app, updates.text(chat, "hoi"))
    assert transcript(live, sender_id(KEY, chat))
    await process(app, updates.text(chat, "/opnieuw"))
    assert api.sent(chat)[-1].text == "Goed, we beginnen opnieuw."
    assert transcript(live, sender_id(KEY, chat)) == []


async def test_vergeet_erases_the_tracker_events(
    app: TelegramApp, api: FakeBotApi, live: Stack
) -> None:
    chat = 7000004
    sender = sender_id(KEY, chat)
    await process(app, updates.text(chat, WARMTEPOMP))
    assert tracker_events(live, sender) > 0
    await process(app, updates.text(chat, "/vergeet"))
    assert api.sent(chat)[-1].text == texts.FORGOTTEN
    assert tracker_events(live, sender) == 0


async def test_the_gateway_in_webhook_mode_set_the_webhook_with_its_secret(
    live: Stack, api: FakeBotApi
) -> None:
    (hook,) = api.calls("setWebhook", token=WEBHOOK_TOKEN)
    assert hook.params["url"] == f"{PUBLIC_URL}/telegram/webhook"
    assert hook.params["secret_token"] == HOOK_SECRET


async def test_the_webhook_needs_the_secret_and_answers_through_the_bot_api(
    live: Stack, api: FakeBotApi
) -> None:
    chat = 7000005
    url = f"{live.config.gateway_url}/telegram/webhook"
    update = updates.text(chat, "hoi")
    async with httpx.AsyncClient(timeout=10) as client:
        assert (await client.post(url, json=update)).status_code == 403
        wrong = {SECRET_HEADER: "raden"}
        assert (await client.post(url, json=update, headers=wrong)).status_code == 403
        right = {SECRET_HEADER: HOOK_SECRET}
        assert (await client.post(url, content=b"{", headers=right)).status_code == 400
        assert (await client.post(url, json=update, headers=right)).status_code == 200
    (reply,) = await api.wait_for("sendMessage", chat_id=chat, token=WEBHOOK_TOKEN)
    assert "Leerwijzer" in reply.text
    assert tracker_events(live, sender_id(KEY, chat)) > 0


async def test_the_polling_process_answers_an_update(live: Stack, api: FakeBotApi) -> None:
    chat = 7000006
    env = live.config.environment()
    env.update(
        {
            "LEERWIJZER_TELEGRAM_TOKEN": POLLING_TOKEN,
            "LEERWIJZER_TELEGRAM_MODE": "polling",
            "LEERWIJZER_TELEGRAM_API_URL": api.base_url,
        }
    )
    log = live.config.log_dir / "telegram.log"
    with log.open("wb") as output:
        poller = subprocess.Popen(
            [str(APP_PYTHON), "-m", "bot.telegram"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            await api.wait_for("getUpdates", token=POLLING_TOKEN)
            api.queue_update(POLLING_TOKEN, updates.text(chat, "hoi"))
            (reply,) = await api.wait_for("sendMessage", chat_id=chat, token=POLLING_TOKEN)
            assert "Leerwijzer" in reply.text
        finally:
            os.kill(poller.pid, signal.SIGTERM)
            try:
                code = poller.wait(timeout=30)
            except subprocess.TimeoutExpired:
                poller.kill()
                poller.wait()
                raise
    assert code == 0
    assert api.calls("deleteWebhook", token=POLLING_TOKEN)
    output_text = log.read_text()
    assert POLLING_TOKEN not in output_text
    assert str(chat) not in output_text
    assert "Leerwijzer" not in output_text
