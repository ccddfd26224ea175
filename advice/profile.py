"""What the conversation knows about a person, and only what advice needs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

Goal = Literal[
    "doorgroeien", "omscholen", "zij-instromen", "werk_vinden", "bijscholen", "certificaat"
]
GOALS: tuple[Goal, ...] = (
    "doorgroeien",
    "omscholen",
    "zij-instromen",
    "werk_vinden",
    "bijscholen",
    "certificaat",
)
Employment = Literal["werkend", "werkzoekend"]
Payer = Literal["werkgever", "uwv", "gemeente", "zelf"]
# Highest education, as the NLU's education_level values.
EDUCATION_LEVELS: tuple[str, ...] = (
    "geen", "entree", "1", "2", "3", "4", "vmbo", "havo", "vwo", "hbo", "wo",
)  # fmt: skip
LEARNING_MODES: tuple[str, ...] = ("bbl", "bol", "deeltijd", "online")
TIMES: tuple[str, ...] = ("overdag", "avond", "weekend")

# The intake questions, by the fact they ask for (advice/intake.py asks them).
Fact = Literal[
    "goal",
    "target",
    "current_work",
    "years_experience",
    "education",
    "location",
    "dutch",
    "hours",
    "times",
    "learning_mode",
    "payer",
    "budget",
]


class Profile(BaseModel):
    """The intake's facts. None means not known yet; `skipped` holds facts
    answered with "weet ik niet" or "maakt niet uit", which count as answered."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    goal: Goal | None = None
    current_occupation: str | None = None
    current_sector: str | None = None
    target_occupation: str | None = None
    target_sector: str | None = None
    target_topic: str | None = None
    years_experience: int | None = None
    education: str | None = None
    location: str | None = None
    hours_per_week: int | None = None
    times: list[str] = []
    learning_mode: str | None = None
    budget_eur: int | None = None
    payer: Payer | None = None
    employment: Employment | None = None
    benefit: Literal["ww", "bijstand"] | None = None
    # Their job disappears (werk-naar-werk): the employer often has to help.
    job_at_risk: bool = False
    newcomer: bool = False
    dutch_ok: bool | None = None
    age: int | None = None
    # Fields of work the person ruled out ("niet de zorg").
    not_sectors: list[str] = []
    # Learning modes the person ruled out ("bbl gaat niet").
    excluded_modes: list[str] = []
    # A diploma from abroad: its worth is known only after a diplomawaardering.
    foreign_diploma: bool = False
    # "ik heb geen werkgever": nobody to ask to pay.
    has_employer: bool | None = None
    # Experience in the person's words ("meer dan 5 jaar"), for the texts.
    years_said: str | None = None
    skipped: list[str] = []
    # Paths were given; a later fact re-plans them.
    planned: bool = False

    def answered(self, fact: Fact) -> bool:
        return fact in self.skipped

    @property
    def has_current_work(self) -> bool:
        return self.current_occupation is not None or self.current_sector is not None

    @property
    def has_target(self) -> bool:
        return any((self.target_occupation, self.target_sector, self.target_topic))


def profile_from_slot(value: Any) -> Profile:
    """The profile stored in the conversation; a damaged value starts afresh."""
    if isinstance(value, dict):
        try:
            return Profile.model_validate(value)
        except ValidationError:
            return Profile()
    return Profile()
