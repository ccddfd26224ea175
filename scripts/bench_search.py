"""Search latency at 200,000 offerings: this project's search vs a naive LIKE baseline.

    make bench-search            (or: python -m scripts.bench_search --offerings 200000)

Builds the sample catalogue on SQLite (var/bench/) and on the local
PostgreSQL (database leerwijzer_bench), grows it to the target size by
offering the sample's courses at more provider locations, then runs 30
representative queries with filters on both backends, with this project's
search and with a naive `LIKE '%term%'` search in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    func,
    insert,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from catalogue.build import build_catalogue
from catalogue.db import make_engine
from catalogue.indexing import filter_fields, search_fields
from catalogue.models import Offering, Place, ProviderLocation
from catalogue.schemas import CourseQuery
from catalogue.search import resolve_place, search_courses, squared_km
from catalogue.text import query_words
from core.settings import PROJECT_ROOT

QUERIES: tuple[dict[str, object], ...] = (
    {"q": "warmtepomp"},
    {"q": "warmtepompen", "place": "Enschede"},
    {"q": "laadpalen", "mode": "avond"},
    {"q": "zorg", "place": "Utrecht"},
    {"q": "verzorgende ig", "mode": "bbl"},
    {"q": "pedagogisch medewerker", "place": "Tilburg", "radius_km": 40},
    {"q": "kinderopvang", "level": 4},
    {"q": "leidinggeven", "max_price": 1500},
    {"q": "nederlands 3f", "kind": "cursus"},
    {"q": "logistiek", "region": "Twente"},
    {"q": "heftruck", "place": "Rotterdam"},
    {"q": "ict", "place": "Amersfoort"},
    {"q": "informatica"},
    {"q": "verpleging", "place": "Groningen"},
    {"q": "smart industry robotica"},
    {"q": "zonnepanelen monteren", "place": "Zwolle"},
    {"q": "isolatie", "kind": "cursus"},
    {"q": "patisserie", "place": "Eindhoven"},
    {"q": "kinderopvnag"},
    {"q": "evc kinderopvang"},
    {"q": "hospitality", "mode": "online"},
    {"q": "bibliotheek"},
    {"q": "beveiliging", "level": 2},
    {"q": "techniek", "place": "Den Haag", "limit": 20},
    {"q": "opleiding monteur installatietechniek", "place": "Leeuwarden"},
    {"sector": "zorg", "place": "Utrecht"},
    {"sector": "techniek", "level": 3, "mode": "bbl"},
    {"kind": "evc", "region": "Midden-Utrecht"},
    {"place": "Twente", "kind": "certificaat"},
    {"sector": "logistiek", "max_price": 1000, "place": "Breda"},
)
ROUNDS = 5
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BENCH_DB = "leerwijzer_bench"


def grow(engine: Engine, target: int, seed: int = 7) -> int:
    """Copy sample offerings to other provider locations until `target` rows exist."""
    rng = random.Random(seed)  # noqa: S311 - benchmark data
    with Session(engine) as session, session.begin():
        count = session.scalars(select(func.count()).select_from(Offering)).one()
        if count >= target:
            return count
        originals = list(session.scalars(select(Offering).order_by(Offering.id)))
        locations = list(session.scalars(select(ProviderLocation).order_by(ProviderLocation.id)))
        places = {p.id: p for p in session.scalars(select(Place))}
        next_id = max(o.id for o in originals) + 1
        rows: list[dict[str, object]] = []
        while count + len(rows) < target:
            source = rng.choice(originals)
            location = rng.choice(locations)
            place = places[location.place_id]
            row = {
                c.name: getattr(source, c.key)
                for c in Offering.__table__.columns
                if c.name != "search_vector"
            }
            row.update(
                id=next_id,
                location_id=location.id,
                provider_id=location.provider_id,
                external_ref=f"bench-{next_id}",
                place_id=place.id,
                town=location.town,
                region_code=place.region_code,
                province=place.province,
                lat=location.lat,
                lon=location.lon,
                **search_fields(
                    title=source.title,
                    description=source.description,
                    topics=[],
                    sector=source.sector,
                    provider="",
                    town=location.town,
                    region=place.region,
                ),
            )
            row["search_topics"] = source.search_topics
            row.update(
                filter_fields(
                    # The source's sector tokens already include its qualification's sectors.
                    sectors=[t[1:] for t in source.search_filters.split() if t.startswith("s")],
                    kind=source.kind,
                    level=source.level,
                    modes=source.learning_modes.split(","),
                    region_code=place.region_code,
                    province=place.province,
                    lat=location.lat,
                    lon=location.lon,
                    price_eur=source.price_eur,
                )
            )
            rows.append(row)
            next_id += 1
        for start in range(0, len(rows), 5000):
            session.execute(insert(Offering), rows[start : start + 5000])
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))
            connection.execute(
                text("INSERT INTO offering_search(offering_search) VALUES('optimize')")
            )
        connection.commit()
    return count + len(rows)


def naive_like(session: Session, query: CourseQuery) -> int:
    """The baseline: LIKE '%word%' on title and description, the same filters."""
    conditions = []
    for word in query_words(query.q or ""):
        pattern = f"%{word}%"
        conditions.append(
            or_(
                func.lower(Offering.title).like(pattern),
                func.lower(Offering.description).like(pattern),
            )
        )
    if query.sector:
        conditions.append(Offering.sector == query.sector)
    if query.level is not None:
        conditions.append(Offering.level == query.level)
    if query.kind:
        conditions.append(Offering.kind == query.kind)
    if query.mode:
        conditions.append(Offering.learning_modes.like(f"%{query.mode}%"))
    if query.max_price is not None:
        conditions.append(or_(Offering.price_eur.is_(None), Offering.price_eur <= query.max_price))
    order: list[Any] = [Offering.title, Offering.id]
    if query.place:
        centre = resolve_place(session, name=query.place)
        if centre is not None:
            distance = squared_km(centre)
            conditions.append(distance <= query.radius_km**2)
            order = [distance, *order]
    where = and_(literal(True), *conditions)
    total = session.scalars(select(func.count()).select_from(Offering).where(where)).one()
    session.scalars(select(Offering.id).where(where).order_by(*order).limit(query.limit)).all()
    return total


def timed(run: Callable[[], object]) -> list[float]:
    run()  # warm-up
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(engine: Engine, label: str) -> None:
    ours: list[float] = []
    naive: list[float] = []
    with Session(engine) as session:
        for filters in QUERIES:
            query = CourseQuery.model_validate(filters)
            ours += timed(lambda q=query: search_courses(session, query=q))  # type: ignore[misc]
            naive += timed(lambda q=query: naive_like(session, q))  # type: ignore[misc]
    for name, samples in (("leerwijzer search", ours), ("naive LIKE baseline", naive)):
        print(
            f"  {label:<10} {name:<20} p50 {statistics.median(samples):7.1f} ms"
            f"   p95 {percentile(samples, 0.95):7.1f} ms"
        )
    ratio_50 = statistics.median(naive) / statistics.median(ours)
    ratio_95 = percentile(naive, 0.95) / percentile(ours, 0.95)
    print(f"  {label:<10} baseline / search: p50 x{ratio_50:.1f}, p95 x{ratio_95:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offerings", type=int, default=200_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    backends: list[tuple[str, str]] = []
    sqlite_path = PROJECT_ROOT / "var" / "bench" / f"catalogue-{args.offerings}.db"
    backends.append(("sqlite", f"sqlite:///{sqlite_path}"))
    if not args.skip_postgres:
        admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {BENCH_DB}"))
        admin.dispose()
        backends.append(("postgresql", POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{BENCH_DB}"))

    print(f"{len(QUERIES)} queries x {ROUNDS} rounds each, after one warm-up round")
    for label, url in backends:
        started = time.perf_counter()
        if label == "sqlite":
            Path(sqlite_path).unlink(missing_ok=True)
        build_catalogue(database_url=url)
        engine = make_engine(url)
        size = grow(engine, args.offerings)
        print(f"{label}: {size} offerings ready in {time.perf_counter() - started:.0f} s")
        measure(engine, label)
        engine.dispose()


if __name__ == "__main__":
    main()
