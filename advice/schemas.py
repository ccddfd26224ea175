"""The shape of a training path: the `path` custom payload of contracts.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from catalogue.schemas import CourseCard

StepKind = Literal[
    "evc", "praktijkverklaring", "taal", "entree", "diploma", "certificaat", "cursus"
]


class FundingOption(BaseModel):
    """Who might pay for a step, with the reason it applies."""

    id: str
    title: str
    text: str
    # For a scheme the funding engine checked: its outcome for what is known.
    outcome: Literal["eligible", "not_eligible", "unknown"] | None = None
    url: str | None = None


class PathStep(BaseModel):
    title: str
    kind: StepKind
    why: str
    course: CourseCard | None = None
    funding: list[FundingOption] = []


class TrainingPath(BaseModel):
    title: str
    steps: list[PathStep]
    cost_eur: float | None
    weeks: int | None
    notes: list[str] = []

    def payload(self) -> dict[str, object]:
        """The custom message of contracts.md, extended with title, cost and notes."""
        return {"type": "path", **self.model_dump(mode="json")}
