"""POST /api/chat: the widget's and Telegram's messages (bot.conversations.turns takes the turn)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from bot.gateway.body import NO_BODY, read_json_body
from bot.gateway.deps import SettingsDep, TurnsDep
from bot.gateway.rasa_client import AssistantUnavailableError
from bot.gateway.schemas import ChatRequest, ChatResponse

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

UNAVAILABLE_DETAIL = (
    "Sorry, de assistent is nu even niet bereikbaar. Probeer het over een paar minuten opnieuw."
)
# A chat message is small; anything much larger is not a chat message.
MAX_BODY_BYTES = 64 * 1024


async def read_chat_request(raw: Request) -> ChatRequest:
    """The chat request from a JSON body (see bot.gateway.body for why any Content-Type)."""
    data = await read_json_body(raw, max_bytes=MAX_BODY_BYTES)
    if data is NO_BODY:
        data = None
    try:
        return ChatRequest.model_validate(data)
    except ValidationError as error:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in error.errors()]
        raise RequestValidationError(errors) from error


@router.post(
    "/chat",
    response_model=ChatResponse,
    response_model_exclude_none=True,
    responses={422: {"description": "Bad input"}, 503: {"description": "Assistant down"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ChatRequest.model_json_schema()}},
        }
    },
)
async def chat(http_request: Request, settings: SettingsDep, turns: TurnsDep) -> ChatResponse:
    request = await read_chat_request(http_request)
    text = request.message.strip()
    if not text:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "message is empty")
    if len(text) > settings.max_message_chars:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"message is longer than {settings.max_message_chars} characters",
        )
    try:
        messages = await turns.take_turn(
            sender_id=request.sender_id, text=text, metadata=request.metadata
        )
    except AssistantUnavailableError as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    return ChatResponse(sender_id=request.sender_id, messages=messages)
