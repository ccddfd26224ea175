"""The kinds of route the planner offers: diploma, quick start, named course, short courses."""

from __future__ import annotations

from advice.fields import Field
from advice.schemas import PathStep, StepKind, TrainingPath
from advice.steps import (
    PlanContext,
    admitted,
    diploma_step,
    diploma_why,
    dutch_steps,
    finish,
    learning_route,
    offering_title,
    qualification_name,
    recognition_step,
    target_level,
    titled_step,
)
from advice.texts import text
from catalogue.schemas import CourseCard


def diploma_route(ctx: PlanContext, field: Field, *, in_field: bool = False) -> TrainingPath | None:
    profile = ctx.profile
    level = target_level(ctx, field)
    if level is None:
        return None
    steps: list[PathStep] = []
    notes: list[str] = []
    steps += dutch_steps(ctx, field)
    mode = learning_route(ctx, notes)
    recognition = recognition_step(ctx, field, level)
    if recognition is not None:
        steps.append(recognition)
    if ctx.max_start < level and 1 in field.diplomas:
        steps.append(diploma_step(ctx, "entree", field.diplomas[1], text("why_entree"), mode=mode))
    crebo = field.diplomas[level]
    card = ctx.finder.by_crebo(crebo, kind="diploma", place=ctx.place, modes=(mode,))
    why = diploma_why(ctx, field, level, card)
    why += " " + text("why_bbl" if mode == "bbl" else "why_bol")
    step = PathStep(title=offering_title(card, crebo), kind="diploma", why=why)
    steps.append(finish(ctx, step, card, mode=mode))
    if profile.education is None or profile.education in profile.skipped:
        notes.append(text("note_admission"))
    title = text("title_diploma", number="{number}", title=qualification_name(card, crebo))
    return make_path(ctx, title, steps, notes)


def quick_route(ctx: PlanContext, field: Field, *, in_field: bool = False) -> TrainingPath | None:
    """A first step and a certificate: work sooner, a diploma may follow."""
    steps = list(dutch_steps(ctx, field))
    for title in field.first_steps:
        step = titled_step(ctx, title, "cursus", text("why_first_step"))
        if step is not None:
            steps.append(step)
            break
    for title in field.certificates:
        step = titled_step(ctx, title, "certificaat", text("why_certificate"))
        if step is not None:
            steps.append(step)
            break
    if len(steps) == len(dutch_steps(ctx, field)):
        return None
    if in_field:
        title = text("title_field", number="{number}", field=field.name)
    elif any(step.kind == "certificaat" for step in steps):
        title = text("title_certificate", number="{number}")
    else:
        title = text("title_quick", number="{number}")
    return make_path(ctx, title, steps, [])


def target_route(ctx: PlanContext, wish: str) -> TrainingPath | None:
    """The programme for a job the person named, found by its name in the catalogue."""
    modes = ctx.times
    if "bbl" in ctx.profile.excluded_modes:
        # "bbl gaat niet": an offering with another route first.
        modes = (*ctx.times, "bol", "deeltijd")
    for kinds in (("diploma",), ("certificaat", "cursus")):
        card = ctx.finder.by_topic(wish, kinds=kinds, place=ctx.place, modes=modes)
        if card is not None and admitted(ctx, card):
            kind: StepKind = "diploma" if card.kind == "diploma" else "cursus"
            if card.kind == "certificaat":
                kind = "certificaat"
            why = text("why_target", target=wish)
            step = finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)
            title = text("title_named", number="{number}", title=card.title)
            return make_path(ctx, title, [step], [])
    return None


def named_route(ctx: PlanContext, field: Field) -> TrainingPath | None:
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
            if card is not None and admitted(ctx, card):
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
    step = finish(ctx, PathStep(title=card.title, kind=kind, why=why), card)
    return make_path(ctx, text("title_named", number="{number}", title=card.title), [step], [])


def short_route(ctx: PlanContext, field: Field) -> TrainingPath | None:
    """Short courses of the field: keep up without a whole programme."""
    steps = []
    for title in (*field.courses, *field.first_steps):
        step = titled_step(ctx, title, "cursus", text("why_course_field", field=field.name))
        if step is not None:
            steps.append(step)
        if len(steps) == 2:
            break
    if not steps:
        return None
    return make_path(ctx, text("title_courses", number="{number}"), steps, [])


# --- steps ------------------------------------------------------------------


def make_path(
    ctx: PlanContext, title: str, steps: list[PathStep], notes: list[str]
) -> TrainingPath:
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
