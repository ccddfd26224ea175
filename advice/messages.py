"""Paths as chat messages: a short Dutch text plus the `path` custom payload."""

from __future__ import annotations

from typing import Any

from advice.schemas import TrainingPath
from advice.texts import text


def _euros(amount: float) -> str:
    return f"{amount:,.0f}".replace(",", ".")


def path_text(path: TrainingPath) -> str:
    lines = [path.title]
    for number, step in enumerate(path.steps, start=1):
        where = f" ({step.course.place})" if step.course is not None else ""
        lines.append(text("step_line", number=number, title=step.title + where))
    facts = []
    if path.cost_eur:
        facts.append(text("cost_line", cost=_euros(path.cost_eur)))
    else:
        facts.append(text("cost_unknown"))
    if path.weeks:
        if path.weeks == 1:
            facts.append(text("duration_one_week"))
        elif path.weeks < 9:
            facts.append(text("duration_weeks_line", weeks=path.weeks))
        else:
            facts.append(text("duration_line", months=round(path.weeks / 4.35)))
    lines.append(" ".join(facts))
    lines += path.notes
    return "\n".join(lines)


def path_messages(paths: list[TrainingPath]) -> list[dict[str, Any]]:
    """Messages in the order the channel shows them: intro, each path, what next."""
    if not paths:
        return [{"text": text("no_path")}]
    intro = text("intro_one") if len(paths) == 1 else text("intro_many", count=len(paths))
    messages: list[dict[str, Any]] = [{"text": intro}]
    for path in paths:
        messages.append({"text": path_text(path)})
        messages.append({"json_message": path.payload()})
    messages.append({"text": text("next_actions")})
    return messages
