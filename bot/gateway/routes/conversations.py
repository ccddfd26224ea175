"""A conversation's transcript (for reloads) and its erasure (the user's right to be forgotten)."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from fastapi.responses import StreamingResponse

from bot.console.deps import ConsoleDb
from bot.console.takeover import as_transcript_entry, console_messages
from bot.conversations.forget import forget_conversation
from bot.conversations.live import QUEUE_TOPIC, chat_topic, console_topic
from bot.conversations.sse import sse_line, stream_topic
from bot.conversations.transcript import Transcript, merged, transcript_from_events
from bot.gateway.deps import LiveDep, LocksDep, RasaDep, TrackerEngineDep
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
async def read_transcript(sender_id: SenderPath, rasa: RasaDep, db: ConsoleDb) -> Transcript:
    """The conversation since its last restart; unknown senders have an empty one."""
    try:
        events = await rasa.tracker_events(sender_id=sender_id)
    except AssistantUnavailableError as error:
        logger.warning("transcript unavailable: %s", error)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL) from error
    taken_over = [as_transcript_entry(m) for m in console_messages(db, sender_id=sender_id)]
    return Transcript(
        sender_id=sender_id, messages=merged(transcript_from_events(events), taken_over)
    )


@router.get("/{sender_id}/stream", response_class=StreamingResponse)
async def stream(sender_id: SenderPath, request: Request, live: LiveDep) -> StreamingResponse:
    """Messages a counsellor sends into this conversation, as server-sent events."""

    async def render(event: dict[str, Any]) -> str:
        return sse_line(event)

    return StreamingResponse(
        stream_topic(request, live, chat_topic(sender_id), render=render),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.delete("/{sender_id}", status_code=status.HTTP_204_NO_CONTENT)
async def erase(
    sender_id: SenderPath,
    request: Request,
    engine: TrackerEngineDep,
    locks: LocksDep,
    live: LiveDep,
) -> Response:
    """Delete everything kept of the conversation (Rasa's events, handoffs); idempotent."""
    # Waits for a turn in flight, so Rasa cannot write the events back after us.
    async with locks.hold(sender_id):
        erased = forget_conversation(
            tracker_engine=engine,
            app_sessions=request.app.state.console_sessions,
            sender_id=sender_id,
        )
    logger.info("conversation erased (%d rows)", erased)
    live.publish(console_topic(sender_id), {"type": "erased"})
    live.publish(QUEUE_TOPIC, {"type": "queue"})
    return Response(status_code=status.HTTP_204_NO_CONTENT)
