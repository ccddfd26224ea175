"""Read one user message into the profile: entities, button answers and cue words.

The NLU gives entity values; what they mean for the profile depends on the
clause they stand in ("ik werk in de kinderopvang" is current work, "ik wil de
zorg in" is the target) and on the question that is pending.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from advice.intake import ANSWER_ENTITY
from advice.profile import EDUCATION_LEVELS, GOALS, LEARNING_MODES, TIMES, Fact, Profile

# Clauses: roles of sector/occupation words are read per clause.
_CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:en|maar|want|omdat|dus|of)\b")
_TARGET_CUES = re.compile(
    r"\b(wil|wil graag|zou|graag|worden|naar|overstappen|omscholen|lijkt me|droom|"
    r"in de \w+ werken|richting|kant op)\b|\bin\s*$"
)
_CURRENT_CUES = re.compile(r"\b(werk|werkt|werkte|gewerkt|ben|zit|doe|deed|sinds|jaar|bij|als)\b")
_GOAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("certificaat", re.compile(r"\bcertifica")),
    ("zij-instromen", re.compile(r"\bzij-?\s?instro")),
    (
        "werk_vinden",
        re.compile(r"\b(werk|baan) (vinden|zoeken)|\bwerkloos|\baan het werk|\bnieuwe baan"),
    ),
    ("omscholen", re.compile(r"\bomscho|\biets anders|\bander (vak|werk)|\boverstap|\bswitch")),
    ("doorgroeien", re.compile(r"\bdoor ?groei|\bverder groei|\bhoger niveau|\bverder komen")),
    ("bijscholen", re.compile(r"\bbij ?scho|\bbij te leren|\bbijleren|\bbijblijven")),
)
_WORKS = re.compile(r"\b(werk|werkt|werkte|gewerkt)\b")
_JOB_AT_RISK = re.compile(r"\b(verdwijnt|verdwijnen|boventallig|reorganisatie|gaat dicht|ontslag)")
_SEEKER = re.compile(
    r"\b(ww|uitkering|werkloos|geen werk|geen baan|baan kwijt|werk kwijt|ontslagen|"
    r"werkzoekend|bijstand|zoek werk)\b"
)
_NEWCOMER = re.compile(r"\b(statushouder|nieuwkomer|vluchteling|inburger\w*|asiel\w*|gevlucht)")
_DUTCH_WEAK = re.compile(
    r"\b(nederlands|taal)\b.*\b(niet (zo )?goed|slecht|beetje|weinig|moeilijk|nog niet)|"
    r"\b(niet (zo )?goed|slecht|beetje|weinig|nog niet)\b.*\bnederlands"
)
_SPEAKING = re.compile(r"\b(spreek|spreken|praat|praten|versta|mijn nederlands)\b")
_DUTCH_GOOD = re.compile(r"\b(goed|prima|vloeiend|uitstekend)\b")
_YEARS = re.compile(r"\b(\d{1,2})\s*(?:jaar|jr)\b")
_SINCE = re.compile(r"\bsinds\s+((?:19|20)\d\d)\b")
_AMOUNT = re.compile(r"(?:€\s*)?(\d{1,3}(?:\.\d{3})*|\d+)\s*(?:euro|eur|€)?")
_NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "vijftien": 15,
    "twintig": 20, "dertig": 30,
}  # fmt: skip
_WORD_YEARS = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+jaar\b")
_DAYS = re.compile(r"\b(een|één|1|twee|2|drie|3)\s+dag(en)?\b")
_PAYER_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "werkgever",
        re.compile(r"\b(werkgever|baas|mijn werk|de zaak) (betaalt|wil betalen|betaald)"),
    ),
    ("zelf", re.compile(r"\b(zelf betalen|betaal (het )?zelf|eigen geld|uit eigen zak)")),
    ("uwv", re.compile(r"\b(via|van) (het )?uwv\b")),
    ("gemeente", re.compile(r"\b(via|van) de gemeente\b")),
)
_JOB_LEAD = re.compile(r"^(ik\s+)?(werk|ben|zit|doe)\s+(nu\s+)?(als|bij|in|op)?\s*(de|het|een)?\s*")
_NOTHING = re.compile(r"\b(niks|niets|geen geld|nul)\b")
_MODE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bbl", re.compile(r"\bwerken en leren\b|\bleren en werken\b")),
    ("bol", re.compile(r"\bnaar school\b|\bvoltijd\b")),
)
_DONT_KNOW = re.compile(r"\bweet (ik )?(het )?niet|\bgeen idee\b")
_NO_PREFERENCE = re.compile(r"\bmaakt (me |mij )?(niet|niks|niets) ?(zoveel )?uit|geen voorkeur")


@dataclass
class Reading:
    """What a message changed: the new profile and the facts that were corrected."""

    profile: Profile
    corrected: list[str] = field(default_factory=list)
    understood: bool = False


def _span(entity: dict[str, Any]) -> tuple[int, int]:
    start = int(entity.get("start", 0))
    return start, int(entity.get("end", start))


def _clause_of(text: str, start: int, end: int) -> str:
    """The clause around a span: from the previous break to the next."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    left = breaks[-1].end() if breaks else 0
    after = _CLAUSE_BREAK.search(text, end)
    right = after.start() if after else len(text)
    return text[left:right]


def _role(text: str, entity: dict[str, Any], pending: Fact | None, profile: Profile) -> str:
    """ "target" or "current" for a sector/occupation/topic entity."""
    if pending == "target":
        return "target"
    if pending == "current_work":
        return "current"
    clause = _clause_of(text, *_span(entity))
    # "als pedagogisch medewerker doorgroeien": the job one has now.
    if profile.goal in ("doorgroeien", "bijscholen") and re.search(r"\bdoor ?groei", clause):
        return "current"
    if _TARGET_CUES.search(clause):
        return "target"
    if _CURRENT_CUES.search(clause):
        return "current"
    # A bare "zorg" with no cue: for goals that move, it is where to go.
    if profile.goal in ("doorgroeien", "bijscholen"):
        return "current" if not profile.has_current_work else "target"
    return "target" if profile.has_current_work or profile.goal else "current"


def _set(reading: Reading, name: str, value: Any) -> None:
    profile = reading.profile
    old = getattr(profile, name)
    if old is not None and old not in ([], False) and old != value:
        reading.corrected.append(name)
    setattr(profile, name, value)
    reading.understood = True


def _first(entities: Sequence[dict[str, Any]], name: str) -> dict[str, Any] | None:
    return next((e for e in entities if e.get("entity") == name), None)


def _value(entity: dict[str, Any] | None) -> str | None:
    if entity is None or entity.get("value") is None:
        return None
    return str(entity["value"]).strip().lower() or None


def read_message(
    profile: Profile,
    *,
    pending: Fact | None,
    intent: str,
    text: str,
    entities: Sequence[dict[str, Any]],
    today: dt.date,
) -> Reading:
    reading = Reading(profile=profile.model_copy(deep=True))
    lowered = text.lower()
    button = _value(_first(entities, ANSWER_ENTITY))
    if button is not None:
        _read_button(reading, pending, button)

    _read_roles(reading, lowered, entities, pending)
    _read_plain_entities(reading, lowered, entities, pending)
    _read_cues(reading, lowered, pending, today)
    if pending is not None:
        _read_pending(reading, pending, intent, lowered)
    return reading


def _read_button(reading: Reading, pending: Fact | None, value: str) -> None:
    kind, _, rest = value.partition(":")
    if value in GOALS:
        _set(reading, "goal", value)
    elif kind == "sector" and rest:
        _set(reading, "target_sector", rest)
    elif value == "no_work":
        _set(reading, "employment", "werkzoekend")
    elif kind == "dutch":
        _set(reading, "dutch_ok", rest == "yes")
    elif kind == "time" and rest in TIMES:
        _set(reading, "times", [rest])
    elif kind == "mode" and rest in LEARNING_MODES:
        _set(reading, "learning_mode", rest)
    elif kind == "payer" and rest in ("werkgever", "zelf"):
        _set(reading, "payer", rest)
    elif kind == "budget" and rest.isdigit():
        _set(reading, "budget_eur", int(rest))
    elif value in EDUCATION_LEVELS and pending == "education":
        _set(reading, "education", value)
    elif value.isdigit() and pending == "years_experience":
        _set(reading, "years_experience", int(value))
    elif value.isdigit() and pending == "hours":
        _set(reading, "hours_per_week", int(value))


def _read_roles(
    reading: Reading, text: str, entities: Sequence[dict[str, Any]], pending: Fact | None
) -> None:
    for entity in entities:
        name, value = entity.get("entity"), _value(entity)
        if name not in ("sector", "occupation", "topic") or value is None:
            continue
        role = _role(text, entity, pending, reading.profile)
        if name == "topic" and (pending == "dutch" or _SPEAKING.search(text)):
            # "ik spreek nog niet goed Nederlands" is about the person, not a course wish.
            continue
        if name == "topic":
            if role == "current" and _WORKS.search(_clause_of(text, *_span(entity))):
                # "ik werk in de bibliotheek": the topic names the field one works in.
                _set(reading, "current_sector", value)
                reading.profile.employment = reading.profile.employment or "werkend"
            else:
                _set(reading, "target_topic", value)
        elif role == "target":
            _set(reading, f"target_{name}", value)
        else:
            _set(reading, f"current_{name}", value)
            if reading.profile.employment is None:
                reading.profile.employment = "werkend"


def _read_plain_entities(
    reading: Reading, text: str, entities: Sequence[dict[str, Any]], pending: Fact | None
) -> None:
    for entity in entities:
        name, value = entity.get("entity"), _value(entity)
        if value is None:
            continue
        if name == "age" and pending == "years_experience":
            # "ongeveer 20 jaar" answers the experience question, not the age.
            continue
        if name == "location":
            _set(reading, "location", value)
        elif name == "age" and value.isdigit():
            _set(reading, "age", int(value))
        elif name == "hours_per_week" and value.isdigit():
            _set(reading, "hours_per_week", int(value))
        elif name == "learning_mode":
            if value in TIMES:
                if value not in reading.profile.times:
                    reading.profile.times = [*reading.profile.times, value]
                    reading.understood = True
            elif value in LEARNING_MODES:
                _set(reading, "learning_mode", value)
        elif name == "education_level" and value in EDUCATION_LEVELS:
            clause = _clause_of(text, *_span(entity))
            # "ik wil niveau 4 halen" is a target, not the diploma one has;
            # "geen werk" says nothing about diplomas.
            wanted = re.search(r"\b(wil|halen|worden)\b", clause)
            no_diploma = value != "geen" or re.search(r"diploma|school|opleiding", clause)
            if pending == "education" or (not wanted and no_diploma):
                _set(reading, "education", value)


def _read_cues(reading: Reading, text: str, pending: Fact | None, today: dt.date) -> None:
    profile = reading.profile
    if profile.goal is None or pending == "goal":
        for goal, cue in _GOAL_CUES:
            if cue.search(text):
                _set(reading, "goal", goal)
                break
    if _JOB_AT_RISK.search(text):
        profile.job_at_risk = True
        profile.employment = profile.employment or "werkend"
        if profile.goal is None:
            profile.goal = "omscholen"
        reading.understood = True
    seeker = _SEEKER.search(text)
    if seeker and not _JOB_AT_RISK.search(text):
        profile.employment = "werkzoekend"
        word = seeker.group(1)
        if word in ("ww",):
            profile.benefit = "ww"
        elif word == "bijstand":
            profile.benefit = "bijstand"
        reading.understood = True
    if profile.goal == "werk_vinden" and profile.employment is None:
        profile.employment = "werkzoekend"
    if _NEWCOMER.search(text):
        profile.newcomer = True
        reading.understood = True
    if _DUTCH_WEAK.search(text):
        _set(reading, "dutch_ok", False)
    for payer, cue in _PAYER_CUES:
        if cue.search(text):
            _set(reading, "payer", payer)
            break
    for mode, cue in _MODE_CUES:
        if cue.search(text):
            _set(reading, "learning_mode", mode)
            break
    years = _years(text, today)
    if years is not None and (pending == "years_experience" or profile.has_current_work):
        _set(reading, "years_experience", years)
    if re.search(r"\bgeen (mbo-?)?diploma\b|\bschool niet afgemaakt\b", text):
        _set(reading, "education", "geen")


def _years(text: str, today: dt.date) -> int | None:
    since = _SINCE.search(text)
    if since:
        return max(0, today.year - int(since.group(1)))
    # "45 jaar" next to "ik ben" is an age, not experience.
    for match in _YEARS.finditer(text):
        if not re.search(r"\bben\s*$|\bben ik\s*$", text[: match.start()]):
            return int(match.group(1))
    words = _WORD_YEARS.search(text)
    if words:
        return _NUMBER_WORDS[words.group(1)]
    if re.search(r"\bpas (net|kort)\b", text):
        return 0
    return None


def _read_pending(reading: Reading, pending: Fact, intent: str, text: str) -> None:
    """Answers that only make sense as the answer to the pending question."""
    profile = reading.profile
    if intent == "dont_know" or _NO_PREFERENCE.search(text) or _DONT_KNOW.search(text):
        if pending not in profile.skipped:
            profile.skipped = [*profile.skipped, pending]
        reading.understood = True
        return
    number = _number(text)
    if pending == "hours" and profile.hours_per_week is None:
        days = _DAYS.search(text)
        if days:
            count = _NUMBER_WORDS.get(days.group(1)) or int(days.group(1))
            _set(reading, "hours_per_week", 8 * count)
        elif re.search(r"\b(fulltime|voltijd|hele week)\b", text):
            _set(reading, "hours_per_week", 40)
        elif number is not None and 0 < number <= 60:
            _set(reading, "hours_per_week", number)
    elif pending == "years_experience" and profile.years_experience is None:
        if number is not None and number < 60:
            _set(reading, "years_experience", number)
    elif pending == "budget" and profile.budget_eur is None:
        if _NOTHING.search(text):
            _set(reading, "budget_eur", 0)
        elif number is not None:
            _set(reading, "budget_eur", number)
    elif pending == "payer" and profile.payer is None:
        if intent == "affirm":
            _set(reading, "payer", "werkgever")
        elif intent == "deny":
            _set(reading, "payer", "zelf")
    elif pending == "dutch" and profile.dutch_ok is None:
        if intent == "affirm" or (_DUTCH_GOOD.search(text) and not re.search(r"\bniet\b", text)):
            _set(reading, "dutch_ok", True)
        elif intent == "deny" or re.search(r"\b(beetje|niet|slecht|weinig)\b", text):
            _set(reading, "dutch_ok", False)
    elif pending == "current_work" and not profile.has_current_work:
        if re.search(r"\b(nee|niks|niets|geen)\b", text):
            _set(reading, "employment", "werkzoekend")
        else:
            # A job the vocabulary does not know is still the answer: keep the words.
            job = _JOB_LEAD.sub("", text).strip(" .!?")
            if job and intent in ("inform", "nlu_fallback", "search_course"):
                _set(reading, "current_occupation", job[:60])
                profile.employment = "werkend"
    elif pending == "times" and not profile.times:
        found = [t for t in TIMES if t in text]
        if found:
            _set(reading, "times", found)


def _number(text: str) -> int | None:
    match = _AMOUNT.search(text)
    if match:
        return int(match.group(1).replace(".", ""))
    for word, value in _NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return value
    return None
