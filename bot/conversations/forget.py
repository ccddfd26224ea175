"""Erase one conversation everywhere it is kept: Rasa's tracker store and the app data."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.console.accounts import audit
from bot.console.erasure import erase_console_data
from bot.conversations.erasure import erase_conversation

# From action_forget_me to the gateway, which erases after the turn; channels never see it.
from dialogue.turn import ERASE_REQUEST

__all__ = ["ERASED", "ERASE_REQUEST", "forget_conversation"]
# Said instead of the bot's answer once the conversation is gone (B1).
ERASED = "Ik heb je gesprek gewist. Ik weet niets meer van wat je hier zei."


def forget_conversation(
    *, tracker_engine: Engine, app_sessions: sessionmaker[Session], sender_id: str
) -> int:
    """Delete it all; an audit entry without content records that it happened."""
    erased = erase_conversation(tracker_engine, sender_id=sender_id)
    with app_sessions() as session, session.begin():
        erased += erase_console_data(session, sender_id=sender_id)
        audit(session, account=None, action="erased", sender_id=sender_id)
    return erased
