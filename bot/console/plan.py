"""The plan a client takes home: the bot's latest routes, funding, next steps, contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from funding.dates import today_in_nl

NEXT_STEPS = (
    "Kies de route die het best bij je past.",
    "Vraag bij de school een intake aan. Neem je diploma's mee.",
    "Vraag je werkgever of hij meebetaalt of je tijd geeft om te leren.",
    "Twijfel je? Bel of mail je adviseur.",
)
OUTCOME = {
    "eligible": "Je komt in aanmerking.",
    "not_eligible": "Je komt niet in aanmerking.",
    "unknown": "Dat is nog niet zeker.",
}


@dataclass
class PlanStep:
    title: str
    why: str
    where: str | None
    starts: str | None
    cost: str
    payers: list[str]


@dataclass
class PlanRoute:
    title: str
    steps: list[PlanStep]
    totals: str


@dataclass
class Plan:
    made_on: str
    organisation: str
    counsellor: str
    routes: list[PlanRoute] = field(default_factory=list)
    funding: list[str] = field(default_factory=list)
    next_steps: tuple[str, ...] = NEXT_STEPS


def euros(amount: float) -> str:
    return "€ " + f"{amount:,.0f}".replace(",", ".")


def _date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
              "augustus", "september", "oktober", "november", "december"]  # fmt: skip
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _step(step: dict[str, Any]) -> PlanStep:
    course = step.get("course") or {}
    where = ", ".join(filter(None, [course.get("provider"), course.get("place")])) or None
    starts = ", ".join(_date(d) for d in (course.get("start_dates") or [])[:2]) or None
    price = course.get("price_eur")
    return PlanStep(
        title=str(step.get("title", "")),
        why=str(step.get("why", "")),
        where=where,
        starts=starts,
        cost=euros(price) if price is not None else "prijs: vraag de school",
        payers=[str(f.get("title")) for f in step.get("funding") or [] if f.get("title")],
    )


def build_plan(
    *, paths: list[dict[str, Any]], funding: list[dict[str, Any]], organisation: str,
    counsellor: str,
) -> Plan:  # fmt: skip
    """The last set of routes the bot gave (a later plan replaces an earlier one)."""
    latest = paths[-3:] if paths else []
    routes = []
    for path in latest:
        totals = []
        if path.get("cost_eur"):
            totals.append(f"Kosten samen: {euros(path['cost_eur'])}")
        if path.get("weeks"):
            totals.append(f"Duur: ongeveer {path['weeks']} weken")
        routes.append(
            PlanRoute(
                title=str(path.get("title", "Route")),
                steps=[_step(s) for s in path.get("steps") or []],
                totals=" · ".join(totals),
            )
        )
    checks = [
        f"{r.get('scheme_name') or r.get('scheme')}: {OUTCOME.get(r.get('outcome', ''), '')}"
        for r in funding
    ]
    return Plan(
        made_on=_date(today_in_nl().isoformat()),
        organisation=organisation,
        counsellor=counsellor,
        routes=routes,
        funding=checks,
    )
