"""A counsellor's reply reaches a Telegram user: real python-telegram-bot, fake Bot API server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.handoff import open_handoff
from bot.console.models import ChannelAddress, Organisation
from bot.gateway.main import create_app
from bot.telegram.identity import sender_id as telegram_sender_id
from catalogue.db import make_engine
from core.settings import Settings
from tests.bot.console.test_handoff_api import as_counsellor
from tests.telegram.fake_bot_api import FakeBotApi

CHAT_ID = 424242
TOKEN = "123456:TEST-token"


@pytest.fixture
def fake_telegram() -> Iterator[FakeBotApi]:
    fake = FakeBotApi().start()
    yield fake
    fake.stop()


@pytest.fixture
def telegram_console(console_settings: Settings, fake_telegram: FakeBotApi) -> Iterator[TestClient]:
    settings = console_settings.model_copy(
        update={"telegram_token": SecretStr(TOKEN), "telegram_api_url": fake_telegram.base_url}
    )
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        yield client


def hand_over(settings: Settings, sender: str) -> None:
    engine = make_engine(settings.app_database_url)
    with Session(engine) as session, session.begin():
        roc = session.scalars(select(Organisation).where(Organisation.slug == "roc-a")).one()
        open_handoff(
            session, sender_id=sender, organisation=roc, channel="telegram", reason="request_human"
        )
    engine.dispose()


def addresses(settings: Settings) -> dict[str, str]:
    engine = make_engine(settings.app_database_url)
    with Session(engine) as session:
        found = {a.sender_id: a.address for a in session.scalars(select(ChannelAddress))}
    engine.dispose()
    return found


def test_reply_goes_to_the_users_telegram_chat(
    telegram_console: TestClient, console_settings: Settings, fake_telegram: FakeBotApi
) -> None:
    sender = telegram_sender_id(console_settings.secret(), CHAT_ID)
    # The adapter's message carries the chat id; Rasa is down here, the address is kept anyway.
    telegram_console.post(
        "/api/chat",
        json={"sender_id": sender, "message": "hoi",
              "metadata": {"channel": "telegram", "telegram_chat_id": CHAT_ID}},
    )  # fmt: skip
    assert addresses(console_settings) == {sender: str(CHAT_ID)}
    hand_over(console_settings, sender)
    headers = as_counsellor(telegram_console, "anna@roc-a.nl")
    base = f"/console/api/conversations/{sender}"
    telegram_console.post(f"{base}/take", headers=headers)
    telegram_console.post(f"{base}/reply", headers=headers, json={"text": "Ik <b>help</b> je."})
    sent = fake_telegram.wait_for_sync("sendMessage", chat_id=CHAT_ID, count=2, timeout_s=10)
    texts = [call.text for call in sent]
    assert "Je praat nu met Anna" in texts[0]
    # The counsellor's text is escaped: it cannot inject Telegram markup.
    assert "Ik &lt;b&gt;help&lt;/b&gt; je." in texts[1]


def test_a_forged_chat_id_is_not_kept(
    telegram_console: TestClient, console_settings: Settings
) -> None:
    # Anyone can call /api/chat; without the installation's secret the pair does not match.
    telegram_console.post(
        "/api/chat",
        json={"sender_id": "tg-made-up", "message": "hoi",
              "metadata": {"channel": "telegram", "telegram_chat_id": CHAT_ID}},
    )  # fmt: skip
    assert addresses(console_settings) == {}
