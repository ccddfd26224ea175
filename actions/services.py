"""The dialogue's services for real: the catalogue, the planner and the handoff queue."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from actions.app_access import app_sessions
from actions.catalogue_access import catalogue_sessions
from advice.fields import load_knowledge
from advice.offers import CatalogueOffers
from advice.planner import plan_paths
from advice.profile import Profile
from advice.schemas import TrainingPath
from bot.console.handoff import Reason
from bot.console.handoff_messages import NO_ORGANISATION, handoff_messages
from bot.console.office_hours import OfficeHours
from catalogue.models import PlaceAlias
from catalogue.places import normalise_place_name
from catalogue.schemas import CourseCard, CourseQuery
from catalogue.search import UnknownPlaceError, get_course, search_courses
from core.settings import get_settings
from dialogue.services import CatalogueUnavailableError, Found
from funding.dates import today_in_nl

logger = logging.getLogger(__name__)


class ProductServices:
    """One per turn: the sender and channel the handoff needs come with it."""

    def __init__(
        self,
        *,
        sender_id: str,
        metadata: dict[str, Any],
        catalogue: sessionmaker[Session] | None = None,
        app: sessionmaker[Session] | None = None,
    ) -> None:
        self._sender_id = sender_id
        self._metadata = metadata
        self._catalogue = catalogue or catalogue_sessions()
        self._app = app

    def search(self, query: CourseQuery) -> Found:
        try:
            with self._catalogue() as session:
                try:
                    return Found(search_courses(session, query=query))
                except UnknownPlaceError:
                    without = query.model_copy(update={"place": None})
                    return Found(search_courses(session, query=without), place_known=False)
        except SQLAlchemyError as error:
            logger.exception("catalogue unavailable")
            raise CatalogueUnavailableError from error

    def place_known(self, place: str) -> bool:
        try:
            with self._catalogue() as session:
                return session.get(PlaceAlias, normalise_place_name(place)) is not None
        except SQLAlchemyError:
            return False

    def plan(self, profile: Profile) -> list[TrainingPath]:
        try:
            with self._catalogue() as session:
                return plan_paths(
                    profile,
                    knowledge=load_knowledge(),
                    finder=CatalogueOffers(session),
                    today=today_in_nl(),
                )
        except SQLAlchemyError as error:
            logger.exception("catalogue unavailable while planning")
            raise CatalogueUnavailableError from error

    def course(self, course_id: int) -> CourseCard | None:
        try:
            with self._catalogue() as session:
                return get_course(session, course_id=course_id)
        except (SQLAlchemyError, OverflowError):
            return None

    def hand_over(self, *, reason: str, place: str | None) -> list[dict[str, Any]]:
        channel = str(self._metadata.get("channel") or "widget")
        hint = self._metadata.get("organisation")
        reason_value: Reason = "fallback" if reason == "fallback" else "request_human"
        try:
            with (self._app or app_sessions())() as session, session.begin():
                messages = handoff_messages(
                    session,
                    sender_id=self._sender_id,
                    channel=channel,
                    reason=reason_value,
                    hint=hint if isinstance(hint, str) else None,
                    region=self._region(place),
                    hours=OfficeHours.parse(get_settings().office_hours),
                )
        except SQLAlchemyError:
            logger.exception("handoff queue unavailable")
            messages = [{"text": NO_ORGANISATION}]
        return [
            {"text": m.get("text"), **({"json_message": m["custom"]} if m.get("custom") else {})}
            for m in messages
        ]

    def _region(self, place: str | None) -> str | None:
        if not place:
            return None
        try:
            with self._catalogue() as session:
                alias = session.get(PlaceAlias, normalise_place_name(place))
                return alias.place.region if alias is not None else None
        except SQLAlchemyError:
            return None
