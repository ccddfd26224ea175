"""GET /api/courses and /api/courses/{id} (contracts.md section 3)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status

from bot.gateway.deps import SessionDep
from catalogue.schemas import (
    LEARNING_MODES,
    CourseCard,
    CourseKind,
    CourseQuery,
    CourseSearchResult,
)
from catalogue.search import UnknownPlaceError, get_course, search_courses
from catalogue.sectors import CANONICAL_SECTORS

router = APIRouter(prefix="/api/courses", tags=["catalogue"])

_ALLOWED_PARAMS = frozenset(CourseQuery.model_fields)


def _reject_unknown_params(request: Request) -> None:
    unknown = sorted(set(request.query_params) - _ALLOWED_PARAMS)
    if unknown:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"unknown query parameter(s): {', '.join(unknown)}",
        )


def _unprocessable(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail)


def course_query(
    q: Annotated[
        str | None,
        Query(max_length=200, description="Free Dutch text; stems, synonyms and typos are handled"),
    ] = None,
    sector: Annotated[
        str | None, Query(max_length=40, description="Canonical sector, e.g. zorg, techniek")
    ] = None,
    level: Annotated[str | None, Query(description="mbo level: 1-4 or entree")] = None,
    kind: Annotated[CourseKind | None, Query(description="Kind of offering")] = None,
    mode: Annotated[
        str | None, Query(max_length=20, description="bbl, bol, deeltijd, online, avond, weekend")
    ] = None,
    place: Annotated[
        str | None,
        Query(max_length=100, description="Dutch town, municipality, region or province"),
    ] = None,
    radius_km: Annotated[float, Query(gt=0, le=300, description="Radius around place (km)")] = 25.0,
    region: Annotated[
        str | None, Query(max_length=100, description="Labour-market region (name or AMxx)")
    ] = None,
    max_price: Annotated[
        float | None, Query(ge=0, description="Budget in EUR incl. VAT; unpriced offerings fit")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> CourseQuery:
    texts = {"q": q, "sector": sector, "mode": mode, "place": place, "region": region}
    for name, value in texts.items():
        if value is not None and not value.strip():
            raise _unprocessable(f"{name} is empty")
    sector_value = sector.strip().lower() if sector else None
    if sector_value and sector_value not in CANONICAL_SECTORS:
        raise _unprocessable(f"unknown sector; use one of: {', '.join(CANONICAL_SECTORS)}")
    mode_value = mode.strip().lower() if mode else None
    if mode_value and mode_value not in LEARNING_MODES:
        raise _unprocessable(f"unknown mode; use one of: {', '.join(LEARNING_MODES)}")
    return CourseQuery(
        q=q.strip() if q else None,
        sector=sector_value,
        level=_parse_level(level),
        kind=kind,
        mode=mode_value,
        place=place.strip() if place else None,
        radius_km=radius_km,
        region=region.strip() if region else None,
        max_price=max_price,
        limit=limit,
        offset=offset,
    )


def _parse_level(level: str | None) -> int | None:
    if level is None:
        return None
    value = level.strip().lower()
    if value == "entree":
        return 1
    if value in {"1", "2", "3", "4"}:
        return int(value)
    raise _unprocessable("level must be 1, 2, 3, 4 or entree")


@router.get(
    "",
    response_model=CourseSearchResult,
    dependencies=[Depends(_reject_unknown_params)],
)
def list_courses(
    session: SessionDep, query: Annotated[CourseQuery, Depends(course_query)]
) -> CourseSearchResult:
    try:
        return search_courses(session, query=query)
    except UnknownPlaceError as error:
        raise _unprocessable(f"unknown place or region: {error}") from error


@router.get("/{course_id}", response_model=CourseCard)
def read_course(course_id: int, session: SessionDep) -> CourseCard:
    card = get_course(session, course_id=course_id)
    if card is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "course not found")
    return card
