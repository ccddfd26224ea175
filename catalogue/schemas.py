"""API shapes of the catalogue (contracts.md section 3)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

CourseKind = Literal["diploma", "certificaat", "keuzedeel", "cursus", "evc", "praktijkverklaring"]
LEARNING_MODES: tuple[str, ...] = ("bbl", "bol", "deeltijd", "online", "avond", "weekend")


class CourseCard(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    kind: CourseKind
    level: int | None
    crebo: str | None
    sector: str
    provider: str
    place: str
    region: str
    learning_modes: list[str]
    duration_weeks: int | None
    price_eur: float | None
    start_dates: list[dt.date]
    url: str | None
    # Extensions: generated sample rows are labelled, and a place search says how far.
    is_sample: bool
    distance_km: float | None = None
    description: str = ""
    hours_per_week: float | None = None
    admission_level: int | None = None
    # Historical: STAP ended on 1 January 2024.
    in_stap_register: bool = False


class CourseSearchResult(BaseModel):
    total: int
    items: list[CourseCard]


class CourseQuery(BaseModel):
    """Validated search filters; every field optional and combinable."""

    model_config = ConfigDict(frozen=True)

    q: str | None = None
    sector: str | None = None
    level: int | None = None
    kind: CourseKind | None = None
    mode: str | None = None
    place: str | None = None
    radius_km: float = 25.0
    region: str | None = None
    max_price: float | None = None
    limit: int = 10
    offset: int = 0
