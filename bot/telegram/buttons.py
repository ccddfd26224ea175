"""Short tokens in Telegram's callback_data for button payloads of any length.

Telegram allows 64 bytes of callback_data; payloads such as
``/inform{"advice_answer": "..."}`` are longer. The payload stays here, in
memory, and the button carries a random token. Tokens are bound to their chat,
bounded in number, and gone after a restart or /vergeet: such a button then
gets a short "type your answer" reply instead.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict

from bot.telegram.render import Button

MAX_CHATS = 10_000
# A conversation rarely shows more than a few dozen buttons before they are stale.
MAX_BUTTONS_PER_CHAT = 200


class ButtonStore:
    def __init__(
        self, *, max_chats: int = MAX_CHATS, max_per_chat: int = MAX_BUTTONS_PER_CHAT
    ) -> None:
        self._max_chats = max_chats
        self._max_per_chat = max_per_chat
        self._chats: OrderedDict[int, OrderedDict[str, Button]] = OrderedDict()

    def put(self, chat_id: int, button: Button) -> str:
        """A new token for the button (12 characters, well within 64 bytes)."""
        token = secrets.token_urlsafe(9)
        buttons = self._chats.pop(chat_id, None) or OrderedDict()
        buttons[token] = button
        while len(buttons) > self._max_per_chat:
            buttons.popitem(last=False)
        self._chats[chat_id] = buttons
        while len(self._chats) > self._max_chats:
            self._chats.popitem(last=False)
        return token

    def get(self, chat_id: int, token: str) -> Button | None:
        buttons = self._chats.get(chat_id)
        return buttons.get(token) if buttons is not None else None

    def forget(self, chat_id: int) -> None:
        self._chats.pop(chat_id, None)

    def count(self, chat_id: int) -> int:
        return len(self._chats.get(chat_id) or ())
