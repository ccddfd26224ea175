"""Long polling: ``python -m bot.telegram`` asks Telegram for updates (no public URL needed)."""

from __future__ import annotations

import logging
import sys

from telegram import Update

from bot.telegram.app import (
    MissingTokenError,
    build_application,
    telegram_token,
)
from core.settings import get_settings


def main() -> int:
    settings = get_settings()
    try:
        telegram_token(settings)
    except MissingTokenError as error:
        print(error, file=sys.stderr)
        return 2
    if settings.telegram_mode != "polling":
        print(
            "LEERWIJZER_TELEGRAM_MODE is webhook: the gateway receives the updates, "
            "so there is nothing to poll. Unset it (or set polling) to use this command.",
            file=sys.stderr,
        )
        return 2
    application = build_application(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # Stops cleanly on SIGINT and SIGTERM (what scripts/stack.py sends).
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
