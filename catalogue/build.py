"""Build the sample catalogue database from the reference data in catalogue/data.

    python -m catalogue.build [--database-url URL]

For SQLite the database is written to a temporary file and moved into place,
so a running gateway never reads a half-built catalogue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import time
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from catalogue.db import make_engine
from catalogue.models import (
    Base,
    Offering,
    Place,
    PlaceAlias,
    Provider,
    Qualification,
    QualificationSector,
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
from catalogue.sectors import sectors_for
from core.settings import get_settings

logger = logging.getLogger(__name__)


def build_catalogue(
    *, database_url: str, data_dir: Path = DATA_DIR, today: dt.date | None = None
) -> dict[str, int]:
    """(Re)create the catalogue at database_url; returns row counts per table."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        final_path = Path(str(url.database))
        final_path.parent.mkdir(parents=True, exist_ok=True)
        tmp_path = final_path.with_suffix(final_path.suffix + ".tmp")
        tmp_path.unlink(missing_ok=True)
        engine = make_engine(str(url.set(database=str(tmp_path))))
        counts = _fill(engine, data_dir, today or dt.date.today())
        engine.dispose()
        os.replace(tmp_path, final_path)
        return counts
    engine = make_engine(database_url)
    counts = _fill(engine, data_dir, today or dt.date.today())
    engine.dispose()
    return counts


def _fill(engine: Engine, data_dir: Path, today: dt.date) -> dict[str, int]:
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        places = _add_places(session, data_dir)
        sector_of = _add_qualifications(session, data_dir)
        _add_offerings(session, data_dir, places, sector_of, today)
    with Session(engine) as session:
        return {table.name: session.query(table).count() for table in Base.metadata.sorted_tables}


def _add_places(session: Session, data_dir: Path) -> dict[str, Place]:
    municipalities = read_municipalities(data_dir)
    towns = read_towns(data_dir)
    coordinates = read_coordinates(data_dir)
    centre = municipality_coordinates(municipalities, towns, coordinates)
    unique_coordinates = coordinates_by_name(coordinates)

    places: dict[str, Place] = {}
    for row in municipalities:
        lat, lon = centre[row.name]
        place = Place(
            name=row.name,
            cbs_code=row.cbs_code,
            province=row.province,
            region_code=row.region_code,
            region=row.region,
            lat=lat,
            lon=lon,
        )
        session.add(place)
        places[row.name] = place
    session.flush()

    aliases: dict[str, PlaceAlias] = {}

    def add_alias(alias: str, place: Place, point: tuple[float, float] | None) -> None:
        key = normalise_place_name(alias)
        if key in aliases:
            return
        lat, lon = point or (place.lat, place.lon)
        aliases[key] = PlaceAlias(alias=key, place_id=place.id, lat=lat, lon=lon)

    # Official names first, so a municipality wins over a same-named village.
    for name, place in places.items():
        add_alias(name, place, None)
    for alias, official in EXTRA_ALIASES.items():
        add_alias(alias, places[official], None)
    for town in towns:
        place_or_none = places.get(town.municipality)
        if place_or_none is None:
            continue
        town_key = normalise_place_name(town.name)
        municipality_key = normalise_place_name(without_qualifier(town.municipality))
        point = coordinates.get((town_key, municipality_key)) or unique_coordinates.get(town_key)
        add_alias(town.name, place_or_none, point)
    # "Bergen" is ambiguous (L. and NH.): only unambiguous short names are added.
    short_names: dict[str, list[Place]] = {}
    for name, place in places.items():
        short_names.setdefault(normalise_place_name(without_qualifier(name)), []).append(place)
    for short, candidates in short_names.items():
        if len(candidates) == 1:
            add_alias(short, candidates[0], None)
    session.add_all(aliases.values())
    return places


def _add_qualifications(session: Session, data_dir: Path) -> dict[str, str]:
    sector_of: dict[str, str] = {}
    for row in read_qualifications(data_dir):
        sectors = sectors_for(
            name=row["naam"], subgroup=row["subgroep_naam"], main_group=row["hoofdgroep_naam"]
        )
        sector_of[row["code"]] = sectors[0]
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
    return sector_of


def _add_offerings(
    session: Session,
    data_dir: Path,
    places: dict[str, Place],
    sector_of: dict[str, str],
    today: dt.date,
) -> None:
    provider_rows = read_providers(data_dir)
    providers = {
        row.name: Provider(name=row.name, kind=row.kind, website=row.website)
        for row in provider_rows
    }
    session.add_all(providers.values())
    session.flush()
    aliases = {alias.alias: alias for alias in session.query(PlaceAlias)}
    for sample in generate_offerings(
        providers=provider_rows,
        qualifications=read_qualifications(data_dir),
        sector_of=sector_of,
        today=today,
    ):
        alias = aliases.get(normalise_place_name(sample.town))
        if alias is None:
            raise ValueError(f"provider town {sample.town!r} is not a known place")
        session.add(
            Offering(
                title=sample.title,
                kind="diploma",
                crebo=sample.crebo,
                level=sample.level,
                sector=sample.sector,
                provider_id=providers[sample.provider].id,
                place_id=alias.place_id,
                town=sample.town,
                learning_modes=",".join(sample.learning_modes),
                duration_weeks=sample.duration_weeks,
                price_eur=sample.price_eur,
                start_dates=",".join(day.isoformat() for day in sample.start_dates),
                url=sample.url,
                is_sample=True,
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
