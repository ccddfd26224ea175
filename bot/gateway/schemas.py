"""Request and response shapes of /api/chat (contracts.md section 2)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SENDER_ID_PATTERN = r"^[A-Za-z0-9_.:@-]+$"
SenderId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128, pattern=SENDER_ID_PATTERN),
]


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sender_id: SenderId
    # The upper bound is checked against settings in the route, so it can be configured.
    message: str
    metadata: dict[str, Any] = Field(default_factory=dict)


class Button(BaseModel):
    title: str
    payload: str


class Message(BaseModel):
    """Rasa's REST-channel message; structured results travel in ``custom``."""

    model_config = ConfigDict(extra="allow")

    text: str | None = None
    buttons: list[Button] | None = None
    image: str | None = None
    custom: dict[str, Any] | None = None


class ChatResponse(BaseModel):
    sender_id: str
    messages: list[Message]
