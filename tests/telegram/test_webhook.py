"""Webhook mode on the gateway (in-process) and the polling command's start-up checks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.gateway.main import create_app
from bot.telegram import texts
from bot.telegram.webhook import SECRET_HEADER, TelegramWebhook, WebhookConfigError
from core.settings import Settings
from scripts.stack import APP_PYTHON, ROOT, free_port
from tests.telegram import updates
from tests.telegram.conftest import TOKEN, make_settings
from tests.telegram.fake_bot_api import FakeBotApi

HOOK_SECRET = "hook-Secret_42"
CHAT = 5550002


def webhook_settings(tmp_path: Path, api: FakeBotApi, **overrides: Any) -> Settings:
    def down() -> str:
        return f"http://127.0.0.1:{free_port()}"

    values: dict[str, Any] = {
        "telegram_mode": "webhook",
        "telegram_webhook_secret": SecretStr(HOOK_SECRET),
        "public_url": "https://leerwijzer.example/",
        # Nothing listens there: the reply is the apology, which is enough here
        # (tests/telegram/test_live.py has the real conversation).
        "gateway_url": down(),
        "rasa_url": down(),
        "action_server_url": down(),
        **overrides,
    }
    return make_settings(tmp_path, api, **values)


def test_the_gateway_sets_the_webhook_and_checks_the_secret(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    update = updates.text(CHAT, "hoi")
    with TestClient(create_app(webhook_settings(tmp_path, fake_api))) as client:
        (hook,) = fake_api.calls("setWebhook")
        assert hook.params["url"] == "https://leerwijzer.example/telegram/webhook"
        assert hook.params["secret_token"] == HOOK_SECRET
        assert fake_api.calls("setMyCommands")

        assert client.post("/telegram/webhook", json=update).status_code == 403
        wrong = {SECRET_HEADER: HOOK_SECRET + "x"}
        assert client.post("/telegram/webhook", json=update, headers=wrong).status_code == 403
        assert fake_api.sent(CHAT) == []

        right = {SECRET_HEADER: HOOK_SECRET}
        bad = [
            b"{not json",
            b"[1, 2]",
            b'{"update_id": "een"}',
            b"\xff\xfe",
            b'{"update_id": 1, "message": []}',
            b'{"update_id": 1, "message": {"chat": 5}}',
        ]
        for body in bad:
            response = client.post("/telegram/webhook", content=body, headers=right)
            assert response.status_code == 400, body

        response = client.post("/telegram/webhook", content=json.dumps(update), headers=right)
        assert response.status_code == 200
        (reply,) = fake_api.wait_for_sync("sendMessage", chat_id=CHAT)
        assert reply.text == texts.UNAVAILABLE


def test_webhook_mode_refuses_to_start_without_a_good_secret(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    for secret in [None, SecretStr(""), SecretStr("met spatie"), SecretStr("x" * 257)]:
        settings = webhook_settings(tmp_path, fake_api, telegram_webhook_secret=secret)
        with pytest.raises(WebhookConfigError, match="LEERWIJZER_TELEGRAM_WEBHOOK_SECRET"):
            TelegramWebhook(settings=settings)
        with pytest.raises(WebhookConfigError):
            create_app(settings)


def test_telegram_down_does_not_take_the_gateway_down(
    tmp_path: Path, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    settings = webhook_settings(
        tmp_path, fake_api, telegram_api_url=f"http://127.0.0.1:{free_port()}/bot"
    )
    caplog.set_level(logging.INFO)
    with TestClient(create_app(settings)) as client:
        # The gateway answers (Rasa is not running here, so it says "degraded").
        assert client.get("/healthz").json()["status"] == "degraded"
        right = {SECRET_HEADER: HOOK_SECRET}
        update = updates.text(CHAT, "hoi")
        assert client.post("/telegram/webhook", json=update, headers=right).status_code == 503
    assert "Telegram not reachable (NetworkError)" in caplog.text
    assert TOKEN not in caplog.text


def run_main(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LEERWIJZER_")}
    environment.update({"LEERWIJZER_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [str(APP_PYTHON if APP_PYTHON.exists() else sys.executable), "-m", "bot.telegram"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_polling_without_a_token_exits_with_a_clear_message(tmp_path: Path) -> None:
    for env in [{}, {"LEERWIJZER_TELEGRAM_TOKEN": ""}]:
        done = run_main(tmp_path, **env)
        assert done.returncode == 2
        assert "LEERWIJZER_TELEGRAM_TOKEN is not set" in done.stderr
        assert "Traceback" not in done.stderr


def test_polling_in_webhook_mode_exits_with_a_clear_message(tmp_path: Path) -> None:
    done = run_main(tmp_path, LEERWIJZER_TELEGRAM_TOKEN=TOKEN, LEERWIJZER_TELEGRAM_MODE="webhook")
    assert done.returncode == 2
    assert "webhook" in done.stderr
