"""Build the python-telegram-bot Application (no side effects before this is called)."""

from __future__ import annotations

import logging
from typing import Any

from telegram import BotCommand, MessageEntity
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.telegram.buttons import ButtonStore
from bot.telegram.errors import on_error
from bot.telegram.gateway import GatewayClient
from bot.telegram.groups import group_note
from bot.telegram.handlers import ChatHandlers
from bot.telegram.media import media_note
from bot.telegram.ordering import PerChatUpdateProcessor
from bot.telegram.retry import RetryingRateLimiter
from core.settings import Settings

logger = logging.getLogger(__name__)

TelegramApp = Application[Any, Any, Any, Any, Any, Any]

COMMANDS = (
    BotCommand("start", "Uitleg en privacy"),
    BotCommand("opnieuw", "Begin een nieuw gesprek"),
    BotCommand("vergeet", "Wis je gesprek"),
)


class MissingTokenError(RuntimeError):
    pass


def telegram_token(settings: Settings) -> str:
    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    if not token.strip():
        raise MissingTokenError(
            "LEERWIJZER_TELEGRAM_TOKEN is not set: get a token from @BotFather in Telegram "
            "and set it to run the Telegram adapter."
        )
    return token.strip()


class RedactToken(logging.Filter):
    """httpx logs every request URL at INFO, and Bot API URLs contain the token."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        return True


def hide_token_in_logs(settings: Settings) -> None:
    token = telegram_token(settings)
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, RedactToken) and f.token == token for f in logger.filters):
        logger.addFilter(RedactToken(token))


async def announce_commands(application: TelegramApp) -> None:
    """The command menu in Telegram's chat screen; the bot works without it."""
    try:
        await application.bot.set_my_commands(list(COMMANDS))
    except TelegramError as error:
        logger.warning("could not set the command menu: %s", type(error).__name__)


def build_application(
    settings: Settings,
    *,
    gateway: GatewayClient | None = None,
    rate_limiter: RetryingRateLimiter | None = None,
    polling: bool = True,
) -> TelegramApp:
    """The adapter's Application; ``polling=False`` for webhook mode (no Updater)."""
    hide_token_in_logs(settings)
    client = gateway or GatewayClient.from_settings(settings)
    chat = ChatHandlers(
        gateway=client,
        buttons=ButtonStore(),
        secret=settings.secret(),
        max_message_chars=settings.max_message_chars,
    )

    async def close_gateway(_: TelegramApp) -> None:
        await client.aclose()

    builder = (
        ApplicationBuilder()
        .token(telegram_token(settings))
        .base_url(settings.telegram_api_url)
        .rate_limiter(rate_limiter or RetryingRateLimiter())
        .job_queue(None)
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(announce_commands)
        .post_shutdown(close_gateway)
    )
    if not polling:
        builder = builder.updater(None)
    application: TelegramApp = builder.build()
    register_handlers(application, chat)
    return application


def register_handlers(application: TelegramApp, chat: ChatHandlers) -> None:
    private = filters.ChatType.PRIVATE
    new = filters.UpdateType.MESSAGE
    application.add_handlers(
        [
            CommandHandler(["start", "help"], chat.start, filters=private & new),
            CommandHandler("opnieuw", chat.restart, filters=private & new),
            CommandHandler("vergeet", chat.forget, filters=private & new),
            MessageHandler(private & new & filters.COMMAND, chat.unknown_command),
            MessageHandler(private & new & filters.TEXT, chat.text),
            MessageHandler(
                private & filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND,
                chat.edited,
            ),
            MessageHandler(private & new & ~filters.StatusUpdate.ALL, media_note),
            CallbackQueryHandler(chat.button),
            MessageHandler(
                filters.ChatType.GROUPS
                & new
                & (filters.COMMAND | filters.Entity(MessageEntity.MENTION)),
                group_note,
            ),
        ]
    )
    application.add_error_handler(on_error)
