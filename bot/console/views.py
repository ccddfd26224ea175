"""What the console shows of a conversation, built from Rasa's tracker and the app data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.assist import notes_of
from bot.console.clock import as_utc
from bot.console.models import Handoff
from bot.console.takeover import as_transcript_entry, console_messages
from bot.conversations.transcript import merged, transcript_from_events
from dialogue.state import state_of_slots


def latest_handoff(session: Session, *, sender_id: str) -> Handoff | None:
    return session.scalar(
        select(Handoff).where(Handoff.sender_id == sender_id).order_by(Handoff.id.desc())
    )


def handoff_summary(handoff: Handoff) -> dict[str, Any]:
    return {
        "ticket": handoff.ticket,
        "sender_id": handoff.sender_id,
        "status": handoff.status,
        "reason": handoff.reason,
        "channel": handoff.channel,
        "counsellor": handoff.account.name if handoff.account else None,
        "created_at": as_utc(handoff.created_at).isoformat(),
        "contact": handoff.contact,
    }


def conversation_view(
    session: Session, *, sender_id: str, tracker: dict[str, Any], handoff: Handoff
) -> dict[str, Any]:
    events = tracker.get("events") or []
    transcript = merged(
        transcript_from_events(events, with_nlu=True),
        [as_transcript_entry(m) for m in console_messages(session, sender_id=sender_id)],
    )
    state = state_of_slots(tracker.get("slots"))
    customs = [m.custom for m in transcript if m.custom]
    return {
        "handoff": handoff_summary(handoff),
        "transcript": [m.model_dump(exclude_none=True) for m in transcript],
        "profile": {
            # What the bot knows, in the person's words, and where each fact came from.
            "slots": {name: state.said(name) for name in state.facts},
            "sources": {name: fact.source for name, fact in state.facts.items()},
            "advice": state.profile().model_dump(),
        },
        "funding": [c["result"] for c in customs if c.get("type") == "eligibility"],
        "paths": [c for c in customs if c.get("type") == "path"],
        "notes": [
            {
                "text": n.text,
                "by": n.account.name if n.account else None,
                "at": as_utc(n.at).isoformat(),
            }
            for n in notes_of(session, sender_id=sender_id)
        ],
    }
