"""Messages without text (photos, voice, stickers, ...): say that only text is read."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.handlers import say


def media_text(message: Message) -> str:
    if message.location is not None or message.venue is not None:
        return texts.ONLY_TEXT_LOCATION
    kind = next(
        (noun for attribute, noun in texts.MEDIA_KINDS.items() if getattr(message, attribute)),
        texts.OTHER_MEDIA,
    )
    return texts.ONLY_TEXT.format(kind=kind)


async def media_note(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is not None:
        await say(context.bot, message.chat_id, media_text(message))
