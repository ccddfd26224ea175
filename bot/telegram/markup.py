"""Telegram HTML: escaping, safe links and splitting at the length limit."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Telegram's limit for one message (counted after entity parsing; we count the
# HTML source in UTF-16 units, which is never less).
MAX_CHARS = 4096

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z-]+)")


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def one_line(value: object) -> str:
    return " ".join(str(value).split())


def bold(value: object) -> str:
    # Tags never span lines, so the splitter may cut between any two lines.
    return f"<b>{escape(one_line(value))}</b>"


def safe_url(value: object) -> str | None:
    """The URL if it is a plain http(s) link, else None (no javascript:, no tg:)."""
    if not isinstance(value, str):
        return None
    candidate = value.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if (
        parts.scheme not in {"http", "https"}
        or not parts.netloc
        or any(c.isspace() for c in candidate)
    ):
        return None
    return candidate


def link(url: object, label: str) -> str | None:
    target = safe_url(url)
    if target is None:
        return None
    return f'<a href="{escape(target)}">{escape(one_line(label))}</a>'


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Parts of at most ``limit`` units, cut between lines.

    A line longer than the limit is cut between words; tags open at the cut
    are closed and opened again, so every part is valid HTML on its own.
    """
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in [line] if units(line) <= limit else _split_line(line, limit):
            if current and size + 1 + units(piece) > limit:
                chunks.append("\n".join(current))
                current = []
            size = units(piece) if not current else size + 1 + units(piece)
            current.append(piece)
    if current:
        chunks.append("\n".join(current))
    # Telegram refuses empty messages; blank lines at a cut are of no use.
    return [chunk.strip("\n") for chunk in chunks if chunk.strip()]


def _split_line(line: str, limit: int) -> list[str]:
    parts: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, opening tag)
    current = ""

    def reopened() -> str:
        return "".join(tag for _, tag in open_tags)

    def closers() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(open_tags))

    def has_content() -> bool:
        return current != reopened()

    def flush() -> None:
        nonlocal current
        parts.append(current + closers())
        current = reopened()

    for token in _TAG.split(line):
        if not token:
            continue
        if token.startswith("<"):
            match = _TAG_NAME.match(token)
            name = match.group(1).lower() if match else ""
            if token.startswith("</"):
                if open_tags and open_tags[-1][0] == name:
                    open_tags.pop()
                current += token
                continue
            needed = units(token) + units(closers()) + len(name) + 3
            if has_content() and units(current) + needed > limit:
                flush()
            current += token
            open_tags.append((name, token))
            continue
        rest = token
        while rest:
            room = limit - units(current) - units(closers())
            if units(rest) <= room:
                current += rest
                break
            cut, at_space = _cut_point(rest, room)
            if not at_space and has_content():
                # The word may fit whole at the start of the next part.
                flush()
                continue
            cut = max(cut, 1)
            current += rest[:cut]
            rest = rest[cut:].lstrip(" ") if at_space else rest[cut:]
            flush()
    if has_content():
        parts.append(current + closers())
    return parts


def _fit(text: str, room: int) -> int:
    """The longest prefix (in characters) that fits in ``room`` units."""
    cut = min(len(text), max(room, 0))
    while cut and units(text[:cut]) > room:
        cut -= 1
    return cut


def _cut_point(text: str, room: int) -> tuple[int, bool]:
    """Where to cut: the last space that fits, else as late as fits but never
    inside an HTML entity such as ``&amp;``."""
    cut = _fit(text, room)
    space = text.rfind(" ", 0, cut + 1)
    if space > 0:
        return space, True
    amp = text.rfind("&", max(0, cut - 10), cut)
    if amp > 0 and ";" not in text[amp:cut]:
        cut = amp
    return cut, False
