"""The fields of work the planner knows, loaded from fields.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FIELDS_FILE = Path(__file__).with_name("fields.yml")


@dataclass(frozen=True)
class Field:
    name: str
    family: str
    sectors: tuple[str, ...]
    topics: tuple[str, ...]
    # crebo per mbo level (1 = entree).
    diplomas: dict[int, str]
    certificates: tuple[str, ...] = ()
    first_steps: tuple[str, ...] = ()
    courses: tuple[str, ...] = ()
    occupations: dict[str, int] = field(default_factory=dict)
    dutch_3f: bool = False
    dutch_course: str | None = None

    def diploma_level_for(self, wanted: int) -> int | None:
        """The field's diploma level closest to `wanted`, not above it if possible."""
        levels = sorted(self.diplomas)
        below = [level for level in levels if level <= wanted]
        if below:
            return below[-1]
        return levels[0] if levels else None


@dataclass(frozen=True)
class Knowledge:
    fields: dict[str, Field]
    in_demand: tuple[str, ...]
    dutch_course: str

    def field_of(
        self, *, occupation: str | None, sector: str | None, topic: str | None
    ) -> Field | None:
        """The field an occupation, topic or sector belongs to (in that order of trust)."""
        if occupation:
            found = self._by_occupation(occupation)
            if found is not None:
                return found
        if topic:
            for candidate in self.fields.values():
                if topic in candidate.topics:
                    return candidate
        if sector:
            if sector in self.fields:
                return self.fields[sector]
            for candidate in self.fields.values():
                if sector in candidate.sectors:
                    return candidate
            # "ik werk in de bibliotheek": a topic can name the field one works in.
            for candidate in self.fields.values():
                if sector in candidate.topics:
                    return candidate
        return None

    def occupation_level(self, occupation: str | None) -> int | None:
        if not occupation:
            return None
        found = self._by_occupation(occupation)
        if found is None:
            return None
        return found.occupations[_best_title(found, occupation)]

    def _by_occupation(self, occupation: str) -> Field | None:
        # The longest title that is part of what the person said wins:
        # "gespecialiseerd pedagogisch medewerker" before "pedagogisch medewerker".
        best: tuple[int, Field] | None = None
        for candidate in self.fields.values():
            for title in candidate.occupations:
                if title in occupation and (best is None or len(title) > best[0]):
                    best = (len(title), candidate)
        return best[1] if best else None


def _best_title(found: Field, occupation: str) -> str:
    return max((t for t in found.occupations if t in occupation), key=len)


def _tuple(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in raw.get(key) or ())


@lru_cache(maxsize=4)
def load_knowledge(path: Path = FIELDS_FILE) -> Knowledge:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = {
        name: Field(
            name=name,
            family=str(raw["family"]),
            sectors=_tuple(raw, "sectors"),
            topics=_tuple(raw, "topics"),
            diplomas={int(level): str(crebo) for level, crebo in raw["diplomas"].items()},
            certificates=_tuple(raw, "certificates"),
            first_steps=_tuple(raw, "first_steps"),
            courses=_tuple(raw, "courses"),
            occupations={str(k): int(v) for k, v in (raw.get("occupations") or {}).items()},
            dutch_3f=bool(raw.get("dutch_3f", False)),
            dutch_course=raw.get("dutch_course"),
        )
        for name, raw in data["fields"].items()
    }
    return Knowledge(
        fields=fields,
        in_demand=tuple(data["in_demand"]),
        dutch_course=str(data["dutch_course"]),
    )
