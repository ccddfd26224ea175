"""The gateway sender id of a Telegram chat."""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "tg-"


def sender_id(secret: str, chat_id: int) -> str:
    """An id nobody can derive from the chat id without the installation's secret.

    The gateway shows a transcript to anyone who knows its sender id, and
    Telegram chat ids are no secret (a user id is visible to every bot and group).
    """
    digest = hmac.new(secret.encode(), str(chat_id).encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest[:32]
