"""Facts said back to the person in their own words: corrections, notes, "dat wist ik al"."""

from __future__ import annotations

from typing import Any

from dialogue.state import DialogueState
from dialogue.texts import the_field
from dialogue.turn import Turn

_GOAL_WORDS = {
    "doorgroeien": "doorgroeien in je vak",
    "omscholen": "iets anders gaan doen",
    "zij-instromen": "zij-instromen in een nieuw vak",
    "werk_vinden": "werk vinden",
    "bijscholen": "bijscholen",
    "certificaat": "een certificaat halen",
}
_MODE_WORDS = {"bbl": "BBL", "bol": "BOL", "online": "online", "deeltijd": "deeltijd"}
_TIME_WORDS = {"overdag": "overdag", "avond": "'s avonds", "weekend": "in het weekend"}
# Facts the bot derives itself: not worth saying back.
QUIET = {"employment", "has_employer", "newcomer", "job_at_risk", "foreign_diploma"}


def describe(state: DialogueState, name: str) -> str | None:
    """A fact as the bot says it back, in the person's words where it has them."""
    value, said = state.value(name), state.said(name)
    if value is None:
        return {
            "learning_mode": "je hebt geen vaste leerweg",
            "location": "je woonplaats weet ik niet",
        }.get(name)
    phrases: dict[str, Any] = {
        "location": lambda: f"je woont in {said.title() if said else value}",
        "age": lambda: f"je bent {value}",
        "goal": lambda: f"je wilt {_GOAL_WORDS.get(str(value), value)}",
        "target_occupation": lambda: f"je wilt {value} worden",
        "target_sector": lambda: f"je wilt in {the_field(str(value))} werken",
        "target_topic": lambda: f"je wilt iets leren over {value}",
        "current_occupation": lambda: f"je werkt als {value}",
        "current_sector": lambda: f"je werkt in {the_field(str(value))}",
        "years_experience": lambda: (
            f"je doet dit werk {said if said and not said[0].isdigit() else f'{value} jaar'}"
        ),
        "education": lambda: f"je hoogste diploma: {said or value}",
        "learning_mode": lambda: f"je wilt leren via {_MODE_WORDS.get(str(value), value)}",
        "excluded_modes": lambda: " en ".join(_MODE_WORDS.get(m, m) for m in value) + " past niet",
        "hours_per_week": lambda: f"je hebt {value} uur per week",
        "times": lambda: "je kunt " + " en ".join(_TIME_WORDS.get(t, t) for t in value) + " leren",
        "budget_eur": lambda: (
            "je kunt zelf niets betalen"
            if value == 0
            else f"je kunt zelf tot € {value:,}".replace(",", ".") + " betalen"
        ),
        "payer": lambda: {
            "werkgever": "je werkgever betaalt misschien mee",
            "zelf": "je betaalt zelf",
            "uwv": "het UWV betaalt misschien",
            "gemeente": "de gemeente betaalt misschien",
        }.get(str(value), str(value)),
        "dutch_ok": lambda: (
            "je spreekt goed Nederlands" if value else "je Nederlands is nog niet zo goed"
        ),
        "benefit": lambda: f"je hebt {'WW' if value == 'ww' else 'bijstand'}",
    }
    phrase = phrases.get(name)
    return phrase() if phrase is not None else None


def say_changes(turn: Turn, changes: list[tuple[str, bool]]) -> None:
    """Say exactly what was corrected; of new facts only a route ruled out is said back."""
    corrected = [describe(turn.state, n) for n, c in changes if c and n not in QUIET]
    said = [c for c in corrected if c]
    if said:
        turn.say("changed", changes=", ".join(said))
    if any(n == "excluded_modes" and not c for n, c in changes):
        ruled_out = describe(turn.state, "excluded_modes")
        if ruled_out:
            turn.say("noted", facts=ruled_out)


def said_again(turn: Turn, found_names: list[str]) -> bool:
    """Facts the bot already knew, said again ("nee ik bedoel tilburg"): "Dat wist ik al"."""
    known = [
        describe(turn.state, name)
        for name in found_names
        if name not in QUIET and turn.state.value(name) is not None
    ]
    words = [k for k in known if k]
    if not words:
        return False
    turn.say("nothing_changed", facts=", ".join(words))
    return True
