"""The handoff queue: a conversation waits for a counsellor, is taken over, and handed back.

Counsellors of one organisation see only its queue. While a counsellor has a
conversation ("assigned"), the gateway keeps the bot silent.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Literal

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from bot.console.accounts import audit
from bot.console.clock import utc_now
from bot.console.models import Account, Handoff, Organisation

ACTIVE = ("queued", "assigned")
Reason = Literal["request_human", "fallback", "counsellor"]


class HandoffError(ValueError):
    """A takeover or handback that is not possible (already taken, not yours)."""


# Built once: the gateway asks this on every turn, and building the select
# costs twice as much as running it (73 vs 39 us on SQLite).
_ACTIVE_HANDOFF_ID = (
    select(Handoff.id)
    .where(Handoff.sender_id == bindparam("sender_id"), Handoff.status.in_(ACTIVE))
    .limit(1)
)


def has_active_handoff(connection: Connection, *, sender_id: str) -> bool:
    """Whether a counsellor has, or is asked for, the conversation (the cheap check)."""
    return connection.execute(_ACTIVE_HANDOFF_ID, {"sender_id": sender_id}).first() is not None


def active_handoff(session: Session, *, sender_id: str) -> Handoff | None:
    return session.scalar(
        select(Handoff)
        .where(Handoff.sender_id == sender_id, Handoff.status.in_(ACTIVE))
        .order_by(Handoff.id.desc())
    )


def route_organisation(
    session: Session, *, hint: str | None, region: str | None
) -> Organisation | None:
    """The widget's organisation, else the one serving the person's region, else the first."""
    organisations = list(session.scalars(select(Organisation).order_by(Organisation.id)))
    if hint:
        for organisation in organisations:
            if organisation.slug == hint:
                return organisation
    if region:
        wanted = region.strip().lower()
        for organisation in organisations:
            if wanted in (name.lower() for name in organisation.region_names):
                return organisation
    return organisations[0] if organisations else None


def _new_ticket(session: Session) -> str:
    while True:
        ticket = f"LW-{secrets.randbelow(900_000) + 100_000}"
        if session.scalar(select(Handoff.id).where(Handoff.ticket == ticket)) is None:
            return ticket


def open_handoff(
    session: Session,
    *,
    sender_id: str,
    organisation: Organisation,
    channel: str,
    reason: Reason,
    contact_requested: bool = False,
    now: dt.datetime | None = None,
) -> tuple[Handoff, bool]:
    """The conversation's active handoff, made if there is none; True when it is new."""
    existing = active_handoff(session, sender_id=sender_id)
    if existing is not None:
        return existing, False
    moment = now or utc_now()
    handoff = Handoff(
        ticket=_new_ticket(session),
        sender_id=sender_id,
        organisation_id=organisation.id,
        channel=channel,
        reason=reason,
        status="queued",
        created_at=moment,
        updated_at=moment,
        contact_requested=contact_requested,
    )
    session.add(handoff)
    session.flush()
    return handoff, True


def queue(session: Session, *, organisation_id: int) -> list[Handoff]:
    return list(
        session.scalars(
            select(Handoff)
            .where(Handoff.organisation_id == organisation_id, Handoff.status.in_(ACTIVE))
            .order_by(Handoff.created_at)
        )
    )


def take_over(
    session: Session, *, handoff: Handoff, account: Account, now: dt.datetime | None = None
) -> None:
    if handoff.organisation_id != account.organisation_id:
        raise HandoffError("not your organisation")
    if handoff.status == "closed":
        raise HandoffError("this conversation was handed back")
    if handoff.status == "assigned" and handoff.account_id != account.id:
        raise HandoffError("a colleague has this conversation")
    handoff.status = "assigned"
    handoff.account_id = account.id
    handoff.updated_at = now or utc_now()
    audit(session, account=account, action="take_over", sender_id=handoff.sender_id)


def hand_back(
    session: Session, *, handoff: Handoff, account: Account, now: dt.datetime | None = None
) -> None:
    if handoff.organisation_id != account.organisation_id:
        raise HandoffError("not your organisation")
    handoff.status = "closed"
    handoff.updated_at = now or utc_now()
    audit(session, account=account, action="hand_back", sender_id=handoff.sender_id)


def save_contact(session: Session, *, handoff: Handoff, contact: str) -> None:
    """Kept with the person's consent: they typed it after being told what it is for."""
    handoff.contact = contact.strip()[:254]
    handoff.contact_requested = False
    handoff.updated_at = utc_now()
