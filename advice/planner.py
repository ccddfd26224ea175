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
from dataclasses import dataclass

from advice.fields import Field, Knowledge
from advice.funding_options import funding_for
from advice.intake import target_field
from advice.offers import OfferFinder
from advice.profile import Profile
from advice.schemas import PathStep, StepKind, TrainingPath
from advice.texts import text
from catalogue.schemas import CourseCard

# mbo level reached with each education; vmbo counts as ready for level 2-4.
_OWN_LEVEL = {
    "geen": 0, "entree": 1, "1": 1, "vmbo": 2, "2": 2, "3": 3, "4": 4,
    "havo": 4, "vwo": 4, "hbo": 4, "wo": 4,
}  # fmt: skip
# Highest mbo level one may start with that education (toelatingseisen mbo).
_MAX_START = {0: 1, 1: 2, 2: 4, 3: 4, 4: 4}
NEAR_KM = 30.0
MAX_PATHS = 3
# A full-time BOL asks about 32 hours a week; less means BBL or part-time.
BOL_HOURS = 24


@dataclass(frozen=True)
class _Context:
    profile: Profile
    knowledge: Knowledge
    finder: OfferFinder
    today: dt.date
    own_level: int
    max_start: int
    place: str | None
    times: tuple[str, ...]


def plan_paths(
    profile: Profile, *, knowledge: Knowledge, finder: OfferFinder, today: dt.date
) -> list[TrainingPath]:
    own = _OWN_LEVEL.get(profile.education or "", 2)
    place = profile.location if profile.location and finder.place_known(profile.location) else None
    ctx = _Context(
        profile=profile,
        knowledge=knowledge,
        finder=finder,
        today=today,
        own_level=own,
        max_start=_MAX_START[own],
        place=place,
        times=tuple(profile.times),
    )
    fields = _fields(ctx)
    candidates: list[TrainingPath | None] = []
    courses_first = profile.goal in ("certificaat", "bijscholen")
    if len(fields) == 1:
        if courses_first:
            routes = (_named_path, _short_path)
        elif profile.goal == "doorgroeien":
            # A certificate below one's own level is no step up; courses are.
            routes = (_diploma_path, _short_path)
        else:
            routes = (_diploma_path, _quick_path)
        candidates = [route(ctx, fields[0]) for route in routes]
    else:
        # No field chosen: one route in each field where work is easy to find.
        route = _quick_path if profile.goal == "werk_vinden" else _diploma_path
        candidates = [route(ctx, field, in_field=True) for field in fields]
    paths = _unique(_without_repeats([p for p in candidates if p is not None]))
    for number, path in enumerate(paths[:MAX_PATHS], start=1):
        path.title = path.title.replace("{number}", str(number))
    return paths[:MAX_PATHS]


def _fields(ctx: _Context) -> list[Field]:
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
    # No field in mind: the fields where mbo jobs are easy to find.
    return [knowledge.fields[name] for name in knowledge.in_demand if name in knowledge.fields]


# --- paths ------------------------------------------------------------------


def _diploma_path(ctx: _Context, field: Field, *, in_field: bool = False) -> TrainingPath | None:
    profile = ctx.profile
    level = _target_level(ctx, field)
    if level is None:
        return None
    steps: list[PathStep] = []
    notes: list[str] = []
    steps += _dutch_steps(ctx, field)
    mode = _mode(ctx, notes)
    recognition = _recognition_step(ctx, field, level)
    if recognition is not None:
        steps.append(recognition)
    if ctx.max_start < level and 1 in field.diplomas:
        steps.append(_step(ctx, "entree", field.diplomas[1], text("why_entree"), mode=mode))
    crebo = field.diplomas[level]
    card = ctx.finder.by_crebo(crebo, kind="diploma", place=ctx.place, modes=(mode,))
    why = _diploma_why(ctx, field, level, card)
    why += " " + text("why_bbl" if mode == "bbl" else "why_bol")
    step = PathStep(title=_title(card, crebo), kind="diploma", why=why)
    steps.append(_finish(ctx, step, card, mode=mode))
    if profile.education is None or profile.education in profile.skipped:
        notes.append(text("note_admission"))
    title = text("title_diploma", number="{number}", title=_qualification_name(card, crebo))
    return _path(ctx, title, steps, notes)


def _quick_path(ctx: _Context, field: Field, *, in_field: bool = False) -> TrainingPath | None:
    """A first step and a certificate: work sooner, a diploma may follow."""
    steps = list(_dutch_steps(ctx, field))
    for title in field.first_steps:
        step = _titled(ctx, title, "cursus", text("why_first_step"))
        if step is not None:
            steps.append(step)
            break
    for title in field.certificates:
        step = _titled(ctx, title, "certificaat", text("why_certificate"))
        if step is not None:
            steps.append(step)
            break
    if len(steps) == len(_dutch_steps(ctx, field)):
        return None
    if in_field:
        title = text("title_field", number="{number}", field=field.name)
    elif any(step.kind == "certificaat" for step in steps):
        title = text("title_certificate", number="{number}")
    else:
        title = text("title_quick", number="{number}")
    return _path(ctx, title, steps, [])


def _named_path(ctx: _Context, field: Field) -> TrainingPath | None:
    """The certificate or course the person asked for, else the field's first one."""
    profile = ctx.profile
    kinds = ("certificaat",) if profile.goal == "certificaat" else ("cursus", "certificaat")
    card: CourseCard | None = None
    if profile.target_topic:
        card = ctx.finder.by_topic(
            profile.target_topic, kinds=kinds, place=ctx.place, modes=ctx.times
        )
    if card is None:
        for title in (*field.certificates, *field.courses):
            card = ctx.finder.by_title(title, place=ctx.place, modes=ctx.times)
            if card is not None and _admitted(ctx, card):
                break
            card = None
    if card is None:
        return None
    kind: StepKind = "certificaat" if card.kind == "certificaat" else "cursus"
    why = (
        text("why_certificate_named")
        if profile.goal == "certificaat"
        else text("why_course_field", field=field.name)
    )
    step = _finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)
    return _path(ctx, text("title_named", number="{number}", title=card.title), [step], [])


def _short_path(ctx: _Context, field: Field) -> TrainingPath | None:
    """Short courses of the field: keep up without a whole programme."""
    steps = []
    for title in (*field.courses, *field.first_steps):
        step = _titled(ctx, title, "cursus", text("why_course_field", field=field.name))
        if step is not None:
            steps.append(step)
        if len(steps) == 2:
            break
    if not steps:
        return None
    return _path(ctx, text("title_courses", number="{number}"), steps, [])


# --- steps ------------------------------------------------------------------


def _target_level(ctx: _Context, field: Field) -> int | None:
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


def _mode(ctx: _Context, notes: list[str]) -> str:
    profile = ctx.profile
    if profile.learning_mode in ("bbl", "bol"):
        mode = profile.learning_mode
    elif profile.employment == "werkend" or profile.learning_mode in ("deeltijd", "online"):
        mode = "bbl"
    elif profile.hours_per_week is not None and profile.hours_per_week >= BOL_HOURS:
        mode = "bol"
    else:
        mode = "bbl"
    hours = profile.hours_per_week
    if mode == "bol" and hours is not None and hours < BOL_HOURS:
        notes.append(text("note_hours", hours=hours))
        mode = "bbl"
    return mode


def _dutch_steps(ctx: _Context, field: Field) -> list[PathStep]:
    profile = ctx.profile
    works_in_field = profile.employment == "werkend" and (
        ctx.knowledge.field_of(
            occupation=profile.current_occupation, sector=profile.current_sector, topic=None
        )
        == field
    )
    if field.dutch_3f and not works_in_field:
        title = field.dutch_course or ctx.knowledge.dutch_course
        step = _titled(ctx, title, "taal", text("why_dutch_field", field=field.name))
    elif profile.newcomer and profile.dutch_ok is not True:
        step = _titled(ctx, ctx.knowledge.dutch_course, "taal", text("why_dutch_newcomer"))
    else:
        return []
    return [step] if step is not None else []


def _recognition_step(ctx: _Context, field: Field, level: int) -> PathStep | None:
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
    job = profile.current_occupation or f"medewerker {profile.current_sector or current.name}"
    if current == field and years >= 2:
        card = ctx.finder.by_crebo(crebo, kind="evc", place=ctx.place)
        if profile.current_occupation:
            why = text("why_evc", years=years, job=job)
        else:
            why = text("why_evc_sector", years=years, sector=profile.current_sector or field.name)
        kind: StepKind = "evc"
    else:
        card = ctx.finder.by_crebo(crebo, kind="praktijkverklaring", place=ctx.place)
        why = text("why_praktijkverklaring", job=job)
        kind = "praktijkverklaring"
    if card is None:
        return None
    return _finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)


def _step(ctx: _Context, kind: StepKind, crebo: str, why: str, *, mode: str) -> PathStep:
    card = ctx.finder.by_crebo(crebo, kind="diploma", place=ctx.place, modes=(mode,))
    return _finish(ctx, PathStep(title=_title(card, crebo), kind=kind, why=why), card, mode=mode)


def _titled(ctx: _Context, title: str, kind: StepKind, why: str) -> PathStep | None:
    card = ctx.finder.by_title(title, place=ctx.place, modes=ctx.times)
    if card is None or not _admitted(ctx, card):
        return None
    return _finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)


def _finish(
    ctx: _Context, step: PathStep, card: CourseCard | None, *, mode: str | None = None
) -> PathStep:
    """Attach the course, say when it is far away, and add who might pay."""
    why = step.why
    if card is None:
        why += " " + text("not_in_catalogue")
    elif ctx.place and card.distance_km is not None and card.distance_km > NEAR_KM:
        why += " " + text("far_away", place=ctx.place.title(), town=card.place)
    funding = funding_for(ctx.profile, kind=step.kind, card=card, mode=mode, today=ctx.today)
    return step.model_copy(update={"why": why, "course": card, "funding": funding})


def _admitted(ctx: _Context, card: CourseCard) -> bool:
    if card.admission_level is None or ctx.profile.education is None:
        return True
    return card.admission_level <= max(ctx.own_level, 1)


def _diploma_why(ctx: _Context, field: Field, level: int, card: CourseCard | None) -> str:
    name = _title(card, field.diplomas[level]).lower()
    if ctx.profile.goal == "doorgroeien":
        return text("why_diploma_up", level=level, title=name)
    return text("why_diploma_new", level=level, field=field.name)


def _title(card: CourseCard | None, crebo: str) -> str:
    return card.title if card is not None else f"Mbo-opleiding (crebo {crebo})"


def _qualification_name(card: CourseCard | None, crebo: str) -> str:
    if card is None:
        return f"crebo {crebo}"
    level = f" (niveau {card.level})" if card.level else ""
    return f"{card.title}{level}"


def _path(ctx: _Context, title: str, steps: list[PathStep], notes: list[str]) -> TrainingPath:
    courses = [s.course for s in steps if s.course is not None]
    prices = [c.price_eur for c in courses]
    cost = sum(p for p in prices if p is not None) if any(p is not None for p in prices) else None
    weeks = sum(c.duration_weeks or 0 for c in courses) or None
    profile = ctx.profile
    if profile.job_at_risk:
        steps[-1] = steps[-1].model_copy(
            update={"why": steps[-1].why + " " + text("why_job_at_risk")}
        )
    budget = profile.budget_eur
    if profile.payer in (None, "zelf") and budget is not None and cost and cost > budget:
        notes = [*notes, text("note_over_budget")]
    return TrainingPath(
        title=title, steps=steps, cost_eur=round(cost, 2) if cost else cost, weeks=weeks,
        notes=notes,
    )  # fmt: skip


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
