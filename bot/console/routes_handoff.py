"""The console's queue and conversations: take over, reply, hand back, live updates.

A counsellor only ever sees conversations that were handed to their own
organisation; anything else is a 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, StreamingResponse
from sqlalchemy import select

from bot.console.accounts import audit
from bot.console.deps import ApiLogin, ConsoleDb, PageLogin, csrf_checked
from bot.console.handoff import HandoffError, hand_back, queue, take_over
from bot.console.models import AssistedSession, Handoff, LoginSession
from bot.console.routes import TEMPLATES
from bot.console.takeover import add_counsellor_message, as_transcript_entry
from bot.console.views import conversation_view, handoff_summary, latest_handoff
from bot.conversations.live import QUEUE_TOPIC, console_topic
from bot.conversations.sse import sse_line, stream_topic
from bot.gateway.deps import DeliveryDep, LiveDep, RasaDep
from bot.gateway.rasa_client import AssistantUnavailableError
from bot.gateway.schemas import SENDER_ID_PATTERN

router = APIRouter(prefix="/console", include_in_schema=False)
SenderPath = Annotated[str, Path(max_length=128, pattern=SENDER_ID_PATTERN)]
NOT_FOUND = "conversation not found"
HANDED_OVER = "Je praat nu met {name}, adviseur van {organisation}."
HANDED_BACK = "De adviseur is klaar. Je praat weer met Leerwijzer."


async def api_post(request: Request, login: ApiLogin) -> LoginSession:
    await csrf_checked(request, login)
    return login


ApiPost = Annotated[LoginSession, Depends(api_post)]


def own_handoff(db: ConsoleDb, login: LoginSession, sender_id: str) -> Handoff:
    handoff = latest_handoff(db, sender_id=sender_id)
    if handoff is None or handoff.organisation_id != login.account.organisation_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return handoff


RASA_DOWN = "Rasa is not reachable"


async def own_tracker(
    db: ConsoleDb, login: LoginSession, rasa: RasaDep, sender_id: str
) -> tuple[Handoff, dict[str, Any]]:
    """The organisation's conversation and Rasa's tracker of it; 404 or 503 otherwise."""
    handoff = own_handoff(db, login, sender_id)
    try:
        return handoff, await rasa.tracker(sender_id=sender_id)
    except AssistantUnavailableError as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, RASA_DOWN) from error


@router.get("/api/queue")
def read_queue(db: ConsoleDb, login: ApiLogin) -> dict[str, Any]:
    waiting = queue(db, organisation_id=login.account.organisation_id)
    return {"items": [handoff_summary(h) for h in waiting]}


@router.get("/api/stream", response_class=StreamingResponse)
async def queue_stream(request: Request, login: ApiLogin, live: LiveDep) -> StreamingResponse:
    """The organisation's queue, sent again whenever a turn or a handoff may have changed it."""
    organisation_id = login.account.organisation_id
    factory = request.app.state.console_sessions

    async def snapshot(_event: dict[str, Any] | None = None) -> str:
        with factory() as db:
            items = [handoff_summary(h) for h in queue(db, organisation_id=organisation_id)]
        return sse_line({"items": items}, event="queue")

    return StreamingResponse(
        stream_topic(request, live, QUEUE_TOPIC, render=snapshot, first=snapshot),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.get("/conversations/{sender_id}", response_class=HTMLResponse)
def conversation_page(
    request: Request, sender_id: SenderPath, db: ConsoleDb, login: PageLogin
) -> HTMLResponse:
    handoff = own_handoff(db, login, sender_id)
    audit(db, account=login.account, action="open_conversation", sender_id=sender_id)
    assisted = db.scalar(select(AssistedSession).where(AssistedSession.sender_id == sender_id))
    code = assisted.code if assisted is not None else None
    public_url = request.app.state.settings.public_url.rstrip("/")
    return TEMPLATES.TemplateResponse(
        request,
        "conversation.html",
        {
            "account": login.account,
            "csrf_token": login.csrf_token,
            "handoff": handoff,
            "assisted_code": code,
            "open_url": f"{public_url}/c/{code}" if code else None,
        },
    )


@router.get("/api/conversations/{sender_id}")
async def read_conversation(
    sender_id: SenderPath, db: ConsoleDb, login: ApiLogin, rasa: RasaDep
) -> dict[str, Any]:
    handoff, tracker = await own_tracker(db, login, rasa, sender_id)
    return conversation_view(db, sender_id=sender_id, tracker=tracker, handoff=handoff)


@router.get("/api/conversations/{sender_id}/stream", response_class=StreamingResponse)
async def conversation_stream(
    request: Request, sender_id: SenderPath, db: ConsoleDb, login: ApiLogin, live: LiveDep
) -> StreamingResponse:
    own_handoff(db, login, sender_id)

    async def render(event: dict[str, Any]) -> str:
        return sse_line(event, event="turn")

    return StreamingResponse(
        stream_topic(request, live, console_topic(sender_id), render=render),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _tell_the_person(
    db: ConsoleDb, delivery: DeliveryDep, live: LiveDep, sender_id: str, message: dict[str, Any]
) -> None:
    await delivery.to_person(db, sender_id=sender_id, message=message)
    live.publish(console_topic(sender_id), {"type": "turn"})
    live.publish(QUEUE_TOPIC, {"type": "queue"})


@router.post("/api/conversations/{sender_id}/take")
async def take(
    sender_id: SenderPath, db: ConsoleDb, login: ApiPost, live: LiveDep, delivery: DeliveryDep
) -> dict[str, Any]:
    handoff = own_handoff(db, login, sender_id)
    try:
        take_over(db, handoff=handoff, account=login.account)
    except HandoffError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    text = HANDED_OVER.format(name=login.account.name, organisation=login.account.organisation.name)
    message = add_counsellor_message(db, handoff=handoff, account=login.account, text=text)
    payload = {"type": "handoff", "status": "assigned", "ticket": handoff.ticket}
    await _tell_the_person(
        db, delivery, live, sender_id, {**as_transcript_entry(message), "custom": payload}
    )
    return handoff_summary(handoff)


@router.post("/api/conversations/{sender_id}/reply")
async def reply(
    sender_id: SenderPath,
    db: ConsoleDb,
    login: ApiPost,
    live: LiveDep,
    delivery: DeliveryDep,
    text: Annotated[str, Body(embed=True, min_length=1, max_length=2000)],
) -> dict[str, Any]:
    handoff = own_handoff(db, login, sender_id)
    if handoff.status != "assigned" or handoff.account_id != login.account.id:
        raise HTTPException(status.HTTP_409_CONFLICT, "take the conversation over first")
    if not text.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "text is empty")
    message = add_counsellor_message(db, handoff=handoff, account=login.account, text=text.strip())
    entry = as_transcript_entry(message)
    await _tell_the_person(db, delivery, live, sender_id, entry)
    return entry


@router.post("/api/conversations/{sender_id}/handback")
async def handback(
    sender_id: SenderPath, db: ConsoleDb, login: ApiPost, live: LiveDep, delivery: DeliveryDep
) -> dict[str, Any]:
    handoff = own_handoff(db, login, sender_id)
    if handoff.status == "closed":
        raise HTTPException(status.HTTP_409_CONFLICT, "already handed back")
    hand_back(db, handoff=handoff, account=login.account)
    message = add_counsellor_message(db, handoff=handoff, account=login.account, text=HANDED_BACK)
    await _tell_the_person(db, delivery, live, sender_id, as_transcript_entry(message))
    return handoff_summary(handoff)
