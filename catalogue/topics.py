"""Topics, course templates and recognition routes from catalogue/data/courses.yml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from catalogue.reference import DATA_DIR
from catalogue.text import fold, words


@dataclass(frozen=True)
class TopicSpec:
    name: str
    sector: str
    synonyms: tuple[str, ...]
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class CourseTemplate:
    title: str
    kind: str
    topics: tuple[str, ...]
    sector: str
    admission_level: int | None
    level: int | None
    weeks: int
    hours_per_week: float
    price: tuple[float, float]
    modes: tuple[str, ...]
    offered_by: tuple[str, ...]
    stap: bool
    description: str


@dataclass(frozen=True)
class RecognitionTemplate:
    kind: str
    title: str
    weeks: int
    hours_per_week: float
    price: tuple[float, float]
    description: str


@dataclass(frozen=True)
class CourseData:
    topics: tuple[TopicSpec, ...]
    courses: tuple[CourseTemplate, ...]
    recognition: tuple[RecognitionTemplate, ...]
    recognition_for: tuple[str, ...]


def topic_slug(name: str) -> str:
    """One index token per topic ("smart building" -> "tsmartbuilding"), matched exactly."""
    return "t" + "".join(words(name))


@lru_cache(maxsize=4)
def load_course_data(path: Path = DATA_DIR / "courses.yml") -> CourseData:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    topics = tuple(
        TopicSpec(
            name=name,
            sector=spec["sector"],
            synonyms=tuple(spec.get("synonyms", ())),
            keywords=tuple(spec.get("keywords", ())),
        )
        for name, spec in raw["topics"].items()
    )
    known = {topic.name for topic in topics}
    courses = []
    for spec in raw["courses"]:
        unknown = set(spec["topics"]) - known
        if unknown:
            raise ValueError(f"course {spec['title']!r} names unknown topics {sorted(unknown)}")
        courses.append(
            CourseTemplate(
                title=spec["title"],
                kind=spec["kind"],
                topics=tuple(spec["topics"]),
                sector=spec["sector"],
                admission_level=spec.get("admission_level"),
                level=spec.get("level"),
                weeks=spec["weeks"],
                hours_per_week=spec["hours_per_week"],
                price=(float(spec["price"][0]), float(spec["price"][1])),
                modes=tuple(spec["modes"]),
                offered_by=tuple(spec["offered_by"]),
                stap=bool(spec["stap"]),
                description=spec["description"],
            )
        )
    recognition = tuple(
        RecognitionTemplate(
            kind=spec["kind"],
            title=spec["title"],
            weeks=spec["weeks"],
            hours_per_week=spec["hours_per_week"],
            price=(float(spec["price"][0]), float(spec["price"][1])),
            description=spec["description"],
        )
        for spec in raw["recognition"]
    )
    return CourseData(
        topics=topics,
        courses=tuple(courses),
        recognition=recognition,
        recognition_for=tuple(raw["recognition_for"]),
    )


def topics_in(text: str, topics: tuple[TopicSpec, ...]) -> list[str]:
    """Topics whose keywords occur in a text (a qualification's name, an imported title)."""
    folded = fold(text)
    return [t.name for t in topics if any(fold(k) in folded for k in t.keywords)]
