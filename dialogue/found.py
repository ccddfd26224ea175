"""What one message said about the person, before it is stored in the state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogue.state import Source


@dataclass
class Found:
    """Facts a message gave, in the order found; later ones win."""

    values: dict[str, tuple[Any, str | None, Source]] = field(default_factory=dict)
    # Sectors ruled out ("niet de zorg").
    not_sectors: list[str] = field(default_factory=list)
    # The pending question was answered with "weet ik niet" / "maakt niet uit".
    skipped: bool = False

    def put(self, name: str, value: Any, said: str | None, source: Source = "typed") -> None:
        self.values[name] = (value, said, source)

    def __contains__(self, name: str) -> bool:
        return name in self.values
