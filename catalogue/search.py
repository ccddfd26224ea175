"""Course search: the one service interface the API and the actions use.

Filters become index tokens (catalogue.indexing.filter_fields) where they
can, so the full-text index intersects text and filters in one lookup on
both backends; price and the exact distance are checked in SQL.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, cast, func, literal, or_, select
from sqlalchemy.orm import Session, selectinload

from catalogue.fulltext import TextMatch, index_only_search, join_index, paged, text_match
from catalogue.indexing import (
    budget_token,
    cells_around,
    kind_token,
    level_token,
    mode_token,
    province_token,
    region_token,
    sector_token,
)
from catalogue.models import Offering, Place, PlaceAlias
from catalogue.places import bounding_box, haversine_km, normalise_place_name
from catalogue.query import Term, analyse
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


@dataclass
class _Plan:
    filters: list[tuple[Term, ...]] = field(default_factory=list)
    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    centre: ResolvedPlace | None = None
    squared_km: ColumnElement[float] | None = None


def resolve_place(session: Session, *, name: str) -> ResolvedPlace | None:
    alias = session.get(PlaceAlias, normalise_place_name(name))
    if alias is None:
        return None
    return ResolvedPlace(name=alias.place.name, lat=alias.lat, lon=alias.lon)


def _exact(token: str) -> tuple[Term, ...]:
    return (Term(token, prefix=False),)


def _area_token(session: Session, name: str) -> tuple[Term, ...]:
    """A labour-market region (name or AMxx code), else a province."""
    wanted = normalise_place_name(name)
    for region, code in session.execute(select(Place.region, Place.region_code).distinct()):
        if wanted in (normalise_place_name(region), code.lower()):
            return _exact(region_token(code))
    for (province,) in session.execute(select(Place.province).distinct()):
        if wanted == normalise_place_name(province):
            return _exact(province_token(province))
    raise UnknownPlaceError(name)


def squared_km(centre: ResolvedPlace) -> ColumnElement[float]:
    """Squared distance on a flat map: plain arithmetic, so both backends run it."""
    east = KM_PER_DEGREE * math.cos(math.radians(centre.lat))
    dy = (Offering.lat - centre.lat) * KM_PER_DEGREE
    dx = (Offering.lon - centre.lon) * east
    return cast(dy * dy + dx * dx, Float)


def _plan(session: Session, query: CourseQuery) -> _Plan:
    plan = _Plan()
    if query.sector:
        plan.filters.append(_exact(sector_token(query.sector)))
    if query.level is not None:
        plan.filters.append(_exact(level_token(query.level)))
    if query.kind:
        plan.filters.append(_exact(kind_token(query.kind)))
    if query.mode:
        plan.filters.append(_exact(mode_token(query.mode)))
    if query.region:
        plan.filters.append(_area_token(session, query.region))
    if query.max_price is not None:
        # No course price (publicly funded BOL) fits any budget.
        token, check_rows = budget_token(query.max_price)
        if token is not None:
            plan.filters.append(_exact(token))
        if check_rows:
            plan.conditions.append(
                or_(Offering.price_eur.is_(None), Offering.price_eur <= query.max_price)
            )
    if query.place:
        plan.centre = resolve_place(session, name=query.place)
        if plan.centre is None:
            # A region ("Twente") or a province is a place too, for people.
            plan.filters.append(_area_token(session, query.place))
        else:
            lat, lon = plan.centre.lat, plan.centre.lon
            cells = cells_around(lat, lon, query.radius_km)
            if cells is not None:
                plan.filters.append(tuple(Term(cell, prefix=False) for cell in cells))
            else:
                min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, query.radius_km)
                plan.conditions += [
                    Offering.lat.between(min_lat, max_lat),
                    Offering.lon.between(min_lon, max_lon),
                ]
            plan.squared_km = squared_km(plan.centre)
            plan.conditions.append(plan.squared_km <= query.radius_km**2)
    return plan


def search_courses(session: Session, *, query: CourseQuery) -> CourseSearchResult:
    plan = _plan(session, query)
    text = analyse(session, query.q) if query.q else None
    groups = text.groups if text is not None else ()
    if groups or plan.filters:
        total, ids = _indexed_search(session, query, plan, groups)
    else:
        total, ids = _plain_search(session, query, plan)
    return CourseSearchResult(total=total, items=load_cards(session, ids=ids, centre=plan.centre))


def _plain_search(session: Session, query: CourseQuery, plan: _Plan) -> tuple[int, list[int]]:
    where = and_(literal(True), *plan.conditions)
    total = session.scalars(select(func.count()).select_from(Offering).where(where)).one()
    order = [plan.squared_km] if plan.squared_km is not None else []
    statement = (
        select(Offering.id)
        .where(where)
        .order_by(*order, Offering.title, Offering.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    return total, list(session.scalars(statement))


def _indexed_search(
    session: Session,
    query: CourseQuery,
    plan: _Plan,
    groups: tuple[tuple[Term, ...], ...],
) -> tuple[int, list[int]]:
    """Offerings with every word; when none has them all, those with any word."""
    filters = tuple(plan.filters)
    match = text_match(session, groups, filters, any_group=False)
    total, ids = _ranked(session, match, plan, query, bool(groups))
    if total == 0 and len(groups) > 1:
        match = text_match(session, groups, filters, any_group=True)
        total, ids = _ranked(session, match, plan, query, True)
    return total, ids


def _ranked(
    session: Session, match: TextMatch, plan: _Plan, page: CourseQuery, by_text: bool
) -> tuple[int, list[int]]:
    if not plan.conditions and session.get_bind().dialect.name == "sqlite":
        # Everything is in the index: count and rank there, no table rows read.
        return index_only_search(session, match, page, by_text)
    # Without words there is nothing to rank by text: skip the costly score.
    score = match.score if by_text else literal(0.0)
    if by_text and plan.squared_km is not None:
        # Nearby beats far: the score halves at HALF_SCORE_KM.
        score = score / (1.0 + plan.squared_km / HALF_SCORE_KM**2)
    distance = plan.squared_km if plan.squared_km is not None else literal(0.0)
    matches = join_index(
        session,
        select(Offering.id.label("id"), score.label("score"), distance.label("distance")),
    )
    inner = matches.where(match.condition, *plan.conditions).subquery()
    # "id + 0": ordering by the bare id tempts PostgreSQL to walk the primary
    # key and filter 200,000 rows instead of using the full-text index.
    tie_break = inner.c.id + 0
    order: list[ColumnElement[Any]] = (
        [inner.c.score.desc(), tie_break] if by_text else [inner.c.distance, tie_break]
    )
    return paged(session, inner, order, page)


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
