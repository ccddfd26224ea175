"""Erase what the console keeps of one conversation; the audit log keeps only who opened it."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.console.models import AssistedSession, ChannelAddress, ConsoleMessage, Handoff, Note


def erase_console_data(session: Session, *, sender_id: str) -> int:
    """Delete taken-over messages, handoffs (with any contact), notes and sessions."""
    deleted = 0
    for model in (ConsoleMessage, Handoff, Note, AssistedSession, ChannelAddress):
        result = session.execute(delete(model).where(model.sender_id == sender_id))
        deleted += int(getattr(result, "rowcount", 0) or 0)
    return deleted
