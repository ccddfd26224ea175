"""POST /api/chat: every channel's messages go through here."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, status

from bot.gateway.deps import RasaDep, SettingsDep
from bot.gateway.rasa_client import AssistantUnavailableError
from bot.gateway.schemas import ChatRequest, ChatResponse, Message

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

UNAVAILABLE_DETAIL = (
    "Sorry, de assistent is nu even niet bereikbaar. Probeer het over een paar minuten opnieuw."
)


@router.post(
    "/chat",
    response_model=ChatResponse,
    response_model_exclude_none=True,
    responses={422: {"description": "Bad input"}, 503: {"description": "Assistant down"}},
)
async def chat(request: ChatRequest, rasa: RasaDep, settings: SettingsDep) -> ChatResponse:
    text = request.message.strip()
    if not text:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "message is empty")
    if len(text) > settings.max_message_chars:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"message is longer than {settings.max_message_chars} characters",
        )
    try:
        raw = await rasa.send_message(
            sender_id=request.sender_id, message=text, metadata=request.metadata
        )
    except AssistantUnavailableError as error:
        # Which dependency failed is logged; the message itself is not.
        logger.warning("assistant unavailable: %s", error)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    messages = [
        Message.model_validate({k: v for k, v in item.items() if k != "recipient_id"})
        for item in raw
        if isinstance(item, dict)
    ]
    return ChatResponse(sender_id=request.sender_id, messages=messages)
