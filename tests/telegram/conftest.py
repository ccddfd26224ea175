"""Fixtures: a fake Bot API over HTTP, a fake gateway and the real PTB Application."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from telegram import Update

from bot.telegram.app import TelegramApp, build_application
from bot.telegram.gateway import GatewayClient
from bot.telegram.retry import RetryingRateLimiter
from core.settings import Settings
from tests.e2e.conftest import model_path  # noqa: F401 - the real-stack tests use it
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456:TEST-token"
SECRET = "test-secret-for-sender-ids"
# Short backoff so the retry tests stay fast; the shape is what is tested.
TEST_BACKOFF_S = 0.2

Messages = list[dict[str, Any]]


class FakeGateway:
    """The gateway's chat API as an httpx transport: records requests, answers as told."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, Any] | None]] = []
        self.answers: list[Messages | httpx.Response] = []
        self.default: Messages = [{"text": "Oké, dat snap ik."}]

    def answer(self, *answers: Messages | httpx.Response) -> None:
        self.answers.extend(answers)

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        if request.method == "DELETE":
            return httpx.Response(204)
        answer = self.answers.pop(0) if self.answers else self.default
        if isinstance(answer, httpx.Response):
            return answer
        assert body is not None
        return httpx.Response(200, json={"sender_id": body["sender_id"], "messages": answer})

    @property
    def messages(self) -> list[str]:
        return [body["message"] for method, _, body in self.requests if body and method == "POST"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # PTB 22 itself reads RetryAfter.retry_after when raising it, which warns about
    # its coming type change; the adapter reads either type (bot/telegram/retry.py).
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(
                pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
            )


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    server = FakeBotApi().start()
    yield server
    server.stop()


@pytest.fixture
def fake_gateway() -> FakeGateway:
    return FakeGateway()


def make_settings(data_dir: Path, api: FakeBotApi, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "secret_key": SecretStr(SECRET),
        "telegram_token": SecretStr(TOKEN),
        "telegram_api_url": api.base_url,
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path, fake_api: FakeBotApi) -> Settings:
    return make_settings(tmp_path, fake_api)


@pytest.fixture
async def application(settings: Settings, fake_gateway: FakeGateway) -> AsyncIterator[TelegramApp]:
    gateway = GatewayClient(
        "http://gateway.test", transport=httpx.MockTransport(fake_gateway.handle)
    )
    app = build_application(
        settings,
        gateway=gateway,
        rate_limiter=RetryingRateLimiter(backoff_s=TEST_BACKOFF_S),
        polling=False,
    )
    async with app:
        yield app
    await gateway.aclose()


async def process(app: TelegramApp, data: dict[str, Any]) -> None:
    """Hand one update to the Application as Telegram's JSON, the way PTB's examples do."""
    await app.process_update(Update.de_json(data, app.bot))
