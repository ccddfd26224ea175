"""Gateway messages -> Telegram replies: HTML text plus the buttons under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.telegram.cards import render_custom
from bot.telegram.markup import escape, link
from bot.telegram.texts import CHOOSE

# Inline keyboard rows: up to this many buttons whose titles together fit.
ROW_BUTTONS = 3
ROW_TITLE_CHARS = 30


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One gateway message as Telegram HTML; its buttons go under its last part."""

    html: str
    buttons: tuple[Button, ...] = ()


def render_messages(messages: list[dict[str, Any]]) -> list[Reply]:
    """Every gateway message that has something to show, in order."""
    replies: list[Reply] = []
    for message in messages:
        parts: list[str] = []
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            parts.append(escape(text.strip()))
        image = link(message.get("image"), "Afbeelding bekijken")
        if image:
            parts.append(image)
        custom = message.get("custom")
        if isinstance(custom, dict):
            card = render_custom(custom)
            if card:
                parts.append(card)
        buttons = _buttons(message.get("buttons"))
        if buttons and not parts:
            parts.append(escape(CHOOSE))
        if parts:
            replies.append(Reply(html="\n\n".join(parts), buttons=buttons))
    return replies


def _buttons(raw: object) -> tuple[Button, ...]:
    if not isinstance(raw, list):
        return ()
    found = []
    for item in raw:
        if isinstance(item, dict):
            title, payload = item.get("title"), item.get("payload")
            if isinstance(title, str) and isinstance(payload, str) and title and payload:
                found.append(Button(title=title, payload=payload))
    return tuple(found)


def keyboard_rows(buttons: tuple[Button, ...]) -> list[list[Button]]:
    """Short answers side by side, long ones on a row of their own."""
    rows: list[list[Button]] = []
    for button in buttons:
        row = rows[-1] if rows else None
        if (
            row is not None
            and len(row) < ROW_BUTTONS
            and sum(len(b.title) for b in row) + len(button.title) <= ROW_TITLE_CHARS
        ):
            row.append(button)
        else:
            rows.append([button])
    return rows
