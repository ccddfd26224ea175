"""Telegram updates as the Bot API sends them (JSON dicts), for tests."""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.telegram.fake_bot_api import BOT_USER

_ids = itertools.count(1)


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Fatima", "language_code": "nl"}


def private_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Fatima"}


def message(chat_id: int, *, chat_type: str = "private", **fields: Any) -> dict[str, Any]:
    chat = (
        private_chat(chat_id)
        if chat_type == "private"
        else {"id": chat_id, "type": chat_type, "title": "Klas 3B"}
    )
    return {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": chat,
        "from": user(abs(chat_id) if chat_type == "private" else 777),
        **fields,
    }


def _commands(text: str) -> list[dict[str, Any]]:
    if not text.startswith("/"):
        return []
    word = text.split()[0]
    return [{"type": "bot_command", "offset": 0, "length": len(word)}]


def text(chat_id: int, body: str, *, chat_type: str = "private") -> dict[str, Any]:
    fields: dict[str, Any] = {"text": body}
    entities = _commands(body)
    if entities:
        fields["entities"] = entities
    return {"update_id": next(_ids), "message": message(chat_id, chat_type=chat_type, **fields)}


def mention(chat_id: int, username: str, rest: str) -> dict[str, Any]:
    body = f"@{username} {rest}"
    entity = {"type": "mention", "offset": 0, "length": len(username) + 1}
    update = text(chat_id, body, chat_type="group")
    update["message"]["entities"] = [entity]
    return update


def edited(chat_id: int, body: str) -> dict[str, Any]:
    edited_message = message(chat_id, text=body, edit_date=int(time.time()))
    return {"update_id": next(_ids), "edited_message": edited_message}


def callback(chat_id: int, data: str) -> dict[str, Any]:
    shown = message(chat_id, text="Een vraag")
    shown["from"] = BOT_USER
    return {
        "update_id": next(_ids),
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(chat_id),
            "chat_instance": "ci-1",
            "message": shown,
            "data": data,
        },
    }


def _file(file_id: str, **extra: Any) -> dict[str, Any]:
    return {"file_id": file_id, "file_unique_id": f"u-{file_id}", **extra}


# One update per kind of message without text, with the Dutch noun the reply names.
MEDIA: dict[str, tuple[dict[str, Any], str]] = {
    "photo": ({"photo": [_file("p1", width=90, height=90)]}, "foto"),
    "voice": ({"voice": _file("v1", duration=3)}, "spraakbericht"),
    "sticker": (
        {
            "sticker": _file(
                "s1", type="regular", width=512, height=512, is_animated=False, is_video=False
            )
        },
        "sticker",
    ),
    "document": ({"document": _file("d1", file_name="cv.pdf")}, "bestand"),
    "location": ({"location": {"latitude": 52.09, "longitude": 5.12}}, "plaats"),
    "video": ({"video": _file("vi1", width=640, height=480, duration=5)}, "video"),
    "audio": ({"audio": _file("a1", duration=60)}, "geluid"),
    "contact": ({"contact": {"phone_number": "+31600000000", "first_name": "Piet"}}, "contact"),
}


def media(chat_id: int, kind: str) -> dict[str, Any]:
    fields, _ = MEDIA[kind]
    return {"update_id": next(_ids), "message": message(chat_id, **fields)}
