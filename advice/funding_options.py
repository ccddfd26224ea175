"""Who might pay for a step: the current options from the funding engine."""

from __future__ import annotations

import datetime as dt

from advice.profile import Profile
from advice.schemas import FundingOption, StepKind
from catalogue.schemas import CourseCard
from funding.service import alternatives, check_eligibility

# Fields where the Ontwikkelpaden/SLIM money of 2025-2027 is meant to go.
_ONTWIKKELPADEN_SECTORS = (
    "zorg", "welzijn", "kinderopvang", "techniek", "installatietechniek", "bouw", "energie",
    "groen",
)  # fmt: skip


def funding_for(
    profile: Profile,
    *,
    kind: StepKind,
    card: CourseCard | None,
    mode: str | None,
    today: dt.date,
) -> list[FundingOption]:
    """The options for this person and step, the most likely payer first."""
    ids: list[str] = []
    if profile.payer == "uwv" or profile.benefit == "ww":
        ids.append("uwv_gemeente")
    if profile.employment == "werkend" and profile.payer != "zelf":
        ids.append("werkgever")
        if card is not None and card.sector in _ONTWIKKELPADEN_SECTORS:
            ids.append("slim_ontwikkelpaden")
        ids.append("oo_fonds")
    elif profile.employment == "werkzoekend" or profile.newcomer:
        ids.append("uwv_gemeente")
    if not ids:
        # Nobody obvious pays: the leerwerkloket knows regional budgets.
        ids.append("leerwerkloket")
    options = [
        FundingOption(id=a.id, title=a.title, text=a.text, url=a.url)
        for a in alternatives(ids=list(dict.fromkeys(ids)))
    ]
    loan = _loan(profile, kind=kind, card=card, mode=mode, today=today)
    if loan is not None:
        options.append(loan)
    return options


def _loan(
    profile: Profile, *, kind: StepKind, card: CourseCard | None, mode: str | None, today: dt.date
) -> FundingOption | None:
    """The levenlanglerenkrediet, checked by the engine, for a BOL programme."""
    if kind != "diploma" or card is None or mode != "bol" or "bol" not in card.learning_modes:
        return None
    facts: dict[str, object] = {"programme_kind": "mbo_bol_fulltime"}
    if profile.age is not None:
        facts["age"] = profile.age
    result = check_eligibility(
        scheme="levenlanglerenkrediet", facts=facts, today=today, ignore_unknown_facts=True
    )
    if result.outcome == "not_eligible":
        return None
    info = next(iter(alternatives(ids=["levenlanglerenkrediet"])), None)
    if info is None:
        return None
    return FundingOption(
        id=info.id, title=info.title, text=info.text, outcome=result.outcome, url=info.url
    )
