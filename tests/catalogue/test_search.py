from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from catalogue.schemas import CourseQuery
from catalogue.search import UnknownPlaceError, search_courses, search_terms


def test_sector_and_place_find_nearby_courses_nearest_first(session: Session) -> None:
    result = search_courses(session, query=CourseQuery(sector="zorg", place="Utrecht", limit=50))
    assert result.total > 10
    distances = [card.distance_km for card in result.items]
    assert all(d is not None and d <= 25 for d in distances)
    assert distances == sorted(distances)  # type: ignore[type-var]
    assert result.items[0].place == "Utrecht"


def test_radius_limits_results(session: Session) -> None:
    near = search_courses(session, query=CourseQuery(sector="zorg", place="Utrecht", radius_km=5))
    wide = search_courses(session, query=CourseQuery(sector="zorg", place="Utrecht", radius_km=60))
    assert 0 < near.total < wide.total


def test_free_text_matches_titles(session: Session) -> None:
    result = search_courses(session, query=CourseQuery(q="warmtepomp"))
    assert result.total > 0
    assert all("warmtepomp" in card.title.lower() for card in result.items)


def test_level_and_mode_filters(session: Session) -> None:
    result = search_courses(
        session, query=CourseQuery(sector="kinderopvang", level=4, mode="bbl", limit=100)
    )
    assert result.total > 0
    assert all(card.level == 4 and "bbl" in card.learning_modes for card in result.items)


def test_region_name_works_as_place(session: Session) -> None:
    result = search_courses(session, query=CourseQuery(place="Twente", limit=100))
    assert result.total > 0
    assert {card.region for card in result.items} == {"Twente"}


def test_province_works_as_place(session: Session) -> None:
    result = search_courses(session, query=CourseQuery(place="Overijssel", limit=100))
    assert result.total > 0
    assert {card.region for card in result.items} <= {"Twente", "Regio Zwolle"}


def test_unknown_place_is_an_error(session: Session) -> None:
    with pytest.raises(UnknownPlaceError):
        search_courses(session, query=CourseQuery(place="Atlantis"))


def test_offset_pages_through_results(session: Session) -> None:
    first = search_courses(session, query=CourseQuery(sector="ict", limit=5))
    second = search_courses(session, query=CourseQuery(sector="ict", limit=5, offset=5))
    assert first.total == second.total
    assert not {c.id for c in first.items} & {c.id for c in second.items}


def test_max_price_keeps_cheaper_and_unpriced(session: Session) -> None:
    result = search_courses(session, query=CourseQuery(max_price=500, limit=100))
    assert all(card.price_eur is None or card.price_eur <= 500 for card in result.items)


def test_search_terms_drop_filler_words() -> None:
    assert search_terms("Ik zoek een opleiding in de zorg") == ["zorg"]
