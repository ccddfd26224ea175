"""One turn's output: the replies, in the order the channel shows them, and the new state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogue.state import DialogueState
from dialogue.texts import text

# What the gateway erases the conversation on (bot/conversations/forget.py keeps the same).
ERASE_REQUEST = {"type": "erase_request"}


@dataclass
class Turn:
    state: DialogueState
    replies: list[dict[str, Any]] = field(default_factory=list)

    def say(self, key: str, *, buttons: Any = (), **values: Any) -> None:
        self.write(text(key, **values), buttons=buttons)

    def write(self, words: str, *, buttons: Any = ()) -> None:
        reply: dict[str, Any] = {"text": words}
        if buttons:
            reply["buttons"] = [dict(b) for b in buttons]
        self.replies.append(reply)

    def send(self, message: dict[str, Any]) -> None:
        self.replies.append(message)

    @property
    def texts(self) -> str:
        return " ".join(str(r.get("text") or "") for r in self.replies)
