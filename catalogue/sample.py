"""Generate the sample offerings: real providers and qualifications, invented details.

Which provider offers what where, with which price, hours and start dates,
is not open data in one place. The sample makes it plausible and
deterministic (fixed seed), and every row is marked as sample data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from catalogue.indexing import OfferingFacts
from catalogue.reference import ProviderRow
from catalogue.topics import CourseData, CourseTemplate, topics_in

SEED = 20261120

# How many of the fitting qualifications a provider offers in one town.
_DIPLOMA_SHARE = {
    "roc": 0.45,
    "aoc": 0.8,
    "private": 0.08,
    "vakinstelling": 0.9,
    "bedrijfsschool": 0.5,
}
_COURSE_SHARE = {
    "roc": 0.75,
    "aoc": 0.25,
    "private": 0.5,
    "vakinstelling": 0.5,
    "bedrijfsschool": 0.6,
}
# Who offers a course template's "roc" courses: every publicly funded school.
_SCHOOL_KINDS = frozenset({"roc", "aoc", "vakinstelling", "bedrijfsschool"})
_WEEKS_BY_LEVEL = {1: 52, 2: 78, 3: 104, 4: 156}
# BBL: cursusgeld-like sample prices; BOL is publicly funded (lesgeld, no course price).
_BBL_PRICE_BY_LEVEL = {1: 290.0, 2: 290.0, 3: 1480.0, 4: 1480.0}
_PRIVATE_PRICE_BY_LEVEL = {1: 1495.0, 2: 1995.0, 3: 2795.0, 4: 3495.0}
# Usual minimum prior education per level (entree has none).
_ADMISSION_BY_LEVEL = {1: None, 2: 1, 3: 2, 4: 2}


@dataclass(frozen=True)
class SampleOffering:
    provider: str
    town: str
    facts: OfferingFacts


def next_start_dates(today: dt.date, months: tuple[int, ...] = (2, 9)) -> tuple[dt.date, ...]:
    """Upcoming first-of-month starts in the given months, nearest first."""
    candidates = sorted(
        dt.date(year, month, 1) for year in (today.year, today.year + 1) for month in months
    )
    return tuple(day for day in candidates if day > today)


def _price(low: float, high: float, rng: random.Random) -> float:
    if high <= 0:
        return 0.0
    # Prices end in 5 like course prices do (995, 1495).
    return float(max(0, round(rng.uniform(low, high) / 50) * 50 - 5))


def generate_offerings(
    *,
    providers: list[ProviderRow],
    qualifications: list[dict[str, str]],
    # Canonical sectors per crebo, primary first.
    sectors_of: dict[str, tuple[str, ...]],
    course_data: CourseData,
    today: dt.date,
) -> list[SampleOffering]:
    rng = random.Random(SEED)  # noqa: S311 - sample data, not security
    offerings: list[SampleOffering] = []
    for provider in providers:
        for town in provider.towns:
            offerings += _diplomas(
                provider, town, qualifications, sectors_of, course_data, today, rng
            )
            offerings += _courses(provider, town, course_data.courses, today, rng)
            if provider.kind == "roc":
                offerings += _recognition(
                    provider, town, qualifications, sectors_of, course_data, today, rng
                )
    return offerings


def _diplomas(
    provider: ProviderRow,
    town: str,
    qualifications: list[dict[str, str]],
    # Canonical sectors per crebo, primary first.
    sectors_of: dict[str, tuple[str, ...]],
    course_data: CourseData,
    today: dt.date,
    rng: random.Random,
) -> list[SampleOffering]:
    result = []
    starts = next_start_dates(today)[:2]
    for q in qualifications:
        green = sectors_of[q["code"]][0] == "groen"
        if provider.sectors:
            if sectors_of[q["code"]][0] not in provider.sectors:
                continue
        elif provider.kind != "private" and green != (provider.kind == "aoc"):
            continue
        if rng.random() > _DIPLOMA_SHARE[provider.kind]:
            continue
        level = int(q["niveau"])
        routes = [r.lower() for r in q["leerweg"].split(",") if r in ("BOL", "BBL")]
        if provider.kind == "private":
            modes: tuple[str, ...] = ("deeltijd", "online")
            price: float | None = _PRIVATE_PRICE_BY_LEVEL[level]
        else:
            modes = tuple(r for r in routes if rng.random() < 0.85) or tuple(routes[:1])
            if "bbl" in modes and rng.random() < 0.15:
                modes = (*modes, "avond")
            price = _BBL_PRICE_BY_LEVEL[level] if modes[0] == "bbl" and len(modes) <= 2 else None
        name = q["naam"][:1].upper() + q["naam"][1:]
        result.append(
            SampleOffering(
                provider=provider.name,
                town=town,
                facts=OfferingFacts(
                    external_ref=f"sample-diploma-{q['code']}-{town}",
                    title=name,
                    description=(
                        f"Mbo-opleiding {name} op niveau {level}. "
                        f"Kwalificatiedossier {q['dossier_naam']}."
                    ),
                    kind="diploma",
                    crebo=q["code"],
                    level=level,
                    sector=sectors_of[q["code"]][0],
                    extra_sectors=sectors_of[q["code"]][1:],
                    learning_modes=modes,
                    duration_weeks=_WEEKS_BY_LEVEL[level],
                    hours_per_week=8.0 if modes[0] == "bbl" else 26.0,
                    price_eur=price,
                    start_dates=starts if rng.random() < 0.6 else starts[1:],
                    admission_level=_ADMISSION_BY_LEVEL[level],
                    in_stap_register=provider.kind == "private",
                    url=provider.website,
                    topics=tuple(topics_in(f"{q['naam']} {q['dossier_naam']}", course_data.topics)),
                    dossier=q["dossier_naam"],
                    is_sample=True,
                ),
            )
        )
    return result


def _courses(
    provider: ProviderRow,
    town: str,
    templates: tuple[CourseTemplate, ...],
    today: dt.date,
    rng: random.Random,
) -> list[SampleOffering]:
    result = []
    monthly = next_start_dates(today, months=tuple(range(1, 13)))
    for template in templates:
        kind = "roc" if provider.kind in _SCHOOL_KINDS else provider.kind
        if provider.sectors and template.sector not in provider.sectors:
            continue
        if kind not in template.offered_by or rng.random() > _COURSE_SHARE[provider.kind]:
            continue
        first = rng.randrange(0, 3)
        result.append(
            SampleOffering(
                provider=provider.name,
                town=town,
                facts=OfferingFacts(
                    external_ref=f"sample-{template.kind}-{template.title}-{town}",
                    title=template.title,
                    description=template.description,
                    kind=template.kind,
                    crebo=None,
                    level=template.level,
                    sector=template.sector,
                    extra_sectors=(),
                    learning_modes=template.modes,
                    duration_weeks=template.weeks,
                    hours_per_week=template.hours_per_week,
                    price_eur=_price(*template.price, rng),
                    start_dates=monthly[first : first + 3 : rng.choice((1, 2))],
                    admission_level=template.admission_level,
                    in_stap_register=template.stap,
                    url=provider.website,
                    topics=template.topics,
                    dossier="",
                    is_sample=True,
                ),
            )
        )
    return result


def _recognition(
    provider: ProviderRow,
    town: str,
    qualifications: list[dict[str, str]],
    # Canonical sectors per crebo, primary first.
    sectors_of: dict[str, tuple[str, ...]],
    course_data: CourseData,
    today: dt.date,
    rng: random.Random,
) -> list[SampleOffering]:
    result = []
    monthly = next_start_dates(today, months=tuple(range(1, 13)))
    wanted = tuple(name.lower() for name in course_data.recognition_for)
    for q in qualifications:
        if not any(fragment in q["naam"].lower() for fragment in wanted):
            continue
        for template in course_data.recognition:
            if rng.random() > 0.35:
                continue
            name = q["naam"][:1].upper() + q["naam"][1:]
            result.append(
                SampleOffering(
                    provider=provider.name,
                    town=town,
                    facts=OfferingFacts(
                        external_ref=f"sample-{template.kind}-{q['code']}-{town}",
                        title=template.title.format(qualification=name),
                        description=template.description.format(qualification=name),
                        kind=template.kind,
                        crebo=q["code"],
                        level=int(q["niveau"]),
                        sector=sectors_of[q["code"]][0],
                        extra_sectors=sectors_of[q["code"]][1:],
                        learning_modes=("deeltijd",),
                        duration_weeks=template.weeks,
                        hours_per_week=template.hours_per_week,
                        price_eur=_price(*template.price, rng),
                        start_dates=monthly[:2],
                        admission_level=None,
                        in_stap_register=template.kind == "evc",
                        url=provider.website,
                        topics=tuple(topics_in(q["naam"], course_data.topics)),
                        dossier=q["dossier_naam"],
                        is_sample=True,
                    ),
                )
            )
    return result
