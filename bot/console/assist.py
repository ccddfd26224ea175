"""Assisted sessions: start one, open it on the client's phone, edit facts, ask "what if"."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from advice.fields import load_knowledge
from advice.offers import CatalogueOffers
from advice.planner import plan_paths
from advice.profile import Profile
from advice.schemas import TrainingPath
from bot.console.clock import as_utc, utc_now
from bot.console.models import Account, AssistedSession, Handoff, Note
from dialogue.state import SLOT, DialogueState, state_of_slots
from funding.dates import today_in_nl

CODE_LIFETIME = dt.timedelta(minutes=15)
# No 0/O or 1/I/L: the code is read aloud and typed on a phone.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# What a counsellor may correct; the rest the intake derives itself.
EDITABLE = (
    "goal", "current_occupation", "current_sector", "target_occupation", "target_sector",
    "target_topic", "years_experience", "education", "location", "hours_per_week",
    "learning_mode", "budget_eur", "payer", "age",
)  # fmt: skip


class ProfileEditError(ValueError):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("invalid profile")
        self.errors = errors


def start_session(session: Session, *, account: Account) -> AssistedSession:
    """A new conversation owned by the counsellor's organisation, with a phone code."""
    now = utc_now()
    assisted = AssistedSession(
        sender_id=f"web-{uuid.uuid4()}",
        organisation_id=account.organisation_id,
        account_id=account.id,
        code=_new_code(session),
        code_expires_at=now + CODE_LIFETIME,
        created_at=now,
    )
    session.add(assisted)
    # A closed handoff records that the organisation owns the conversation; it
    # never enters the queue and keeps the bot talking.
    session.add(
        Handoff(
            ticket=f"LW-S{secrets.randbelow(900_000) + 100_000}",
            sender_id=assisted.sender_id,
            organisation_id=account.organisation_id,
            channel="console",
            reason="counsellor",
            status="closed",
            account_id=account.id,
            created_at=now,
            updated_at=now,
        )
    )
    session.flush()
    return assisted


def _new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
        if session.scalar(select(AssistedSession.id).where(AssistedSession.code == code)) is None:
            return code


def redeem_code(session: Session, *, code: str) -> str | None:
    """The conversation behind a phone code, once, while it is fresh."""
    assisted = session.scalar(
        select(AssistedSession).where(AssistedSession.code == code.strip().upper())
    )
    if assisted is None or assisted.code_expires_at is None:
        return None
    if as_utc(assisted.code_expires_at) < utc_now():
        return None
    assisted.code = None
    assisted.code_expires_at = None
    return assisted.sender_id


def edited_state(slots: Mapping[str, Any] | None, changes: dict[str, Any]) -> DialogueState:
    """The conversation's state with a counsellor's corrections, validated like the bot's own.

    Each corrected fact is marked as the counsellor's (source "counsellor").
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ProfileEditError(
            [{"loc": [name], "msg": "not editable", "type": "value_error"} for name in unknown]
        )
    state = state_of_slots(dict(slots or {}))
    cleaned = {k: (None if v == "" else v) for k, v in changes.items()}
    try:
        checked = Profile.model_validate({**state.profile().model_dump(), **cleaned})
    except ValidationError as error:
        raise ProfileEditError(
            [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()]
        ) from error
    for name in cleaned:
        value = getattr(checked, name)
        said = None if value is None else str(value)
        state.learn(name, value, said=said, source="counsellor")
    return state


def state_events(state: DialogueState) -> list[dict[str, Any]]:
    """The Rasa slot event that puts the corrected state back into the conversation."""
    return [{"event": "slot", "name": SLOT, "value": state.dump()}]


def what_if_paths(
    catalogue: Session, *, slots: Mapping[str, Any] | None, changes: dict[str, Any]
) -> list[TrainingPath]:
    """Paths for the profile with changed facts; nothing is saved."""
    state = edited_state(slots, changes)
    return plan_paths(
        state.profile(),
        knowledge=load_knowledge(),
        finder=CatalogueOffers(catalogue),
        today=today_in_nl(),
    )


def add_note(session: Session, *, sender_id: str, account: Account, text: str) -> Note:
    note = Note(sender_id=sender_id, account_id=account.id, text=text.strip(), at=utc_now())
    session.add(note)
    session.flush()
    return note


def notes_of(session: Session, *, sender_id: str) -> list[Note]:
    return list(session.scalars(select(Note).where(Note.sender_id == sender_id).order_by(Note.at)))
