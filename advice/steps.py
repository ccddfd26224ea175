"""The steps of a path: each with the nearest offering, a reason and who might pay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advice.fields import Field, Knowledge
from advice.funding_options import funding_for
from advice.offers import OfferFinder
from advice.profile import Profile
from advice.schemas import PathStep, StepKind
from advice.texts import text
from catalogue.schemas import CourseCard

OWN_LEVEL = {
    "geen": 0, "entree": 1, "1": 1, "vmbo": 2, "2": 2, "3": 3, "4": 4,
    "havo": 4, "vwo": 4, "hbo": 4, "wo": 4,
}  # fmt: skip
# Highest mbo level one may start with that education (toelatingseisen mbo).
MAX_START = {0: 1, 1: 2, 2: 4, 3: 4, 4: 4}
NEAR_KM = 30.0
# A full-time BOL asks about 32 hours a week; less means BBL or part-time.
BOL_HOURS = 24


@dataclass(frozen=True)
class PlanContext:
    profile: Profile
    knowledge: Knowledge
    finder: OfferFinder
    today: dt.date
    own_level: int
    max_start: int
    place: str | None
    times: tuple[str, ...]


def target_level(ctx: PlanContext, field: Field) -> int | None:
    profile, knowledge = ctx.profile, ctx.knowledge
    wanted_by_title = knowledge.occupation_level(profile.target_occupation)
    current_level = knowledge.occupation_level(profile.current_occupation)
    if profile.goal == "doorgroeien":
        if wanted_by_title is not None:
            wanted = wanted_by_title
        else:
            wanted = min(4, max(current_level or 0, ctx.own_level) + 1)
    elif profile.goal == "werk_vinden":
        wanted = 2 if ctx.own_level <= 2 else 3
    else:
        wanted = wanted_by_title or (3 if ctx.own_level <= 3 else 4)
    # No diploma: the path goes through entree to level 2.
    wanted = min(wanted, max(ctx.max_start, 2))
    return field.diploma_level_for(wanted)


def learning_route(ctx: PlanContext, notes: list[str]) -> str:
    profile = ctx.profile
    excluded = set(profile.excluded_modes)
    if profile.learning_mode in ("bbl", "bol"):
        mode = profile.learning_mode
    elif profile.employment == "werkend" or profile.learning_mode in ("deeltijd", "online"):
        mode = "bbl"
    elif profile.hours_per_week is not None and profile.hours_per_week >= BOL_HOURS:
        mode = "bol"
    else:
        mode = "bbl"
    if mode in excluded:
        # "bbl gaat niet": the other route, said in the path's notes.
        other = "bol" if mode == "bbl" else "bbl"
        if other not in excluded:
            notes.append(text("note_mode_excluded", mode=other.upper()))
            return other
        return mode
    hours = profile.hours_per_week
    if mode == "bol" and hours is not None and hours < BOL_HOURS and "bbl" not in excluded:
        notes.append(text("note_hours", hours=hours))
        mode = "bbl"
    return mode


def dutch_steps(ctx: PlanContext, field: Field) -> list[PathStep]:
    profile = ctx.profile
    works_in_field = profile.employment == "werkend" and (
        ctx.knowledge.field_of(
            occupation=profile.current_occupation, sector=profile.current_sector, topic=None
        )
        == field
    )
    if field.dutch_3f and not works_in_field:
        title = field.dutch_course or ctx.knowledge.dutch_course
        step = titled_step(ctx, title, "taal", text("why_dutch_field", field=field.name))
    elif profile.newcomer and profile.dutch_ok is not True:
        step = titled_step(ctx, ctx.knowledge.dutch_course, "taal", text("why_dutch_newcomer"))
    else:
        return []
    return [step] if step is not None else []


def recognition_step(ctx: PlanContext, field: Field, level: int) -> PathStep | None:
    profile, knowledge = ctx.profile, ctx.knowledge
    current = knowledge.field_of(
        occupation=profile.current_occupation, sector=profile.current_sector, topic=None
    )
    related = current is not None and current.family == field.family
    # A job seeker's old work only counts when it is the same field.
    if not related or (profile.goal == "werk_vinden" and current != field):
        return None
    assert current is not None
    crebo = field.diplomas[level]
    years = profile.years_experience or 0
    job = profile.current_occupation
    sector = profile.current_sector or current.name
    if current == field and years >= 2:
        card = ctx.finder.by_crebo(crebo, kind="evc", place=ctx.place)
        if job:
            why = text("why_evc", years=profile.years_said or f"{years} jaar", job=job)
        else:
            why = text("why_evc_sector", years=profile.years_said or f"{years} jaar", sector=sector)
        kind: StepKind = "evc"
    else:
        card = ctx.finder.by_crebo(crebo, kind="praktijkverklaring", place=ctx.place)
        if job:
            why = text("why_praktijkverklaring", job=job)
        else:
            why = text("why_praktijkverklaring_sector", sector=sector)
        kind = "praktijkverklaring"
    if card is None:
        return None
    return finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)


def diploma_step(ctx: PlanContext, kind: StepKind, crebo: str, why: str, *, mode: str) -> PathStep:
    card = ctx.finder.by_crebo(crebo, kind="diploma", place=ctx.place, modes=(mode,))
    return finish(
        ctx, PathStep(title=offering_title(card, crebo), kind=kind, why=why), card, mode=mode
    )


def titled_step(ctx: PlanContext, title: str, kind: StepKind, why: str) -> PathStep | None:
    card = ctx.finder.by_title(title, place=ctx.place, modes=ctx.times)
    if card is None or not admitted(ctx, card):
        return None
    return finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)


def finish(
    ctx: PlanContext, step: PathStep, card: CourseCard | None, *, mode: str | None = None
) -> PathStep:
    """Attach the course, say when it is far away, and add who might pay."""
    why = step.why
    if card is None:
        why += " " + text("not_in_catalogue")
    elif ctx.place and card.distance_km is not None and card.distance_km > NEAR_KM:
        why += " " + text("far_away", place=ctx.place.title(), town=card.place)
    funding = funding_for(ctx.profile, kind=step.kind, card=card, mode=mode, today=ctx.today)
    return step.model_copy(update={"why": why, "course": card, "funding": funding})


def admitted(ctx: PlanContext, card: CourseCard) -> bool:
    if card.admission_level is None or ctx.profile.education is None:
        return True
    return card.admission_level <= max(ctx.own_level, 1)


def diploma_why(ctx: PlanContext, field: Field, level: int, card: CourseCard | None) -> str:
    name = offering_title(card, field.diplomas[level]).lower()
    if ctx.profile.goal == "doorgroeien":
        return text("why_diploma_up", level=level, title=name)
    if ctx.max_start < level:
        return text("why_diploma_after_entree", level=level, field=field.name)
    return text("why_diploma_new", level=level, field=field.name)


def offering_title(card: CourseCard | None, crebo: str) -> str:
    return card.title if card is not None else f"Mbo-opleiding (crebo {crebo})"


def qualification_name(card: CourseCard | None, crebo: str) -> str:
    if card is None:
        return f"crebo {crebo}"
    level = f" (niveau {card.level})" if card.level else ""
    return f"{card.title}{level}"
