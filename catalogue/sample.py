"""Generate the sample offerings: real providers and qualifications, invented details.

Which provider offers which qualification in which town, and with what price,
duration and start dates, is not public as open data in one place. The sample
makes it plausible and deterministic (fixed seed) and marks every row as
sample data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from catalogue.reference import ProviderRow

SEED = 20261120

# Groups that agricultural colleges (AOCs) teach, and ROCs mostly do not.
GREEN_SECTORS = frozenset({"groen"})

# How many of the fitting qualifications a provider offers in one town.
_SHARE_BY_KIND = {"roc": 0.45, "aoc": 0.8, "private": 0.12}

# Sample prices incl. VAT. BBL: employer-paid cursusgeld-like; BOL is
# publicly funded, so the user pays lesgeld, not a course price.
_BBL_PRICE_BY_LEVEL = {1: 290.0, 2: 290.0, 3: 1480.0, 4: 1480.0}
_PRIVATE_PRICE_BY_LEVEL = {1: 1495.0, 2: 1995.0, 3: 2795.0, 4: 3495.0}
_WEEKS_BY_LEVEL = {1: 52, 2: 78, 3: 104, 4: 156}


@dataclass(frozen=True)
class SampleOffering:
    title: str
    crebo: str
    level: int
    sector: str
    provider: str
    town: str
    learning_modes: tuple[str, ...]
    duration_weeks: int
    price_eur: float | None
    start_dates: tuple[dt.date, ...]
    url: str


def next_start_dates(today: dt.date) -> tuple[dt.date, ...]:
    """The next two of the usual mbo starts (1 February, 1 September)."""
    candidates = sorted(
        dt.date(year, month, 1)
        for year in (today.year, today.year + 1, today.year + 2)
        for month in (2, 9)
    )
    return tuple(day for day in candidates if day > today)[:2]


def generate_offerings(
    *,
    providers: list[ProviderRow],
    qualifications: list[dict[str, str]],
    sector_of: dict[str, str],
    today: dt.date,
) -> list[SampleOffering]:
    rng = random.Random(SEED)  # noqa: S311 - sample data, not security
    starts = next_start_dates(today)
    offerings: list[SampleOffering] = []
    for provider in providers:
        share = _SHARE_BY_KIND[provider.kind]
        fitting = [
            q
            for q in qualifications
            if (sector_of[q["code"]] in GREEN_SECTORS) == (provider.kind == "aoc")
            or provider.kind == "private"
        ]
        for town in provider.towns:
            for qualification in fitting:
                if rng.random() > share:
                    continue
                offerings.append(_offering(provider, town, qualification, sector_of, starts, rng))
    return offerings


def _offering(
    provider: ProviderRow,
    town: str,
    qualification: dict[str, str],
    sector_of: dict[str, str],
    starts: tuple[dt.date, ...],
    rng: random.Random,
) -> SampleOffering:
    level = int(qualification["niveau"])
    routes = [r.lower() for r in qualification["leerweg"].split(",") if r in ("BOL", "BBL")]
    if provider.kind == "private":
        modes: tuple[str, ...] = ("deeltijd", "online")
        price: float | None = _PRIVATE_PRICE_BY_LEVEL[level]
    else:
        modes = tuple(r for r in routes if rng.random() < 0.85) or tuple(routes[:1])
        if rng.random() < 0.15 and "bbl" in modes:
            modes = (*modes, "avond")
        price = _BBL_PRICE_BY_LEVEL[level] if modes == ("bbl",) else None
    return SampleOffering(
        title=qualification["naam"][:1].upper() + qualification["naam"][1:],
        crebo=qualification["code"],
        level=level,
        sector=sector_of[qualification["code"]],
        provider=provider.name,
        town=town,
        learning_modes=modes,
        duration_weeks=_WEEKS_BY_LEVEL[level],
        price_eur=price,
        start_dates=starts if rng.random() < 0.6 else starts[1:],
        url=provider.website,
    )
