"""Build the sample catalogue database from the reference data in catalogue/data.

    python -m catalogue.build [--database-url URL]

The schema comes from the Alembic migrations. For SQLite the database is
written to a temporary file and moved into place, so a running gateway never
reads a half-built catalogue; on PostgreSQL the schema is rebuilt in place.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import time
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from catalogue.db import make_engine
from catalogue.indexing import add_vocabulary, offering_values, vocabulary_of
from catalogue.models import (
    Base,
    Offering,
    OfferingTopic,
    Place,
    PlaceAlias,
    Provider,
    ProviderLocation,
    Qualification,
    QualificationSector,
    Topic,
    TopicSynonym,
)
from catalogue.places import EXTRA_ALIASES, normalise_place_name, without_qualifier
from catalogue.reference import (
    DATA_DIR,
    coordinates_by_name,
    municipality_coordinates,
    read_coordinates,
    read_municipalities,
    read_providers,
    read_qualifications,
    read_towns,
)
from catalogue.sample import generate_offerings
from catalogue.schema import downgrade_to_base, upgrade_to_head
from catalogue.sectors import sectors_for
from catalogue.text import fold
from catalogue.topics import load_course_data
from core.settings import get_settings

logger = logging.getLogger(__name__)


def build_catalogue(
    *, database_url: str, data_dir: Path = DATA_DIR, today: dt.date | None = None
) -> dict[str, int]:
    """(Re)create the catalogue at database_url; returns row counts per table."""
    url = make_url(database_url)
    day = today or dt.date.today()
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        final_path = Path(str(url.database))
        final_path.parent.mkdir(parents=True, exist_ok=True)
        tmp_path = final_path.with_suffix(final_path.suffix + ".tmp")
        tmp_path.unlink(missing_ok=True)
        tmp_url = url.set(database=str(tmp_path)).render_as_string(hide_password=False)
        upgrade_to_head(tmp_url)
        counts = _fill_and_dispose(make_engine(tmp_url), data_dir, day)
        os.replace(tmp_path, final_path)
        return counts
    downgrade_to_base(database_url)
    upgrade_to_head(database_url)
    return _fill_and_dispose(make_engine(database_url), data_dir, day)


def _fill_and_dispose(engine: Engine, data_dir: Path, today: dt.date) -> dict[str, int]:
    try:
        with Session(engine) as session, session.begin():
            places = _add_places(session, data_dir)
            sectors_of = _add_qualifications(session, data_dir)
            topic_ids = _add_topics(session)
            _add_offerings(session, data_dir, places, sectors_of, topic_ids, today)
        with Session(engine) as session:
            return {
                table.name: session.scalars(select(func.count()).select_from(table)).one()
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def _add_places(session: Session, data_dir: Path) -> dict[str, Place]:
    municipalities = read_municipalities(data_dir)
    towns = read_towns(data_dir)
    coordinates = read_coordinates(data_dir)
    centre = municipality_coordinates(municipalities, towns, coordinates)
    unique_coordinates = coordinates_by_name(coordinates)

    places: dict[str, Place] = {}
    for row in municipalities:
        lat, lon = centre[row.name]
        places[row.name] = Place(
            name=row.name,
            cbs_code=row.cbs_code,
            province=row.province,
            region_code=row.region_code,
            region=row.region,
            lat=lat,
            lon=lon,
        )
    session.add_all(places.values())
    session.flush()

    aliases: dict[str, PlaceAlias] = {}

    def add_alias(alias: str, place: Place, point: tuple[float, float] | None) -> None:
        key = normalise_place_name(alias)
        if key not in aliases:
            lat, lon = point or (place.lat, place.lon)
            aliases[key] = PlaceAlias(alias=key, place_id=place.id, lat=lat, lon=lon)

    # Official names first, so a municipality wins over a same-named village.
    for name, place in places.items():
        add_alias(name, place, None)
    for alias, official in EXTRA_ALIASES.items():
        add_alias(alias, places[official], None)
    for town in towns:
        town_place = places.get(town.municipality)
        if town_place is None:
            continue
        town_key = normalise_place_name(town.name)
        municipality_key = normalise_place_name(without_qualifier(town.municipality))
        point = coordinates.get((town_key, municipality_key)) or unique_coordinates.get(town_key)
        add_alias(town.name, town_place, point)
    # "Bergen" is ambiguous (L. and NH.): only unambiguous short names are added.
    short_names: dict[str, list[Place]] = {}
    for name, place in places.items():
        short_names.setdefault(normalise_place_name(without_qualifier(name)), []).append(place)
    for short, candidates in short_names.items():
        if len(candidates) == 1:
            add_alias(short, candidates[0], None)
    session.add_all(aliases.values())
    return places


def _add_qualifications(session: Session, data_dir: Path) -> dict[str, tuple[str, ...]]:
    """Add the qualifications; returns their canonical sectors by crebo, primary first."""
    sectors_of: dict[str, tuple[str, ...]] = {}
    for row in read_qualifications(data_dir):
        sectors = sectors_for(
            name=row["naam"], subgroup=row["subgroep_naam"], main_group=row["hoofdgroep_naam"]
        )
        sectors_of[row["code"]] = sectors
        session.add(
            Qualification(
                crebo=row["code"],
                name=row["naam"],
                level=int(row["niveau"]),
                learning_routes=row["leerweg"],
                main_group=row["hoofdgroep_naam"],
                subgroup=row["subgroep_naam"],
                dossier_code=row["dossier_code"],
                dossier_name=row["dossier_naam"],
                sectorkamer=row["sectorkamer_naam"],
                sector=sectors[0],
                sectors=[QualificationSector(sector=sector) for sector in sectors],
            )
        )
    session.flush()
    return sectors_of


def _add_topics(session: Session) -> dict[str, int]:
    topic_ids: dict[str, int] = {}
    seen_synonyms: set[str] = set()
    for spec in load_course_data().topics:
        topic = Topic(name=spec.name, sector=spec.sector)
        for synonym in spec.synonyms:
            key = fold(synonym)
            if key not in seen_synonyms and key != spec.name:
                seen_synonyms.add(key)
                topic.synonyms.append(TopicSynonym(synonym=key))
        session.add(topic)
        session.flush()
        topic_ids[spec.name] = topic.id
    return topic_ids


def _add_offerings(
    session: Session,
    data_dir: Path,
    places: dict[str, Place],
    sectors_of: dict[str, tuple[str, ...]],
    topic_ids: dict[str, int],
    today: dt.date,
) -> None:
    provider_rows = read_providers(data_dir)
    aliases = {alias.alias: alias for alias in session.scalars(select(PlaceAlias))}
    places_by_id = {place.id: place for place in places.values()}
    providers: dict[str, Provider] = {}
    locations: dict[tuple[str, str], ProviderLocation] = {}
    for row in provider_rows:
        provider = Provider(name=row.name, kind=row.kind, website=row.website)
        providers[row.name] = provider
        for town in row.towns:
            alias = aliases.get(normalise_place_name(town))
            if alias is None:
                raise ValueError(f"provider town {town!r} is not a known place")
            location = ProviderLocation(
                place_id=alias.place_id, town=town, lat=alias.lat, lon=alias.lon
            )
            provider.locations.append(location)
            locations[(row.name, town)] = location
    session.add_all(providers.values())
    session.flush()

    samples = generate_offerings(
        providers=provider_rows,
        qualifications=read_qualifications(data_dir),
        sectors_of=sectors_of,
        course_data=load_course_data(),
        today=today,
    )
    rows = []
    for number, sample in enumerate(samples, start=1):
        location = locations[(sample.provider, sample.town)]
        values = offering_values(
            sample.facts,
            provider=providers[sample.provider],
            location=location,
            place=places_by_id[location.place_id],
        )
        rows.append({"id": number, **values})
    for start in range(0, len(rows), 2000):
        session.execute(insert(Offering), rows[start : start + 2000])
    if session.get_bind().dialect.name == "postgresql":
        # Explicit ids leave the id sequence behind; later inserts (imports) need it ahead.
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('offerings', 'id'), :last)"),
            {"last": len(rows)},
        )
    links = [
        {"offering_id": row["id"], "topic_id": topic_ids[topic]}
        for row, sample in zip(rows, samples, strict=True)
        for topic in sample.facts.topics
    ]
    if links:
        session.execute(insert(OfferingTopic), links)
    add_vocabulary(session, vocabulary_of(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the sample catalogue database.")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    counts = build_catalogue(database_url=args.database_url or get_settings().database_url)
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{table} {count}" for table, count in counts.items())
    logger.info("catalogue built in %.1f s: %s", elapsed, summary)


if __name__ == "__main__":
    main()
