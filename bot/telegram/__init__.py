"""Telegram adapter (python-telegram-bot 22): forwards messages to the gateway.

Runs only when LEERWIJZER_TELEGRAM_TOKEN is set: as its own process with long
polling (``python -m bot.telegram``), or inside the gateway with a webhook
(LEERWIJZER_TELEGRAM_MODE=webhook, see webhook.py). Either way it is one more
channel of ``POST /api/chat``, like the web widget.

Choices:

- Sender id: "tg-" + HMAC-SHA256(secret, chat id), 32 hex characters. The
  gateway shows a transcript to whoever knows the sender id, and chat ids are
  not secret.
- Edited messages are sent on as a new message: Rasa cannot change a turn it
  has answered, so the corrected text is read as the newest answer.
- Groups: the bot does not talk there. A command or a mention gets one short
  note to write privately; other group messages are ignored, never forwarded.
- Buttons: payloads can be longer than Telegram's 64 bytes of callback_data,
  so buttons carry a random token and the payload stays in memory, per chat
  (buttons.py). After a restart or /vergeet an old button asks to type instead.
- Bot API failures: 429 waits retry_after, 5xx and network errors back off
  exponentially, a few tries (retry.py); 400s are not retried.
- Updates of different chats are handled side by side, one chat's in order
  (ordering.py).
- Logs hold error types and places, never message text, chat ids or names;
  the bot token is masked in httpx's request logs.
"""
