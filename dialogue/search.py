"""Course searches in the dialogue: a new search, and refining the one last shown."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from catalogue.schemas import LEARNING_MODES, CourseQuery
from catalogue.sectors import CANONICAL_SECTORS
from dialogue import advising
from dialogue.cues import Control, denied_after, negated
from dialogue.found import Found
from dialogue.heard import Heard
from dialogue.reading import normalise
from dialogue.services import CatalogueUnavailableError, Services
from dialogue.state import LastSearch
from dialogue.texts import the_field
from dialogue.turn import Turn

CARDS_SHOWN = 5
CLOSER_KM = 10.0
_LEVELS = {"entree": 1, "1": 1, "2": 2, "3": 3, "4": 4}
_LEAVE_WORDS = re.compile(r"\b(gewoon|zien|laat|toon|lijst|overzicht)\b")
_SEARCH_WORDS = re.compile(
    r"\b(zoek|zoeken|cursus|cursussen|opleiding|opleidingen|training|zien|laat|toon|"
    r"gewoon|lijst|aanbod|zijn er)\b"
)


def wants_search(heard: Heard, found: Found, intake_fact: str | None) -> bool:
    """During the intake a "search" often answers the question ("ik wil iets in de zorg")."""
    if intake_fact is None:
        return True
    subject = any(heard.first(n) for n in ("topic", "sector", "occupation"))
    words = normalise(heard.text)
    if not subject or not _SEARCH_WORDS.search(words):
        return False
    # "ik wil gewoon cursussen zien over excel" leaves the intake, also when a field was asked.
    return intake_fact != "target" or bool(_LEAVE_WORDS.search(words))


def refines(heard: Heard, found: Found) -> bool:
    """A short message with only filters ("alleen bbl", "niveau 3", "in Tilburg") after a search."""
    names = {e.name for e in heard.entities}
    if names & {"topic", "sector", "occupation"}:
        return False
    filters = names & {"learning_mode", "education_level", "location"}
    return bool(filters) and heard.intent in ("inform", "search_course", "nlu_fallback", "deny")


def _subject(heard: Heard) -> tuple[str | None, str | None, list[str]]:
    """(text query, sector, sectors ruled out) from the entities of this message."""
    topic: str | None = None
    sector: str | None = None
    ruled_out: list[str] = []
    for entity in heard.entities:
        if entity.name not in ("topic", "occupation", "sector"):
            continue
        if negated(heard.text, entity.start) or denied_after(heard.text, entity.end):
            if entity.name == "sector":
                ruled_out.append(entity.value)
            continue
        if entity.name == "sector" and sector is None:
            sector = entity.value
        elif entity.name != "sector" and topic is None:
            topic = entity.value
    if sector is not None and sector not in CANONICAL_SECTORS:
        # An unfamiliar sector word still works as search text.
        topic, sector = " ".join(filter(None, [topic, sector])), None
    return topic, sector, ruled_out


def _filters(search: LastSearch, heard: Heard, turn: Turn) -> None:
    place = heard.first("location")
    if place is not None:
        search.place, search.place_said, search.radius_km = (
            place.value,
            place.text or place.value,
            None,
        )
    mode = heard.first("learning_mode")
    if mode is not None and mode.value in LEARNING_MODES:
        search.mode = mode.value
    level = heard.first("education_level")
    if level is not None and level.value in _LEVELS:
        search.level = _LEVELS[level.value]
    if search.place is None and turn.state.value("location"):
        search.place = str(turn.state.value("location"))
        search.place_said = turn.state.said("location")


def new_search(
    turn: Turn, heard: Heard, found: Found, *, services: Services, today: dt.date
) -> None:
    state = turn.state
    advising.apply(turn, found, services=services)
    topic, sector, ruled_out = _subject(heard)
    if topic is None and sector is None:
        previous = state.search
        if ruled_out and previous is not None and previous.sector in ruled_out:
            previous = None
        if previous is None or not (previous.q or previous.sector):
            if state.pending is not None and state.pending.kind == "intake":
                advising.advance(turn, heard, found, passing=None, services=services, today=today)
                return
            # Nothing to search for ("ik wil beginnen met een opleiding"): the intake finds out.
            advising.advance(
                turn, _as_advice(heard), found, passing=None, services=services, today=today
            )
            return
        topic, sector = previous.q, previous.sector
    if state.pending is not None and state.pending.kind == "intake":
        state.resume = None
    state.pending = None
    kept_out = [s for s in state.value("not_sectors") or [] if s != sector]
    search = LastSearch(q=topic, sector=sector, not_sectors=sorted({*ruled_out, *kept_out}))
    _filters(search, heard, turn)
    _run(turn, search, services=services)


def _as_advice(heard: Heard) -> Heard:
    return replace(heard, intent="ask_advice")


def refine(
    turn: Turn,
    heard: Heard,
    found: Found,
    control: Control | None,
    *,
    services: Services,
    today: dt.date,
) -> None:
    state = turn.state
    if state.search is None:
        turn.say("search_nothing_before")
        return
    search = state.search.model_copy(deep=True)
    if control == "more":
        if search.offset + CARDS_SHOWN >= search.total:
            turn.say("search_no_more", total=search.total)
            return
        search.offset += CARDS_SHOWN
        _run(turn, search, services=services, more=True)
        return
    changes = advising.apply(turn, found, services=services)
    search.offset = 0
    if control == "closer":
        if search.place is None:
            turn.say("search_closer_no_place")
            return
        search.radius_km = CLOSER_KM
        turn.say("search_closer", km=int(CLOSER_KM), place=_place_words(search))
    else:
        before = (search.place, search.mode, search.level)
        _filters(search, heard, turn)
        if search.place != before[0] or any(name == "location" for name, _ in changes):
            turn.say("searching_now", where=f"in {_place_words(search)}")
    _run(turn, search, services=services)


def _place_words(search: LastSearch) -> str:
    said = search.place_said or search.place or ""
    return " ".join(word[:1].upper() + word[1:] for word in said.split())


def _run(turn: Turn, search: LastSearch, *, services: Services, more: bool = False) -> None:
    state = turn.state
    query = CourseQuery(
        q=search.q,
        sector=search.sector,
        level=search.level,
        mode=search.mode if search.mode in LEARNING_MODES else None,
        place=search.place,
        radius_km=search.radius_km or 25.0,
        limit=CARDS_SHOWN,
        offset=search.offset,
    )
    try:
        outcome = services.search(query)
    except CatalogueUnavailableError:
        turn.say("catalogue_down")
        return
    result = outcome.result
    if not outcome.place_known:
        turn.say("unknown_place", place=search.place_said or search.place)
        search.place = None
        search.place_said = None
    items = [card for card in result.items if card.sector not in search.not_sectors]
    search.total = result.total
    search.shown = [card.id for card in items]
    state.search = search
    state.task = "search"
    if more:
        turn.say("search_more", shown=len(items), total=result.total)
    else:
        turn.write(_summary(search, result.total))
    if items:
        turn.send(
            {
                "json_message": {
                    "type": "course_list",
                    "courses": [card.model_dump(mode="json") for card in items],
                    "total": result.total,
                }
            }
        )


def _summary(search: LastSearch, total: int) -> str:
    about_parts = []
    if search.q:
        about_parts.append(f"'{search.q}'")
    if search.sector:
        about_parts.append(the_field(search.sector))
    about = " en ".join(about_parts) or "dit"
    where = f" bij {_place_words(search)}" if search.place else ""
    extra = []
    if search.mode:
        extra.append(search.mode.upper())
    if search.level:
        extra.append(f"niveau {search.level}")
    filters = f" ({', '.join(extra)})" if extra else ""
    if total == 0:
        return (
            f"Ik vond geen opleidingen over {about}{where}{filters}. "
            "Probeer een ander woord of een andere plaats."
        )
    if total == 1:
        return f"Ik vond 1 opleiding over {about}{where}{filters}:"
    shown = min(total, CARDS_SHOWN)
    return (
        f"Ik vond {total} opleidingen over {about}{where}{filters}. Dit zijn de eerste {shown}. "
        "Zeg 'meer' voor de volgende."
    )


def course_details(turn: Turn, heard: Heard, *, services: Services) -> str | None:
    """A question about a course shown ("hoeveel kost die?"): the card's facts, said plainly."""
    state = turn.state
    course_id = heard.course_id or (
        state.search.shown[0] if state.search and state.search.shown else None
    )
    if course_id is None:
        return None
    card = services.course(course_id)
    if card is None:
        return None
    parts: list[Any] = [f"{card.title} bij {card.provider} in {card.place}."]
    if card.price_eur is not None:
        parts.append(f"Prijs: € {card.price_eur:,.0f}.".replace(",", "."))
    else:
        parts.append("De prijs weet ik niet. Vraag het de school.")
    if card.duration_weeks:
        parts.append(f"Duur: ongeveer {card.duration_weeks} weken.")
    if card.start_dates:
        parts.append(f"Start: {card.start_dates[0].strftime('%d-%m-%Y')}.")
    if getattr(card, "is_sample", False):
        parts.append("Let op: dit is een voorbeeld. Vraag de school wat klopt.")
    return " ".join(str(p) for p in parts)
