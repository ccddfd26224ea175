"""Course search: the one service interface the API and the actions use."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, and_, cast, func, literal, or_, select
from sqlalchemy.orm import Session, selectinload

from catalogue.fulltext import join_index, text_match
from catalogue.models import Offering, Place, PlaceAlias, QualificationSector
from catalogue.places import bounding_box, haversine_km, normalise_place_name
from catalogue.query import TextQuery, analyse
from catalogue.schemas import CourseCard, CourseQuery, CourseSearchResult

KM_PER_DEGREE = 111.2
# Distance at which a text score is halved: nearby beats far, relevance still counts.
HALF_SCORE_KM = 25.0


class UnknownPlaceError(ValueError):
    """The place is neither a municipality, a town, a region nor a province."""


@dataclass(frozen=True)
class ResolvedPlace:
    name: str
    lat: float
    lon: float


def resolve_place(session: Session, *, name: str) -> ResolvedPlace | None:
    alias = session.get(PlaceAlias, normalise_place_name(name))
    if alias is None:
        return None
    return ResolvedPlace(name=alias.place.name, lat=alias.lat, lon=alias.lon)


def _area_filter(session: Session, name: str) -> ColumnElement[bool]:
    """A labour-market region (name or AMxx code), else a province."""
    wanted = normalise_place_name(name)
    for region, code in session.execute(select(Place.region, Place.region_code).distinct()):
        if wanted in (normalise_place_name(region), code.lower()):
            return Offering.region_code == code
    for (province,) in session.execute(select(Place.province).distinct()):
        if wanted == normalise_place_name(province):
            return Offering.province == province
    raise UnknownPlaceError(name)


def _squared_km(centre: ResolvedPlace) -> ColumnElement[float]:
    """Squared distance on a flat map: plain arithmetic, so both backends run it."""
    east = KM_PER_DEGREE * math.cos(math.radians(centre.lat))
    dy = (Offering.lat - centre.lat) * KM_PER_DEGREE
    dx = (Offering.lon - centre.lon) * east
    return cast(dy * dy + dx * dx, Float)


def _filters(session: Session, query: CourseQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.sector:
        in_sector = select(QualificationSector.crebo).where(
            QualificationSector.sector == query.sector
        )
        conditions.append(or_(Offering.sector == query.sector, Offering.crebo.in_(in_sector)))
    if query.level is not None:
        conditions.append(Offering.level == query.level)
    if query.kind:
        conditions.append(Offering.kind == query.kind)
    if query.mode:
        modes = literal(",") + Offering.learning_modes + literal(",")
        conditions.append(modes.like(f"%,{query.mode},%"))
    if query.max_price is not None:
        # No course price (publicly funded BOL) fits any budget.
        conditions.append(or_(Offering.price_eur.is_(None), Offering.price_eur <= query.max_price))
    if query.region:
        conditions.append(_area_filter(session, query.region))
    return conditions


def search_courses(session: Session, *, query: CourseQuery) -> CourseSearchResult:
    conditions = _filters(session, query)
    centre: ResolvedPlace | None = None
    squared_km: ColumnElement[float] | None = None
    if query.place:
        centre = resolve_place(session, name=query.place)
        if centre is None:
            # A region ("Twente") or a province is a place too, for people.
            conditions.append(_area_filter(session, query.place))
        else:
            min_lat, max_lat, min_lon, max_lon = bounding_box(
                centre.lat, centre.lon, query.radius_km
            )
            squared_km = _squared_km(centre)
            conditions += [
                Offering.lat.between(min_lat, max_lat),
                Offering.lon.between(min_lon, max_lon),
                squared_km <= query.radius_km**2,
            ]

    text = analyse(session, query.q) if query.q else None
    if text is not None and text.groups:
        total, ids = _text_search(session, query, conditions, text, squared_km)
    else:
        total, ids = _plain_search(session, query, conditions, squared_km)

    return CourseSearchResult(total=total, items=load_cards(session, ids=ids, centre=centre))


def _plain_search(
    session: Session,
    query: CourseQuery,
    conditions: list[ColumnElement[bool]],
    squared_km: ColumnElement[float] | None,
) -> tuple[int, list[int]]:
    where = and_(True, *conditions)
    total = session.scalars(select(func.count()).select_from(Offering).where(where)).one()
    order = [squared_km] if squared_km is not None else []
    statement = (
        select(Offering.id)
        .where(where)
        .order_by(*order, Offering.title, Offering.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    return total, list(session.scalars(statement))


def _text_search(
    session: Session,
    query: CourseQuery,
    conditions: list[ColumnElement[bool]],
    text: TextQuery,
    squared_km: ColumnElement[float] | None,
) -> tuple[int, list[int]]:
    """Offerings with every word first, then those with some of the words."""
    every = text_match(session, text, any_group=False)
    total, ids = _ranked(session, [every.condition, *conditions], every.score, squared_km, query)
    if len(text.groups) == 1:
        return total, ids
    some = text_match(session, text, any_group=True)
    rest_conditions = [some.condition, every.negated, *conditions]
    rest_page = query.model_copy(
        update={"offset": max(0, query.offset - total), "limit": query.limit - len(ids)}
    )
    rest_total, rest_ids = _ranked(session, rest_conditions, some.score, squared_km, rest_page)
    return total + rest_total, ids + rest_ids


def _ranked(
    session: Session,
    conditions: list[ColumnElement[bool]],
    score: ColumnElement[float],
    squared_km: ColumnElement[float] | None,
    page: CourseQuery,
) -> tuple[int, list[int]]:
    where = and_(*conditions)
    counted = join_index(session, select(func.count()).select_from(Offering))
    total = session.scalars(counted.where(where)).one()
    if page.limit <= 0 or total == 0:
        return total, []
    if squared_km is not None:
        # Nearby beats far: the score halves at HALF_SCORE_KM.
        score = score / (1.0 + squared_km / HALF_SCORE_KM**2)
    statement = join_index(session, select(Offering.id).select_from(Offering))
    statement = (
        statement.where(where)
        .order_by(score.desc(), Offering.id)
        .limit(page.limit)
        .offset(page.offset)
    )
    return total, list(session.scalars(statement))


def load_cards(
    session: Session, *, ids: list[int], centre: ResolvedPlace | None = None
) -> list[CourseCard]:
    if not ids:
        return []
    statement = (
        select(Offering)
        .where(Offering.id.in_(ids))
        .options(selectinload(Offering.provider), selectinload(Offering.place))
    )
    by_id = {offering.id: offering for offering in session.scalars(statement)}
    return [to_card(by_id[i], centre) for i in ids if i in by_id]


def get_course(session: Session, *, course_id: int) -> CourseCard | None:
    offering = session.get(Offering, course_id)
    return to_card(offering, None) if offering else None


def to_card(offering: Offering, centre: ResolvedPlace | None) -> CourseCard:
    distance = (
        round(haversine_km(centre.lat, centre.lon, offering.lat, offering.lon), 1)
        if centre
        else None
    )
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
        distance_km=distance,
        description=offering.description,
        hours_per_week=offering.hours_per_week,
        admission_level=offering.admission_level,
        in_stap_register=offering.in_stap_register,
    )
