"""Course search over the catalogue: filters, relevance, distance."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal, or_, select
from sqlalchemy.orm import Session

from catalogue.models import (
    Offering,
    Place,
    PlaceAlias,
    Provider,
    Qualification,
    QualificationSector,
)
from catalogue.places import bounding_box, haversine_km, normalise_place_name
from catalogue.schemas import CourseCard, CourseQuery, CourseSearchResult

# Words that say "I am looking for a course" rather than what about.
_STOPWORDS = frozenset(
    [
        "ik",
        "wil",
        "zoek",
        "zoeken",
        "een",
        "de",
        "het",
        "in",
        "op",
        "bij",
        "van",
        "voor",
        "naar",
        "met",
        "en",
        "of",
        "als",
        "mbo",
        "opleiding",
        "opleidingen",
        "cursus",
        "cursussen",
        "training",
        "trainingen",
        "er",
        "iets",
        "over",
        "graag",
        "kan",
        "ik",
        "je",
        "mij",
        "me",
        "mijn",
        "is",
        "zijn",
        "wat",
        "welke",
    ]
)


class UnknownPlaceError(ValueError):
    """The place is neither a municipality, a town nor a labour-market region."""


@dataclass(frozen=True)
class _Candidate:
    id: int
    lat: float | None
    lon: float | None
    score: int


@dataclass(frozen=True)
class ResolvedPlace:
    name: str
    lat: float
    lon: float


def search_terms(text: str) -> list[str]:
    words = re.findall(r"[\w'-]+", normalise_place_name(text))
    return [word for word in words if word not in _STOPWORDS and len(word) > 1]


def resolve_place(session: Session, *, name: str) -> ResolvedPlace | None:
    alias = session.get(PlaceAlias, normalise_place_name(name))
    if alias is None or alias.lat is None or alias.lon is None:
        return None
    return ResolvedPlace(name=alias.place.name, lat=alias.lat, lon=alias.lon)


def _region_filter(session: Session, region: str) -> ColumnElement[bool]:
    """A labour-market region (name or AMxx code), else a province."""
    wanted = normalise_place_name(region)
    regions = session.execute(select(Place.region, Place.region_code).distinct()).all()
    for name, code in regions:
        if wanted in (normalise_place_name(name), code.lower()):
            return Place.region_code == code
    for (province,) in session.execute(select(Place.province).distinct()):
        if wanted == normalise_place_name(province):
            return Place.province == province
    raise UnknownPlaceError(region)


def search_courses(session: Session, *, query: CourseQuery) -> CourseSearchResult:
    statement = select(Offering.id, Place.lat, Place.lon, literal(0)).join(
        Place, Offering.place_id == Place.id
    )
    statement = statement.join(Provider, Offering.provider_id == Provider.id).outerjoin(
        Qualification, Offering.crebo == Qualification.crebo
    )
    if query.sector:
        in_sector = select(QualificationSector.crebo).where(
            QualificationSector.sector == query.sector
        )
        statement = statement.where(
            or_(Offering.sector == query.sector, Offering.crebo.in_(in_sector))
        )
    if query.level is not None:
        statement = statement.where(Offering.level == query.level)
    if query.kind:
        statement = statement.where(Offering.kind == query.kind)
    if query.mode:
        statement = statement.where(("," + Offering.learning_modes + ",").like(f"%,{query.mode},%"))
    if query.max_price is not None:
        # No course price (publicly funded BOL) fits any budget.
        statement = statement.where(
            or_(Offering.price_eur.is_(None), Offering.price_eur <= query.max_price)
        )
    if query.region:
        statement = statement.where(_region_filter(session, query.region))

    centre: ResolvedPlace | None = None
    if query.place:
        centre = resolve_place(session, name=query.place)
        if centre is None:
            # A region name ("Twente") is a place too, for people.
            statement = statement.where(_region_filter(session, query.place))
        else:
            min_lat, max_lat, min_lon, max_lon = bounding_box(
                centre.lat, centre.lon, query.radius_km
            )
            statement = statement.where(
                Place.lat.between(min_lat, max_lat), Place.lon.between(min_lon, max_lon)
            )

    terms = search_terms(query.q or "")
    if terms:
        haystack = func.lower(
            Offering.title
            + " "
            + func.coalesce(Qualification.dossier_name, "")
            + " "
            + func.coalesce(Qualification.subgroup, "")
            + " "
            + Offering.sector
            + " "
            + Provider.name
            + " "
            + Offering.town
        )
        title = func.lower(Offering.title)
        score: ColumnElement[int] = literal(0)
        for term in terms:
            statement = statement.where(haystack.like(f"%{term}%"))
            score = score + case((title.like(f"%{term}%"), 2), else_=1)
        statement = statement.with_only_columns(Offering.id, Place.lat, Place.lon, score)

    candidates = [
        _Candidate(id=row[0], lat=row[1], lon=row[2], score=int(row[3]))
        for row in session.execute(statement)
    ]
    distances: dict[int, float] = {}
    if centre is not None:
        for candidate in candidates:
            if candidate.lat is not None and candidate.lon is not None:
                distances[candidate.id] = haversine_km(
                    centre.lat, centre.lon, candidate.lat, candidate.lon
                )
        candidates = [c for c in candidates if distances.get(c.id, 1e9) <= query.radius_km]

    candidates.sort(key=lambda c: (-c.score, distances.get(c.id, 0.0), c.id))
    page_ids = [c.id for c in candidates[query.offset : query.offset + query.limit]]
    return CourseSearchResult(
        total=len(candidates),
        items=load_cards(session, ids=page_ids, distances=distances),
    )


def load_cards(
    session: Session, *, ids: list[int], distances: dict[int, float] | None = None
) -> list[CourseCard]:
    if not ids:
        return []
    offerings = session.scalars(select(Offering).where(Offering.id.in_(ids))).all()
    by_id = {offering.id: offering for offering in offerings}
    return [
        to_card(by_id[offering_id], (distances or {}).get(offering_id))
        for offering_id in ids
        if offering_id in by_id
    ]


def get_course(session: Session, *, course_id: int) -> CourseCard | None:
    offering = session.get(Offering, course_id)
    return to_card(offering, None) if offering else None


def to_card(offering: Offering, distance_km: float | None) -> CourseCard:
    return CourseCard(
        id=offering.id,
        title=offering.title,
        kind=offering.kind,
        level=offering.level,
        crebo=offering.crebo,
        sector=offering.sector,
        provider=offering.provider.name,
        place=offering.town,
        region=offering.place.region,
        learning_modes=[mode for mode in offering.learning_modes.split(",") if mode],
        duration_weeks=offering.duration_weeks,
        price_eur=offering.price_eur,
        start_dates=[dt.date.fromisoformat(day) for day in offering.start_dates.split(",") if day],
        url=offering.url,
        is_sample=offering.is_sample,
        distance_km=round(distance_km, 1) if distance_km is not None else None,
    )
