"""Private chats: text, edits, buttons and the commands, all through the gateway."""

from __future__ import annotations

import contextlib
import logging

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.buttons import ButtonStore
from bot.telegram.gateway import GatewayClient, GatewayError
from bot.telegram.identity import sender_id
from bot.telegram.markup import escape, split_html
from bot.telegram.render import Button, Reply, keyboard_rows, render_messages

logger = logging.getLogger(__name__)

# Rasa's built-in restart intent: a new conversation with the same sender id.
RESTART_PAYLOAD = "/restart"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Telegram's limit for the note shown when a button is pressed.
CALLBACK_ANSWER_CHARS = 200


async def say(bot: Bot, chat_id: int, text: str) -> None:
    """One of the adapter's own plain texts."""
    await bot.send_message(chat_id, escape(text), parse_mode=ParseMode.HTML)


class ChatHandlers:
    """The handlers of a private chat; state is only the button tokens."""

    def __init__(
        self,
        *,
        gateway: GatewayClient,
        buttons: ButtonStore,
        secret: str,
        max_message_chars: int,
    ) -> None:
        self.gateway = gateway
        self.buttons = buttons
        self._secret = secret
        self._max_message_chars = max_message_chars

    def sender_id(self, chat_id: int) -> str:
        return sender_id(self._secret, chat_id)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is not None and message.text:
            await self.forward(context.bot, message.chat_id, message.text)

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Rasa cannot change a turn it has answered. The corrected text is read
        # as the newest answer, so fixing a typo still reaches the bot.
        message = update.edited_message
        if message is not None and message.text:
            await self.forward(context.bot, message.chat_id, message.text)

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        message = query.message
        if message is None or message.chat.type != ChatType.PRIVATE:
            await query.answer()
            return
        chat_id = message.chat.id
        token = query.data if isinstance(query.data, str) else None
        pressed = self.buttons.get(chat_id, token) if token else None
        if pressed is None:
            await query.answer()
            await say(context.bot, chat_id, texts.BUTTON_EXPIRED)
            return
        # Telegram shows no bubble for a pressed button; the short note says what was chosen.
        await query.answer(text=f"Je koos: {pressed.title}"[:CALLBACK_ANSWER_CHARS])
        await self.forward(context.bot, chat_id, pressed.payload)

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat is not None:
            await say(context.bot, update.effective_chat.id, f"{texts.WELCOME}\n\n{texts.PRIVACY}")

    async def restart(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        # Buttons of the old conversation would answer questions nobody asks any more.
        self.buttons.forget(chat.id)
        try:
            messages = await self.gateway.chat(
                sender_id=self.sender_id(chat.id), message=RESTART_PAYLOAD
            )
        except GatewayError as error:
            logger.warning("restart failed: %s", error)
            await say(context.bot, chat.id, texts.UNAVAILABLE)
            return
        await self.send(
            context.bot, chat.id, render_messages(messages) or [_plain(texts.RESTARTED)]
        )

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        try:
            await self.gateway.forget(sender_id=self.sender_id(chat.id))
        except GatewayError as error:
            logger.warning("erasure failed: %s", error)
            await say(context.bot, chat.id, texts.FORGET_FAILED)
            return
        # The adapter keeps nothing else per chat: no persistence, no chat_data.
        self.buttons.forget(chat.id)
        await say(context.bot, chat.id, texts.FORGOTTEN)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat is not None:
            await say(context.bot, update.effective_chat.id, texts.UNKNOWN_COMMAND)

    async def forward(self, bot: Bot, chat_id: int, text: str) -> None:
        """Send the text to the gateway and its answer to the chat; never silence."""
        text = text.strip()
        if len(text) > self._max_message_chars:
            await say(bot, chat_id, texts.TOO_LONG)
            return
        # Rasa takes a moment; the typing hint is nice to have, never required.
        with contextlib.suppress(TelegramError):
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        try:
            messages = await self.gateway.chat(
                sender_id=self.sender_id(chat_id), message=text, chat_id=chat_id
            )
        except GatewayError as error:
            logger.warning("no answer from the gateway: %s", error)
            await say(bot, chat_id, texts.UNAVAILABLE)
            return
        if not messages:
            # The gateway answers nothing only while a counsellor has the
            # conversation: their reply comes from the console, not from here.
            return
        if any((m.get("custom") or {}).get("type") == "erased" for m in messages):
            self.buttons.forget(chat_id)  # buttons of an erased conversation mean nothing
        await self.send(bot, chat_id, render_messages(messages) or [_plain(texts.NOT_UNDERSTOOD)])

    async def send(self, bot: Bot, chat_id: int, replies: list[Reply]) -> None:
        for reply in replies:
            parts = split_html(reply.html)
            for number, part in enumerate(parts, start=1):
                markup = self.keyboard(chat_id, reply.buttons) if number == len(parts) else None
                await bot.send_message(
                    chat_id,
                    part,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=NO_PREVIEW,
                )

    def keyboard(self, chat_id: int, buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
        if not buttons:
            return None
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(b.title, callback_data=self.buttons.put(chat_id, b))
                    for b in row
                ]
                for row in keyboard_rows(buttons)
            ]
        )


def _plain(text: str) -> Reply:
    return Reply(html=escape(text))
