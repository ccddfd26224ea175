"""Course search in the conversation."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.advice import advance_intake
from actions.advice_state import waiting_fact
from actions.catalogue_access import catalogue_sessions
from actions.entities import latest_entities, slot_text
from catalogue.schemas import LEARNING_MODES, CourseQuery, CourseSearchResult
from catalogue.search import UnknownPlaceError, search_courses
from catalogue.sectors import CANONICAL_SECTORS

logger = logging.getLogger(__name__)

CARDS_SHOWN = 5
_LEVELS = {"entree": 1, "1": 1, "2": 2, "3": 3, "4": 4}


class ActionSearchCourses(Action):
    """Search the catalogue with what the user said now and before."""

    def name(self) -> str:
        return "action_search_courses"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if waiting_fact(tracker) is not None:
            # During the advice intake a "search" usually answers the question
            # ("ik wil iets in de zorg"): the intake reads it.
            return advance_intake(dispatcher, tracker)
        now = latest_entities(tracker)
        sector = now.get("sector") or slot_text(tracker, "sector")
        topic = now.get("topic") or now.get("occupation")
        if topic is None and sector is None:
            topic = slot_text(tracker, "topic") or slot_text(tracker, "occupation")
        place = now.get("location") or slot_text(tracker, "location")
        mode = now.get("learning_mode") or slot_text(tracker, "learning_mode")
        # A level in this very message is the level wanted; an earlier one is the user's own.
        level = _LEVELS.get(now.get("education_level", ""))

        if sector is None and topic is None:
            # Nothing to search for ("ik wil beginnen met een opleiding"): the
            # advice intake finds out what fits, starting with the goal.
            return advance_intake(dispatcher, tracker, start=True)
        if sector is not None and sector not in CANONICAL_SECTORS:
            # An unfamiliar sector word still works as search text.
            topic, sector = " ".join(filter(None, [topic, sector])), None

        try:
            with catalogue_sessions()() as session:
                place_known = True
                query = CourseQuery(
                    q=topic,
                    sector=sector,
                    level=level,
                    mode=mode if mode in LEARNING_MODES else None,
                    place=place,
                    limit=CARDS_SHOWN,
                )
                try:
                    result = search_courses(session, query=query)
                except UnknownPlaceError:
                    place_known = False
                    query = query.model_copy(update={"place": None})
                    result = search_courses(session, query=query)
                if not result.total and topic and sector and "sector" not in now:
                    # A new subject ("warmtepompen") after talking about another
                    # field: the field remembered from before must not hide it.
                    sector = None
                    result = search_courses(
                        session, query=query.model_copy(update={"sector": None})
                    )
        except SQLAlchemyError:
            logger.exception("catalogue unavailable")
            dispatcher.utter_message(
                text="Sorry, ik kan de opleidingen nu niet doorzoeken. Probeer het later opnieuw."
            )
            return []

        if not place_known:
            dispatcher.utter_message(
                text=f"De plaats '{place}' ken ik niet. Ik zoek daarom in heel Nederland."
            )
        dispatcher.utter_message(
            text=_summary(result, sector=sector, topic=topic, place=place if place_known else None)
        )
        if result.items:
            dispatcher.utter_message(json_message=_course_list_payload(result))
        return []


def _summary(
    result: CourseSearchResult, *, sector: str | None, topic: str | None, place: str | None
) -> str:
    about = " en ".join(
        filter(None, [f"'{topic}'" if topic else None, f"de {sector}" if sector else None])
    )
    where = f" bij {place.title()}" if place else ""
    if result.total == 0:
        return (
            f"Ik vond geen opleidingen over {about}{where}. "
            "Probeer een ander woord of een andere plaats."
        )
    if result.total == 1:
        return f"Ik vond 1 opleiding over {about}{where}:"
    shown = min(result.total, CARDS_SHOWN)
    return f"Ik vond {result.total} opleidingen over {about}{where}. Dit zijn de eerste {shown}:"


def _course_list_payload(result: CourseSearchResult) -> dict[str, Any]:
    return {
        "type": "course_list",
        "courses": [card.model_dump(mode="json") for card in result.items],
        "total": result.total,
    }
