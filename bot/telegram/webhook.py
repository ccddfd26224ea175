"""Webhook mode: Telegram posts updates to the gateway at POST /telegram/webhook.

The route answers at once and the update is handled in the background, so a
slow answer from Rasa never makes Telegram post the same update again.
"""

from __future__ import annotations

import hmac
import json
import logging
import re

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse
from telegram import Update
from telegram.error import BadRequest, NetworkError

from bot.telegram.app import (
    TelegramApp,
    announce_commands,
    build_application,
)
from bot.telegram.gateway import GatewayClient
from core.settings import Settings

logger = logging.getLogger(__name__)

PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
# What Telegram accepts as secret_token in setWebhook.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# Updates are small; Telegram's own are a few kB.
MAX_BODY_BYTES = 1024 * 1024


class WebhookConfigError(RuntimeError):
    pass


class TelegramWebhook:
    def __init__(self, *, settings: Settings) -> None:
        secret = (
            settings.telegram_webhook_secret.get_secret_value()
            if settings.telegram_webhook_secret
            else ""
        )
        # Without the secret anyone who finds the URL could post fake updates.
        if not SECRET_PATTERN.match(secret):
            raise WebhookConfigError(
                "Telegram webhook mode needs LEERWIJZER_TELEGRAM_WEBHOOK_SECRET: 1-256 "
                "characters of A-Z, a-z, 0-9, _ and -."
            )
        self.settings = settings
        self._secret = secret
        self._gateway = GatewayClient.from_settings(settings)
        self.application: TelegramApp = build_application(
            settings, gateway=self._gateway, polling=False
        )
        self.url = settings.public_url.rstrip("/") + PATH
        self.router = APIRouter()
        self.router.add_api_route(
            PATH, self.receive, methods=["POST"], include_in_schema=False, response_model=None
        )

    async def start(self) -> None:
        try:
            await self.application.initialize()
            await self.application.start()
            await announce_commands(self.application)
            await self.application.bot.set_webhook(
                url=self.url, secret_token=self._secret, allowed_updates=Update.ALL_TYPES
            )
        except NetworkError as error:
            if isinstance(error, BadRequest):
                raise
            # Telegram down must not take the web chat down with it.
            logger.error("Telegram not reachable (%s): no Telegram for now", type(error).__name__)
            return
        logger.info("Telegram webhook set")

    async def stop(self) -> None:
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        await self._gateway.aclose()

    async def receive(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            return JSONResponse({"detail": "forbidden"}, status_code=status.HTTP_403_FORBIDDEN)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return JSONResponse(
                {"detail": "update too large"},
                status_code=status.HTTP_413_CONTENT_TOO_LARGE,
            )
        try:
            data = json.loads(body)
        except ValueError:
            return _bad_request("body is not valid JSON")
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return _bad_request("body is not a Telegram update")
        try:
            update = Update.de_json(data, self.application.bot)
        except Exception:
            # Whatever a malformed update breaks inside PTB's parser, it is bad input.
            return _bad_request("body is not a Telegram update")
        if not self.application.running:
            return JSONResponse(
                {"detail": "Telegram adapter not running"},
                status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        await self.application.update_queue.put(update)
        return Response(status_code=status.HTTP_200_OK)


def _bad_request(detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status.HTTP_400_BAD_REQUEST)
