"""The one error handler: log what failed and where, never who or what was said."""

from __future__ import annotations

import contextlib
import logging
import traceback
from pathlib import Path

from telegram import Update
from telegram.constants import ChatType
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.handlers import say

logger = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


def where(error: BaseException) -> str:
    """File and line of the failure, preferring this package's own code.

    Exception messages and local values are left out on purpose: they can hold
    the user's text (a BadRequest quotes it) or chat ids.
    """
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "unknown"
    ours = [f for f in frames if Path(f.filename).resolve().parent == PACKAGE_DIR]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if error is None:
        return
    logger.error("Telegram update failed: %s at %s", type(error).__name__, where(error))
    # Blocked by the user, or flooded: one more message cannot help.
    if isinstance(error, Forbidden | RetryAfter):
        return
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is not None and chat.type == ChatType.PRIVATE:
        with contextlib.suppress(TelegramError):
            await say(context.bot, chat.id, texts.UNAVAILABLE)
