"""The planner's questions to the catalogue: the nearest offering of a thing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import Offering
from catalogue.schemas import CourseCard
from catalogue.search import ResolvedPlace, load_cards, resolve_place, squared_km

# How many offerings are compared to pick one (nearest with the wanted mode).
_CANDIDATES = 40


class OfferFinder(Protocol):
    def place_known(self, place: str) -> bool: ...

    def by_crebo(
        self, crebo: str, *, kind: str, place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None: ...

    def by_title(
        self, title: str, *, place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None: ...

    def by_topic(
        self, topic: str, *, kinds: Sequence[str], place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None: ...


class CatalogueOffers:
    """OfferFinder on the catalogue database (SQLite or PostgreSQL)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # One plan asks for the same place for every step: look it up once.
        self._centres: dict[str, ResolvedPlace | None] = {}

    def _centre(self, place: str) -> ResolvedPlace | None:
        if place not in self._centres:
            self._centres[place] = resolve_place(self._session, name=place)
        return self._centres[place]

    def place_known(self, place: str) -> bool:
        return self._centre(place) is not None

    def by_crebo(
        self, crebo: str, *, kind: str, place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None:
        return self._nearest(
            [Offering.crebo == crebo, Offering.kind == kind], place=place, modes=modes
        )

    def by_title(
        self, title: str, *, place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None:
        return self._nearest([Offering.title == title], place=place, modes=modes)

    def by_topic(
        self, topic: str, *, kinds: Sequence[str], place: str | None, modes: Sequence[str] = ()
    ) -> CourseCard | None:
        words = f"%{topic.lower()}%"
        return self._nearest(
            [
                Offering.kind.in_(list(kinds)),
                Offering.title.ilike(words) | Offering.search_topics.ilike(words),
            ],
            place=place,
            modes=modes,
        )

    def _nearest(
        self, conditions: list[object], *, place: str | None, modes: Sequence[str]
    ) -> CourseCard | None:
        centre = self._centre(place) if place else None
        statement = select(Offering.id, Offering.learning_modes).where(*conditions)  # type: ignore[arg-type]
        if centre is not None:
            statement = statement.order_by(squared_km(centre))
        statement = statement.order_by(Offering.id).limit(_CANDIDATES)
        rows = self._session.execute(statement).all()
        if not rows:
            return None
        wanted = set(modes)
        # The nearest one taught the wanted way; else the nearest one.
        chosen = next(
            (row.id for row in rows if wanted & set(row.learning_modes.split(","))), rows[0].id
        )
        cards = load_cards(self._session, ids=[chosen], centre=centre)
        return cards[0] if cards else None
