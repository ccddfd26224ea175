"""Counsellor messages into the person's own channel: the widget's live stream or Telegram."""

from __future__ import annotations

import html
import logging
from typing import Any

from sqlalchemy.orm import Session
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.console.clock import utc_now
from bot.console.models import ChannelAddress
from bot.conversations.live import LiveHub, chat_topic
from bot.telegram.identity import sender_id as telegram_sender_id
from core.settings import Settings

logger = logging.getLogger(__name__)
TELEGRAM = "telegram"


def remember_telegram_chat(
    session: Session, *, settings: Settings, sender_id: str, chat_id: object
) -> bool:
    """Keep the chat id when it belongs to the sender id (the adapter's HMAC), else ignore it.

    Anyone can post to /api/chat; only our adapter knows the secret, so a forged
    pair cannot make counsellors write into someone else's chat.
    """
    if isinstance(chat_id, bool) or not isinstance(chat_id, int):
        return False
    if telegram_sender_id(settings.secret(), chat_id) != sender_id:
        return False
    address = session.get(ChannelAddress, sender_id)
    if address is None:
        session.add(
            ChannelAddress(
                sender_id=sender_id, channel=TELEGRAM, address=str(chat_id), updated_at=utc_now()
            )
        )
    else:
        address.address = str(chat_id)
        address.updated_at = utc_now()
    return True


class Delivery:
    """Sends to the widget stream always, and to Telegram when the chat is known."""

    def __init__(self, *, live: LiveHub, settings: Settings) -> None:
        self._live = live
        self._settings = settings
        self._bot: Bot | None = None

    async def _telegram(self) -> Bot | None:
        token = self._settings.telegram_token
        if token is None:
            return None
        if self._bot is None:
            bot = Bot(token.get_secret_value(), base_url=self._settings.telegram_api_url)
            await bot.initialize()
            self._bot = bot
        return self._bot

    async def to_person(self, session: Session, *, sender_id: str, message: dict[str, Any]) -> bool:
        """True when the message reached a channel the person is listening on."""
        delivered = self._live.publish(chat_topic(sender_id), message) > 0
        address = session.get(ChannelAddress, sender_id)
        if address is None or address.channel != TELEGRAM or not message.get("text"):
            return delivered
        try:
            bot = await self._telegram()
            if bot is None:
                return delivered
            await bot.send_message(
                int(address.address),
                f"<b>Adviseur:</b> {html.escape(str(message['text']))}",
                parse_mode=ParseMode.HTML,
            )
        except TelegramError as error:
            # The error type only: the message and the chat are personal data.
            logger.warning("counsellor message not delivered to Telegram: %s", type(error).__name__)
            return delivered
        return True

    async def close(self) -> None:
        if self._bot is not None:
            await self._bot.shutdown()
