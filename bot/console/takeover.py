"""Turns while a counsellor has the conversation: the bot is silent, people talk to people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.clock import as_utc, utc_now
from bot.console.handoff import active_handoff, save_contact
from bot.console.handoff_messages import CONTACT_SAVED, find_contact
from bot.console.models import Account, ConsoleMessage, Handoff


def intercept_turn(
    session: Session, *, sender_id: str, text: str, now: dt.datetime | None = None
) -> list[dict[str, Any]] | None:
    """The answer when the bot must not answer; None when Rasa should handle the turn."""
    handoff = active_handoff(session, sender_id=sender_id)
    if handoff is None:
        return None
    if handoff.status == "assigned":
        session.add(
            ConsoleMessage(sender_id=sender_id, role="user", text=text, at=now or utc_now())
        )
        return []  # the counsellor answers, live
    if handoff.contact_requested:
        contact = find_contact(text)
        if contact is not None:
            # Kept on the handoff only, never in the bot's transcript.
            save_contact(session, handoff=handoff, contact=contact)
            return [{"text": CONTACT_SAVED}]
    return None


def add_counsellor_message(
    session: Session, *, handoff: Handoff, account: Account, text: str
) -> ConsoleMessage:
    message = ConsoleMessage(
        sender_id=handoff.sender_id,
        role="counsellor",
        text=text,
        account_id=account.id,
        at=utc_now(),
    )
    session.add(message)
    session.flush()
    return message


def console_messages(session: Session, *, sender_id: str) -> list[ConsoleMessage]:
    return list(
        session.scalars(
            select(ConsoleMessage)
            .where(ConsoleMessage.sender_id == sender_id)
            .order_by(ConsoleMessage.at, ConsoleMessage.id)
        )
    )


def as_transcript_entry(message: ConsoleMessage) -> dict[str, Any]:
    """The message as the widget and console render it (role, text, timestamp)."""
    return {
        "role": message.role,
        "text": message.text,
        "timestamp": as_utc(message.at).timestamp(),
    }
