"""From a profile to one to three training paths: ordered steps, why, cost, who pays.

The rules a loopbaanadviseur uses, in short:
- experience in the same field earns exemptions (EVC); related experience is
  shown on the job (praktijkverklaring);
- no diploma: start with entree, then level 2; mbo 2, vmbo or higher: level 3-4;
- a field that requires Dutch at 3F (kinderopvang) or a newcomer who is not yet
  fluent gets a Dutch course first;
- working people learn in the BBL; a full-time BOL only fits someone with the time;
- a certificate or a short course is the quick start next to a whole diploma.
"""

from __future__ import annotations

import datetime as dt

from advice.fields import Field, Knowledge
from advice.intake import target_field
from advice.offers import OfferFinder
from advice.profile import Profile
from advice.routes import diploma_route, named_route, quick_route, short_route, target_route
from advice.schemas import TrainingPath
from advice.steps import MAX_START, OWN_LEVEL, PlanContext
from advice.texts import text

MAX_PATHS = 3


def plan_paths(
    profile: Profile, *, knowledge: Knowledge, finder: OfferFinder, today: dt.date
) -> list[TrainingPath]:
    own = OWN_LEVEL.get(profile.education or "", 2)
    place = profile.location if profile.location and finder.place_known(profile.location) else None
    ctx = PlanContext(
        profile=profile,
        knowledge=knowledge,
        finder=finder,
        today=today,
        own_level=own,
        max_start=MAX_START[own],
        place=place,
        times=tuple(profile.times),
    )
    fields = _fields(ctx)
    candidates: list[TrainingPath | None] = []
    wish = profile.target_occupation or profile.target_topic
    known = knowledge.field_of(
        occupation=profile.target_occupation, sector=None, topic=profile.target_topic
    )
    if wish and known is None:
        # A target the field knowledge does not know ("doktersassistent"): its own
        # programme from the catalogue comes first, not routes of the current field.
        named = target_route(ctx, wish)
        if named is not None:
            fields = fields if profile.goal in ("doorgroeien", "bijscholen") else []
            candidates.append(named)
    courses_first = profile.goal in ("certificaat", "bijscholen")
    if len(fields) == 1:
        if courses_first:
            routes = (named_route, short_route)
        elif profile.goal == "doorgroeien":
            # A certificate below one's own level is no step up; courses are.
            routes = (diploma_route, short_route)
        else:
            routes = (diploma_route, quick_route)
        candidates += [route(ctx, fields[0]) for route in routes]
    else:
        # No field chosen: one route in each field where work is easy to find.
        route = quick_route if profile.goal == "werk_vinden" else diploma_route
        candidates += [route(ctx, field, in_field=True) for field in fields]
    paths = _unique(_without_repeats([p for p in candidates if p is not None]))
    for number, path in enumerate(paths[:MAX_PATHS], start=1):
        path.title = path.title.replace("{number}", str(number))
        _evening_note(profile, path)
    return paths[:MAX_PATHS]


def _evening_note(profile: Profile, path: TrainingPath) -> None:
    """Only evenings, and a programme with no evening or part-time class: say so."""
    if "avond" not in profile.times or "overdag" in profile.times:
        return
    for step in path.steps:
        modes = set(step.course.learning_modes) if step.course else set()
        if step.kind in ("diploma", "certificaat") and not modes & {"avond", "deeltijd"}:
            path.notes.append(text("note_evening"))
            return


def _fields(ctx: PlanContext) -> list[Field]:
    profile, knowledge = ctx.profile, ctx.knowledge
    target = target_field(profile, knowledge)
    current = knowledge.field_of(
        occupation=profile.current_occupation, sector=profile.current_sector, topic=None
    )
    builds_on_work = profile.goal in ("doorgroeien", "bijscholen")
    chosen = (target or current) if builds_on_work else target
    if chosen is not None:
        return [chosen]
    if profile.goal in ("certificaat", "bijscholen") and current is not None:
        return [current]
    # No field in mind: the fields where mbo jobs are easy to find, but for the
    # ones the person ruled out ("niet de zorg").
    ruled_out = set(profile.not_sectors)
    return [
        knowledge.fields[name]
        for name in knowledge.in_demand
        if name in knowledge.fields and not ruled_out & set(knowledge.fields[name].sectors)
    ]


# --- paths ------------------------------------------------------------------


def _without_repeats(paths: list[TrainingPath]) -> list[TrainingPath]:
    """Drop courses an earlier route already has; keep routes that still hold a course."""
    shown: set[int] = set()
    result = []
    for path in paths:
        steps = [
            s for s in path.steps if s.kind in ("taal", "entree", "diploma")
            or s.course is None or s.course.id not in shown
        ]  # fmt: skip
        if not any(step.course is not None for step in steps):
            continue
        shown.update(step.course.id for step in steps if step.course is not None)
        result.append(path.model_copy(update={"steps": steps}))
    return result


def _unique(paths: list[TrainingPath]) -> list[TrainingPath]:
    seen: set[tuple[str, ...]] = set()
    result = []
    for path in paths:
        key = tuple(step.title for step in path.steps)
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result
