"""Search text of an offering and the vocabulary of the index (both backends)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from catalogue.models import Place, Provider, ProviderLocation, SearchVocabulary, TopicSynonym
from catalogue.places import bounding_box
from catalogue.text import index_text, words
from catalogue.topics import topic_slug


def search_fields(
    *,
    title: str,
    description: str,
    topics: Iterable[str],
    sector: str,
    provider: str,
    town: str,
    region: str,
    dossier: str = "",
) -> dict[str, str]:
    """The three weighted search columns: title (A), topics (B), the rest (C)."""
    topic_list = list(topics)
    topic_tokens = [topic_slug(topic) for topic in topic_list]
    topic_tokens += [index_text(topic) for topic in topic_list]
    topic_tokens.append(index_text(sector))
    return {
        "search_title": index_text(title),
        "search_topics": " ".join(topic_tokens),
        "search_body": index_text(" ".join([description, dossier, provider, town, region])),
    }


def vocabulary_of(rows: Iterable[Mapping[str, object]]) -> set[str]:
    terms: set[str] = set()
    for row in rows:
        for column in ("search_title", "search_topics", "search_body"):
            terms.update(str(row[column]).split())
    return {term for term in terms if 1 < len(term) <= 80}


def add_vocabulary(session: Session, terms: Iterable[str]) -> None:
    """Insert terms that are new; synonyms count too (people type them)."""
    all_terms = set(terms)
    for synonym in session.scalars(select(TopicSynonym.synonym)):
        all_terms.update(index_text(synonym).split())
    rows = [{"term": term} for term in sorted(all_terms) if 1 < len(term) <= 80]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgres_insert if dialect == "postgresql" else sqlite_insert
    for start in range(0, len(rows), 5000):
        statement = insert(SearchVocabulary).values(rows[start : start + 5000])
        session.execute(statement.on_conflict_do_nothing(index_elements=["term"]))


# Map cells for place filters: about 22 x 20 km in the Netherlands.
CELL_LAT_DEG = 0.2
CELL_LON_DEG = 0.3
# Beyond this radius a circle covers too many cells; lat/lon ranges do the work.
MAX_CELL_RADIUS_KM = 60.0


def _slug(value: str) -> str:
    return "".join(words(value))


def cell_token(lat: float, lon: float) -> str:
    return f"g{math.floor(lat / CELL_LAT_DEG)}x{math.floor(lon / CELL_LON_DEG)}"


def cells_around(lat: float, lon: float, radius_km: float) -> list[str] | None:
    """Tokens of the cells a circle touches, or None when it is too large."""
    if radius_km > MAX_CELL_RADIUS_KM:
        return None
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
    rows = range(math.floor(min_lat / CELL_LAT_DEG), math.floor(max_lat / CELL_LAT_DEG) + 1)
    columns = range(math.floor(min_lon / CELL_LON_DEG), math.floor(max_lon / CELL_LON_DEG) + 1)
    return [f"g{row}x{column}" for row in rows for column in columns]


def sector_token(sector: str) -> str:
    return "s" + _slug(sector)


def kind_token(kind: str) -> str:
    return "k" + kind


def level_token(level: int) -> str:
    return f"l{level}"


def mode_token(mode: str) -> str:
    return "m" + mode


def region_token(region_code: str) -> str:
    return "r" + region_code.lower()


def province_token(province: str) -> str:
    return "p" + _slug(province)


# Budget bounds (EUR incl. VAT). An offering carries a token for every bound its
# price fits under, so "max_price on a bound" is one index lookup.
PRICE_BOUNDS: tuple[int, ...] = (0, 100, 250, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000)


def price_tokens(price: float | None) -> list[str]:
    # No course price (publicly funded BOL) fits any budget.
    return [f"cle{bound}" for bound in PRICE_BOUNDS if price is None or price <= bound]


def budget_token(max_price: float) -> tuple[str | None, bool]:
    """The token for the smallest bound >= max_price (None: above every bound)
    and whether rows must still be checked (max_price between two bounds)."""
    for bound in PRICE_BOUNDS:
        if max_price <= bound:
            return f"cle{bound}", max_price != bound
    return None, True


def filter_fields(
    *,
    sectors: Iterable[str],
    kind: str,
    level: int | None,
    modes: Iterable[str],
    region_code: str,
    province: str,
    lat: float,
    lon: float,
    price_eur: float | None,
) -> dict[str, str]:
    """Filters as index tokens, so the full-text index intersects them cheaply."""
    tokens = [sector_token(sector) for sector in dict.fromkeys(sectors)]
    tokens.append(kind_token(kind))
    if level is not None:
        tokens.append(level_token(level))
    tokens += [mode_token(mode) for mode in modes]
    tokens += [region_token(region_code), province_token(province), cell_token(lat, lon)]
    tokens += price_tokens(price_eur)
    return {"search_filters": " ".join(tokens)}


@dataclass(frozen=True)
class OfferingFacts:
    """What a provider says about an offering; the rest is derived from where it is."""

    external_ref: str
    title: str
    description: str
    kind: str
    crebo: str | None
    level: int | None
    sector: str
    # The qualification's other sectors, for the sector filter.
    extra_sectors: tuple[str, ...]
    learning_modes: tuple[str, ...]
    duration_weeks: int | None
    hours_per_week: float | None
    price_eur: float | None
    start_dates: tuple[dt.date, ...]
    admission_level: int | None
    in_stap_register: bool
    url: str | None
    is_sample: bool
    topics: tuple[str, ...]
    dossier: str


def offering_values(
    facts: OfferingFacts, *, provider: Provider, location: ProviderLocation, place: Place
) -> dict[str, object]:
    """Every column of an offering row: the sample build and the import write the same."""
    return {
        "provider_id": provider.id,
        "location_id": location.id,
        "external_ref": facts.external_ref,
        "title": facts.title,
        "description": facts.description,
        "kind": facts.kind,
        "crebo": facts.crebo,
        "level": facts.level,
        "sector": facts.sector,
        "place_id": place.id,
        "town": location.town,
        "region_code": place.region_code,
        "province": place.province,
        "lat": location.lat,
        "lon": location.lon,
        "learning_modes": ",".join(facts.learning_modes),
        "duration_weeks": facts.duration_weeks,
        "hours_per_week": facts.hours_per_week,
        "price_eur": facts.price_eur,
        "start_dates": ",".join(day.isoformat() for day in facts.start_dates),
        "admission_level": facts.admission_level,
        "in_stap_register": facts.in_stap_register,
        "url": facts.url,
        "is_sample": facts.is_sample,
        **search_fields(
            title=facts.title,
            description=facts.description,
            topics=facts.topics,
            sector=facts.sector,
            provider=provider.name,
            town=location.town,
            region=place.region,
            dossier=facts.dossier,
        ),
        **filter_fields(
            sectors=[facts.sector, *facts.extra_sectors],
            kind=facts.kind,
            level=facts.level,
            modes=facts.learning_modes,
            region_code=place.region_code,
            province=place.province,
            lat=location.lat,
            lon=location.lon,
            price_eur=facts.price_eur,
        ),
    }
