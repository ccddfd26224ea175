"""Group chats: the bot does not talk there, so nobody's questions are read by others.

Only a command or a mention of the bot gets one short note pointing to a
private chat; everything else in a group is ignored and never forwarded.
"""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.markup import escape


def addressed_to(message: Message, username: str) -> bool:
    """A mention of the bot, or a command not meant for another bot."""
    me = f"@{username}".lower()
    entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.BOT_COMMAND])
    for entity, text in entities.items():
        text = text.lower()
        if entity.type == MessageEntity.MENTION and text == me:
            return True
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return "@" not in text or text.endswith(me)
    return False


async def group_note(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    username = context.bot.username
    if message is None or not addressed_to(message, username):
        return
    note = texts.GROUP_ONLY_PRIVATE.format(link=f"https://t.me/{username}")
    await message.reply_text(escape(note), parse_mode=ParseMode.HTML)
