"""What the dialogue asks of the rest of the product: the catalogue, the planner, a counsellor.

The step function takes these as one object, so it stays plain Python: the
action server passes the real catalogue and handoff queue (actions/services.py),
and the unit tests pass the same over a test catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from advice.profile import Profile
from advice.schemas import TrainingPath
from catalogue.schemas import CourseCard, CourseQuery, CourseSearchResult


class CatalogueUnavailableError(Exception):
    """The catalogue could not be read (database down); the person gets an apology."""


@dataclass(frozen=True)
class Found:
    result: CourseSearchResult
    # False when the place was unknown and the search ran without it.
    place_known: bool = True


class Services(Protocol):
    def search(self, query: CourseQuery) -> Found: ...

    def place_known(self, place: str) -> bool: ...

    def plan(self, profile: Profile) -> list[TrainingPath]: ...

    def course(self, course_id: int) -> CourseCard | None: ...

    def hand_over(self, *, reason: str, place: str | None) -> list[dict[str, Any]]: ...
