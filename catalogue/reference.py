"""Read the reference files in catalogue/data (see SOURCES.md)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from catalogue.places import EXTRA_ALIASES, normalise_place_name, without_qualifier

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class MunicipalityRow:
    name: str
    cbs_code: str
    province: str
    region_code: str
    region: str
    corop: str


@dataclass(frozen=True)
class TownRow:
    name: str
    municipality: str


@dataclass(frozen=True)
class ProviderRow:
    name: str
    kind: str
    website: str
    towns: tuple[str, ...]
    # Empty: all sectors. Vakinstellingen and bedrijfsscholen teach only a few.
    sectors: tuple[str, ...] = ()


def _rows(file_name: str, data_dir: Path) -> Iterator[dict[str, str]]:
    with (data_dir / file_name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def read_municipalities(data_dir: Path = DATA_DIR) -> list[MunicipalityRow]:
    return [
        MunicipalityRow(
            name=row["name"],
            cbs_code=row["code"],
            province=row["province"],
            region_code=row["region_code"],
            region=row["region"],
            corop=row["corop"],
        )
        for row in _rows("gemeenten.csv", data_dir)
    ]


def read_towns(data_dir: Path = DATA_DIR) -> list[TownRow]:
    return [
        TownRow(name=row["place"], municipality=row["municipality"])
        for row in _rows("woonplaatsen.csv", data_dir)
    ]


def read_qualifications(data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    return list(_rows("qualifications.csv", data_dir))


def read_providers(data_dir: Path = DATA_DIR) -> list[ProviderRow]:
    return [
        ProviderRow(
            name=row["name"],
            kind=row["kind"],
            website=row["website"],
            towns=tuple(town for town in row["towns"].split(";") if town),
            sectors=tuple(s for s in (row.get("sectors") or "").split(";") if s),
        )
        for row in _rows("providers.csv", data_dir)
    ]


def read_coordinates(
    data_dir: Path = DATA_DIR,
) -> dict[tuple[str, str], tuple[float, float]]:
    """(normalised place, normalised municipality) -> (lat, lon) from GeoNames."""
    coordinates: dict[tuple[str, str], tuple[float, float]] = {}
    for row in _rows("places_nl_geonames.csv", data_dir):
        municipality = normalise_place_name(row["municipality"].removeprefix("Gemeente ").strip())
        # GeoNames says "Den Haag" where CBS says "'s-Gravenhage".
        municipality = normalise_place_name(
            without_qualifier(EXTRA_ALIASES.get(municipality, municipality))
        )
        key = (normalise_place_name(row["name"]), municipality)
        coordinates[key] = (float(row["lat"]), float(row["lon"]))
    return coordinates


def coordinates_by_name(
    coordinates: dict[tuple[str, str], tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    """Normalised place name -> coordinates, for names that occur once only."""
    seen: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (name, _), point in coordinates.items():
        seen[name].append(point)
    return {name: points[0] for name, points in seen.items() if len(points) == 1}


def municipality_coordinates(
    municipalities: list[MunicipalityRow],
    towns: list[TownRow],
    coordinates: dict[tuple[str, str], tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    """Municipality name -> coordinates: its same-named place, else the mean of its places.

    GeoNames still uses some pre-merger municipality names, so a municipality's
    places are also found through its CBS towns. The few small municipalities
    with no place in GeoNames' list take the mean of their COROP area.
    """
    unique_names = coordinates_by_name(coordinates)
    by_municipality: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (_, municipality), point in coordinates.items():
        by_municipality[municipality].append(point)
    for town in towns:
        town_point = unique_names.get(normalise_place_name(town.name))
        key = normalise_place_name(without_qualifier(town.municipality))
        if town_point and town_point not in by_municipality[key]:
            by_municipality[key].append(town_point)
    result: dict[str, tuple[float, float]] = {}
    for row in municipalities:
        key = normalise_place_name(without_qualifier(row.name))
        same_named = coordinates.get((key, key))
        points = by_municipality.get(key, [])
        if same_named:
            result[row.name] = same_named
        elif points:
            result[row.name] = _mean(points)
    by_corop: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in municipalities:
        if row.name in result:
            by_corop[row.corop].append(result[row.name])
    for row in municipalities:
        if row.name not in result and by_corop[row.corop]:
            result[row.name] = _mean(by_corop[row.corop])
    return result


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        sum(lat for lat, _ in points) / len(points),
        sum(lon for _, lon in points) / len(points),
    )
