"""Assisted sessions in the console: start, open on the phone, type for the client,
correct the profile, try "what if", notes, and the plan to take home."""

from __future__ import annotations

import io
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Body, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse

from bot.console.accounts import audit
from bot.console.assist import (
    ProfileEditError,
    add_note,
    edited_state,
    redeem_code,
    start_session,
    state_events,
    what_if_paths,
)
from bot.console.deps import ConsoleDb, PageLogin
from bot.console.models import AssistedSession
from bot.console.plan import build_plan
from bot.console.plan_pdf import plan_pdf
from bot.console.routes import TEMPLATES
from bot.console.routes_handoff import RASA_DOWN, ApiPost, SenderPath, own_handoff, own_tracker
from bot.console.views import conversation_view
from bot.conversations.live import console_topic
from bot.gateway.deps import LiveDep, LocksDep, RasaDep, SessionDep, SettingsDep, TurnsDep
from bot.gateway.rasa_client import AssistantUnavailableError

router = APIRouter(include_in_schema=False)
Changes = Annotated[dict[str, Any], Body(embed=True)]


def _unavailable() -> HTTPException:
    return HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, RASA_DOWN)


@router.post("/console/api/sessions")
def new_session(db: ConsoleDb, login: ApiPost, settings: SettingsDep) -> dict[str, Any]:
    assisted = start_session(db, account=login.account)
    audit(db, account=login.account, action="start_session", sender_id=assisted.sender_id)
    return {
        "sender_id": assisted.sender_id,
        "code": assisted.code,
        "open_url": f"{settings.public_url.rstrip('/')}/c/{assisted.code}",
    }


@router.get("/console/api/conversations/{sender_id}/qr.svg")
def qr_code(
    sender_id: SenderPath, db: ConsoleDb, login: PageLogin, settings: SettingsDep
) -> Response:
    own_handoff(db, login, sender_id)
    assisted = db.query(AssistedSession).filter_by(sender_id=sender_id).one_or_none()
    if assisted is None or assisted.code is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no open code")
    buffer = io.BytesIO()
    segno.make(f"{settings.public_url.rstrip('/')}/c/{assisted.code}").save(
        buffer, kind="svg", scale=6, title="Open het gesprek op je telefoon"
    )
    return Response(buffer.getvalue(), media_type="image/svg+xml")


@router.get("/c/{code}", response_class=HTMLResponse)
def open_on_phone(request: Request, code: str, db: ConsoleDb) -> HTMLResponse:
    """The client's phone joins the counsellor's conversation (once, within 15 minutes)."""
    sender_id = redeem_code(db, code=code[:12])
    return TEMPLATES.TemplateResponse(
        request,
        "open_on_phone.html",
        {"sender_id": sender_id},
        status_code=200 if sender_id else 404,
    )


@router.post("/console/api/conversations/{sender_id}/say")
async def say_for_client(
    sender_id: SenderPath,
    db: ConsoleDb,
    login: ApiPost,
    turns: TurnsDep,
    text: Annotated[str, Body(embed=True, min_length=1, max_length=2000)],
) -> dict[str, Any]:
    """The counsellor types what the client says; the bot answers as usual, the phone sees it."""
    own_handoff(db, login, sender_id)
    if not text.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "text is empty")
    try:
        messages = await turns.take_turn(
            sender_id=sender_id, text=text, metadata={"channel": "console"}, door="console"
        )
    except AssistantUnavailableError as error:
        raise _unavailable() from error
    return {"messages": [m.model_dump(exclude_none=True) for m in messages]}


@router.post("/console/api/conversations/{sender_id}/profile")
async def correct_profile(
    sender_id: SenderPath,
    db: ConsoleDb,
    login: ApiPost,
    rasa: RasaDep,
    locks: LocksDep,
    live: LiveDep,
    changes: Changes,
) -> dict[str, Any]:
    """Corrections go back into the conversation's slots: the bot uses them from now on."""
    own_handoff(db, login, sender_id)
    try:
        async with locks.hold(sender_id):
            tracker = await rasa.tracker(sender_id=sender_id)
            try:
                state = edited_state(tracker.get("slots"), changes)
            except ProfileEditError as error:
                raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, error.errors) from error
            await rasa.append_events(sender_id=sender_id, events=state_events(state))
    except AssistantUnavailableError as error:
        raise _unavailable() from error
    audit(db, account=login.account, action="edit_profile", sender_id=sender_id)
    live.publish(console_topic(sender_id), {"type": "turn"})
    return state.profile().model_dump()


@router.post("/console/api/conversations/{sender_id}/what-if")
async def what_if(
    sender_id: SenderPath,
    db: ConsoleDb,
    login: ApiPost,
    rasa: RasaDep,
    catalogue: SessionDep,
    changes: Changes,
) -> dict[str, Any]:
    """Paths for changed facts, shown to the counsellor only; nothing is saved."""
    _, tracker = await own_tracker(db, login, rasa, sender_id)
    try:
        paths = what_if_paths(catalogue, slots=tracker.get("slots"), changes=changes)
    except ProfileEditError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, error.errors) from error
    return {"paths": [p.payload() for p in paths]}


@router.post("/console/api/conversations/{sender_id}/notes")
def new_note(
    sender_id: SenderPath,
    db: ConsoleDb,
    login: ApiPost,
    live: LiveDep,
    text: Annotated[str, Body(embed=True, min_length=1, max_length=4000)],
) -> dict[str, Any]:
    own_handoff(db, login, sender_id)
    note = add_note(db, sender_id=sender_id, account=login.account, text=text)
    live.publish(console_topic(sender_id), {"type": "turn"})
    return {"id": note.id, "text": note.text}


async def _plan_for(sender_id: str, db: ConsoleDb, login: Any, rasa: RasaDep) -> Any:
    handoff, tracker = await own_tracker(db, login, rasa, sender_id)
    view = conversation_view(db, sender_id=sender_id, tracker=tracker, handoff=handoff)
    audit(db, account=login.account, action="plan", sender_id=sender_id)
    return build_plan(
        paths=view["paths"],
        funding=view["funding"],
        organisation=login.account.organisation.name,
        counsellor=login.account.name,
    )


@router.get("/console/conversations/{sender_id}/plan", response_class=HTMLResponse)
async def plan_page(
    request: Request, sender_id: SenderPath, db: ConsoleDb, login: PageLogin, rasa: RasaDep
) -> HTMLResponse:
    plan = await _plan_for(sender_id, db, login, rasa)
    return TEMPLATES.TemplateResponse(request, "plan.html", {"plan": plan, "sender_id": sender_id})


@router.get("/console/conversations/{sender_id}/plan.pdf")
async def plan_download(
    sender_id: SenderPath, db: ConsoleDb, login: PageLogin, rasa: RasaDep
) -> Response:
    plan = await _plan_for(sender_id, db, login, rasa)
    return Response(
        plan_pdf(plan),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="leerplan.pdf"'},
    )
