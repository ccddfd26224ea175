"""A conversation's transcript (for reloads) and its erasure (the user's right to be forgotten)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response, status

from bot.conversations.erasure import erase_conversation
from bot.conversations.transcript import Transcript, transcript_from_events
from bot.gateway.deps import LocksDep, RasaDep, TrackerEngineDep
from bot.gateway.rasa_client import AssistantUnavailableError
from bot.gateway.routes.chat import UNAVAILABLE_DETAIL
from bot.gateway.schemas import SENDER_ID_PATTERN

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/conversations", tags=["conversations"])

SenderPath = Annotated[
    str, Path(min_length=1, max_length=128, pattern=SENDER_ID_PATTERN, description="sender_id")
]


@router.get(
    "/{sender_id}/messages",
    response_model=Transcript,
    response_model_exclude_none=True,
    responses={503: {"description": "Assistant down"}},
)
async def read_transcript(sender_id: SenderPath, rasa: RasaDep) -> Transcript:
    """The conversation since its last restart; unknown senders have an empty one."""
    try:
        events = await rasa.tracker_events(sender_id=sender_id)
    except AssistantUnavailableError as error:
        logger.warning("transcript unavailable: %s", error)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    return Transcript(sender_id=sender_id, messages=transcript_from_events(events))


@router.delete("/{sender_id}", status_code=status.HTTP_204_NO_CONTENT)
async def erase(sender_id: SenderPath, engine: TrackerEngineDep, locks: LocksDep) -> Response:
    """Delete everything Rasa stored of the conversation; idempotent."""
    # Waits for a turn in flight, so Rasa cannot write the events back after us.
    async with locks.hold(sender_id):
        erased = erase_conversation(engine, sender_id=sender_id)
    logger.info("conversation erased (%d events)", erased)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
