"""What the person hears when the conversation goes to a counsellor (Dutch, B1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy.orm import Session

from bot.console.clock import utc_now
from bot.console.handoff import Reason, open_handoff, route_organisation
from bot.console.office_hours import OfficeHours, opening_phrase

NO_ORGANISATION = (
    "Een adviseur van het leerwerkloket in je regio helpt je graag, gratis. "
    "Zoek het loket bij jou in de buurt op lerenenwerken.nl."
)
FAILED_TWICE = (
    "Het lukt mij niet goed om je te helpen. Daarom vraag ik een adviseur om mee te kijken."
)
_PHONE = re.compile(r"(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){9}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def handoff_messages(
    session: Session,
    *,
    sender_id: str,
    channel: str,
    reason: Reason,
    hint: str | None,
    region: str | None,
    hours: OfficeHours,
    now: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """Queue the conversation and say what happens next and by when."""
    moment = now or utc_now()
    organisation = route_organisation(session, hint=hint, region=region)
    if organisation is None:
        return [{"text": NO_ORGANISATION}]
    is_open = hours.is_open(moment)
    handoff, new = open_handoff(
        session,
        sender_id=sender_id,
        organisation=organisation,
        channel=channel,
        reason=reason,
        contact_requested=not is_open,
        now=moment,
    )
    payload = {"type": "handoff", "status": handoff.status, "ticket": handoff.ticket}
    messages: list[dict[str, Any]] = []
    if reason == "fallback":
        messages.append({"text": FAILED_TWICE})
    if not new:
        text = f"Je vraag staat al klaar voor een adviseur. Je nummer is {handoff.ticket}."
        return [*messages, {"text": text, "custom": payload}]
    if is_open:
        text = (
            f"Ik geef je vraag door aan een adviseur van {organisation.name}. "
            "De adviseur antwoordt hier in de chat, meestal binnen een kwartier. "
            "Je kunt mij tot die tijd ook nog iets vragen."
        )
        return [*messages, {"text": text, "custom": payload}]
    opening = opening_phrase(hours.next_opening(moment), moment)
    text = (
        f"Ik geef je vraag door aan een adviseur van {organisation.name}. "
        f"Er is nu niemand. De adviseurs werken {hours.describe()}. "
        f"Je krijgt {opening} antwoord, hier in de chat."
    )
    ask = (
        "Wil je liever gebeld of gemaild worden? Typ dan je telefoonnummer of e-mailadres. "
        "We gebruiken het alleen om jou te helpen. Daarna wissen we het."
    )
    return [*messages, {"text": text, "custom": payload}, {"text": ask}]


def find_contact(message: str) -> str | None:
    """A phone number or e-mail address in the message, if there is one."""
    match = _EMAIL.search(message) or _PHONE.search(message)
    return match.group(0).strip() if match else None


CONTACT_SAVED = (
    "Dank je. Een adviseur neemt zo snel mogelijk contact met je op. "
    "Daarna wissen we je nummer of adres."
)
