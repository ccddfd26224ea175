"""POST /api/chat: every channel's messages go through here."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from bot.console.delivery import remember_telegram_chat
from bot.console.handoff import has_active_handoff
from bot.console.takeover import intercept_turn
from bot.conversations.forget import ERASE_REQUEST, ERASED, forget_conversation
from bot.conversations.live import QUEUE_TOPIC, console_topic
from bot.gateway.body import NO_BODY, read_json_body
from bot.gateway.deps import LiveDep, LocksDep, RasaDep, SettingsDep
from bot.gateway.rasa_client import AssistantUnavailableError
from bot.gateway.schemas import ChatRequest, ChatResponse, Message
from catalogue.db import read_once_more_on_a_cut

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

UNAVAILABLE_DETAIL = (
    "Sorry, de assistent is nu even niet bereikbaar. Probeer het over een paar minuten opnieuw."
)


# Metadata the Telegram adapter adds so counsellors can reply; kept from Rasa.
TELEGRAM_CHAT_ID = "telegram_chat_id"
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
async def chat(
    http_request: Request, rasa: RasaDep, settings: SettingsDep, locks: LocksDep, live: LiveDep
) -> ChatResponse:
    request = await read_chat_request(http_request)
    text = request.message.strip()
    if not text:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "message is empty")
    if len(text) > settings.max_message_chars:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"message is longer than {settings.max_message_chars} characters",
        )
    sender = request.sender_id
    try:
        # Turns of one conversation go to Rasa one after the other, in order.
        async with locks.hold(sender):
            metadata = dict(request.metadata)
            chat_id = metadata.pop(TELEGRAM_CHAT_ID, None)
            replies = _app_data_turn(http_request, sender_id=sender, text=text, chat_id=chat_id)
            if replies is None:
                replies = await rasa.send_message(sender_id=sender, message=text, metadata=metadata)
                if any(r.get("custom") == ERASE_REQUEST for r in replies):
                    # Confirmed forget_me: Rasa has saved the turn, now nothing remains.
                    forget_conversation(
                        tracker_engine=http_request.app.state.tracker_engine,
                        app_sessions=http_request.app.state.console_sessions,
                        sender_id=sender,
                    )
                    replies = [{"text": ERASED, "custom": {"type": "erased"}}]
    except AssistantUnavailableError as error:
        # Which dependency failed is logged; the message itself is not.
        logger.warning("assistant unavailable: %s", error)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    try:
        messages = [_message(item) for item in replies]
    except ValidationError as error:
        # A reply outside the contract is a bug in a response or an action. The
        # person gets the apology, not a 500; the log names the fields, not the text.
        logger.error("rasa reply outside the contract: %s", [e["loc"] for e in error.errors()])
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    # A counsellor watching this conversation sees the turn; the queue may have changed.
    live.publish(console_topic(sender), {"type": "turn"})
    live.publish(QUEUE_TOPIC, {"type": "queue"})
    return ChatResponse(sender_id=sender, messages=messages)


def _message(item: dict[str, Any]) -> Message:
    return Message.model_validate({k: v for k, v in item.items() if k != "recipient_id"})


def _app_data_turn(
    request: Request, *, sender_id: str, text: str, chat_id: object
) -> list[dict[str, Any]] | None:
    """The reply without Rasa while a counsellor has the conversation, else None.

    Also remembers a Telegram chat for the counsellor's replies. Its own short
    transaction: holding one open while Rasa runs would block the action
    server's writes to the same SQLite file. Most turns have no handoff and no
    chat to remember: one prepared query answers those.
    """
    factory: sessionmaker[Session] = request.app.state.console_sessions
    if chat_id is None:
        reader = request.app.state.handoff_reader
        if not read_once_more_on_a_cut(reader, partial(has_active_handoff, sender_id=sender_id)):
            return None
    with factory() as session, session.begin():
        if chat_id is not None:
            remember_telegram_chat(
                session, settings=request.app.state.settings, sender_id=sender_id, chat_id=chat_id
            )
        return intercept_turn(session, sender_id=sender_id, text=text)
