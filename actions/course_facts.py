"""Funding facts that follow from the course a person chose (no need to ask them)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions.catalogue_access import catalogue_sessions
from catalogue.schemas import CourseCard
from catalogue.search import get_course

_STAP_KIND = {
    "diploma": "mbo_diploma",
    "certificaat": "mbo_certificaat",
    "keuzedeel": "keuzedeel",
}


def chosen_course_id(tracker: Tracker) -> int | None:
    """A channel sends the course in the message metadata ({"course_id": 123})."""
    metadata = tracker.latest_message.get("metadata") or {}
    value: Any = metadata.get("course_id") if isinstance(metadata, dict) else None
    if value is None:
        value = tracker.get_slot("chosen_course")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def facts_from_course(card: CourseCard) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "course_in_register": card.in_stap_register,
        # Every offering in this catalogue is given in the Netherlands.
        "course_abroad": False,
    }
    if card.price_eur is not None:
        facts["course_price_eur"] = card.price_eur
    if card.kind in _STAP_KIND:
        facts["course_kind"] = _STAP_KIND[card.kind]
    if card.start_dates:
        facts["course_start_date"] = card.start_dates[0].isoformat()
    # Only an unambiguous route says which loan rules apply.
    if card.kind == "diploma" and card.learning_modes == ["bbl"]:
        facts["programme_kind"] = "mbo_bbl"
    elif card.kind == "diploma" and card.learning_modes == ["bol"]:
        facts["programme_kind"] = "mbo_bol_fulltime"
    return facts


def course_facts(tracker: Tracker) -> tuple[int | None, dict[str, Any]]:
    course_id = chosen_course_id(tracker)
    if course_id is None:
        return None, {}
    try:
        with catalogue_sessions()() as session:
            card = get_course(session, course_id=course_id)
    except SQLAlchemyError:
        return None, {}
    if card is None:
        return None, {}
    return course_id, facts_from_course(card)
