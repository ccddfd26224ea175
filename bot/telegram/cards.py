"""Structured results (the ``custom`` payloads of contracts.md) as readable Telegram HTML.

Every value is escaped; links come only from the structured url fields. Each
line is complete HTML on its own, so a long result can be split between lines.
The labels are the web widget's, so both channels use the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bot.telegram.markup import bold, escape, link, one_line, safe_url
from bot.telegram.texts import HANDOFF, MONTHS, OUTCOME, REASON_STATUS

Json = dict[str, Any]
SHOWN_START_DATES = 3


def render_custom(custom: Json) -> str | None:
    """The result as HTML, or None for a type this channel does not show."""
    renderer = _RENDERERS.get(str(custom.get("type")))
    if renderer is None:
        return None
    lines = [line for line in renderer(custom) if line is not None]
    return "\n".join(lines).strip("\n") or None


def euros(amount: float) -> str:
    try:
        value = float(amount)
    except (TypeError, ValueError):
        return escape(amount)
    whole = f"{value:,.0f}".replace(",", ".")
    if value == round(value):
        return f"€ {whole}"
    return "€ " + f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def date_nl(value: object) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _fact(name: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    return f"{escape(name)}: {escape(one_line(value))}"


def _dicts(value: object) -> list[Json]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _course(course: Json) -> list[str | None]:
    level = f" (niveau {course['level']})" if course.get("level") else ""
    place = course.get("place")
    distance = course.get("distance_km")
    if place and isinstance(distance, int | float) and distance > 0:
        place = f"{place} ({round(distance)} km)"
    modes = course.get("learning_modes")
    price = course.get("price_eur")
    weeks = course.get("duration_weeks")
    starts = [date_nl(d) for d in (course.get("start_dates") or [])[:SHOWN_START_DATES]]
    return [
        bold(f"{course.get('title', '')}{level}"),
        _fact("Aanbieder", course.get("provider")),
        _fact("Plaats", place),
        _fact("Zo leer je", ", ".join(modes).upper() if isinstance(modes, list) else None),
        _fact("Duur", f"{weeks} weken" if weeks else None),
        _fact("Prijs", "vraag de school" if price is None else euros(price)),
        _fact("Start", ", ".join(starts) or None),
        link(course.get("url"), f"Meer over {course.get('title', 'deze opleiding')}"),
    ]


def _course_list(custom: Json) -> list[str | None]:
    lines: list[str | None] = []
    for course in _dicts(custom.get("courses")):
        if lines:
            lines.append("")
        lines += _course(course)
    return lines


def _path(custom: Json) -> list[str | None]:
    lines: list[str | None] = [bold(custom.get("title") or "Jouw route")]
    for number, step in enumerate(_dicts(custom.get("steps")), start=1):
        lines += ["", f"{number}. {bold(step.get('title', ''))}"]
        if step.get("why"):
            lines.append(escape(one_line(step["why"])))
        course = step.get("course")
        if isinstance(course, dict):
            price = course.get("price_eur")
            where = [
                course.get("provider"),
                course.get("place"),
                "prijs: vraag de school" if price is None else euros(price),
            ]
            lines.append(escape(" · ".join(one_line(w) for w in where if w)))
            lines.append(link(course.get("url"), f"Meer over {course.get('title', '')}"))
        funding = _dicts(step.get("funding"))
        if funding:
            lines.append("Wie kan betalen:")
            for option in funding:
                text = f"- {one_line(option.get('title', ''))}"
                if option.get("text"):
                    text += f": {one_line(option['text'])}"
                more = link(option.get("url"), "Meer informatie")
                lines.append(escape(text) + (f" {more}" if more else ""))
    totals = []
    if custom.get("cost_eur"):
        totals.append(f"Kosten samen: {euros(custom['cost_eur'])}")
    if custom.get("weeks"):
        totals.append(f"Duur: ongeveer {custom['weeks']} weken")
    if totals:
        lines += ["", escape(" · ".join(totals))]
    for note in custom.get("notes") or []:
        lines.append(escape(one_line(note)))
    return lines


def _eligibility(custom: Json) -> list[str | None]:
    result = custom.get("result")
    if not isinstance(result, dict):
        return []
    name = result.get("scheme_name") or result.get("scheme") or ""
    outcome = OUTCOME.get(str(result.get("outcome")), "")
    lines: list[str | None] = [bold(f"{name}: {outcome}")]
    if result.get("amount_eur") is not None:
        lines.append(_fact("Bedrag", euros(result["amount_eur"])))
    for reason in _dicts(result.get("reasons")):
        status = REASON_STATUS.get(str(reason.get("status")), str(reason.get("status", "")))
        line = f"- {bold(status + ':')} {escape(one_line(reason.get('explanation', '')))}"
        source = reason.get("source")
        if safe_url(source):
            line += f" {link(source, 'Bron')}"
        elif source:
            line += f" (bron: {escape(one_line(source))})"
        lines.append(line)
    alternatives = [a for a in _dicts(result.get("alternatives")) if a.get("title")]
    if alternatives:
        lines += ["", "Andere manieren om te betalen:"]
        for option in alternatives:
            more = link(option.get("url"), f"Meer over {option['title']}")
            lines.append(f"- {escape(one_line(option['title']))}" + (f" {more}" if more else ""))
    return lines


def _handoff(custom: Json) -> list[str | None]:
    status = str(custom.get("status"))
    lines: list[str | None] = [escape(HANDOFF.get(status, HANDOFF["queued"]))]
    if custom.get("ticket"):
        lines.append(f"Je nummer: <code>{escape(one_line(custom['ticket']))}</code>")
    return lines


_RENDERERS: dict[str, Callable[[Json], list[str | None]]] = {
    "course_list": _course_list,
    "path": _path,
    "eligibility": _eligibility,
    "handoff": _handoff,
}
