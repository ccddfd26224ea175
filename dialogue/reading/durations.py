"""Years of experience, hours a week and times of day, as people type them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dialogue.reading.words import CLAUSE_BREAK, normalise
from nlu.numbers import TEENS, TENS, UNITS, parse_number_at, parse_number_word

# --- years and durations -------------------------------------------------------


@dataclass(frozen=True)
class Years:
    years: int
    said: str


_NUMBER_WORD = "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True))
_YEARS = re.compile(
    r"\b((?:meer dan|ruim|bijna|zo'?n|ongeveer|minstens|wel|al|pas|net)\s+)?"
    r"(\d{1,2}|(?:" + _NUMBER_WORD + r")(?: ?en ?(?:" + "|".join(TENS) + r"))?)"
    r"\s*(?:jaar|jr|jaren)\b"
)
_YEAR_OR_SO = re.compile(r"\been jaar of (\d{1,2}|" + _NUMBER_WORD + r")\b")
_SINCE = re.compile(r"\b(?:sinds|vanaf|sedert|in)\s+((?:19|20)\d\d)\b")
_AGE_BEFORE = re.compile(r"\b(ik ben|ben ik|leeftijd|ik word)\s*(al\s*|nu\s*|bijna\s*)?$")
# After "ik ben 45 jaar" an age ends the clause; "ik ben al 20 jaar kapper" is experience.
_AGE_AFTER = re.compile(r"^\s*($|oud\b|jong\b|[,.;!?]|(en|maar|want|dus|of)\b)")
# Said before any count of years: "minder dan een jaar" is not one year.
_UNDER_A_YEAR = re.compile(r"\b(nog geen|minder dan (een|1)) (heel )?jaar\b")
_FEW_MONTHS = re.compile(
    r"\b(een )?half jaar\b|\bpaar maanden\b|\bpas (net|kort)\b|\bnet begonnen\b|\bsinds dit jaar\b"
)


def read_years(text: str, today: dt.date) -> Years | None:
    """Years of experience: "al tien jaar" 10, "sinds 2015", "een jaar of acht" 8."""
    words = normalise(text)
    since = _SINCE.search(words)
    if since and int(since.group(1)) <= today.year:
        return Years(today.year - int(since.group(1)), f"sinds {since.group(1)}")
    if re.search(r"\bsinds (vorig|verleden) jaar\b", words):
        return Years(1, "sinds vorig jaar")
    if _UNDER_A_YEAR.search(words):
        return Years(0, "minder dan een jaar")
    so = _YEAR_OR_SO.search(words)
    if so:
        value = parse_number_word(so.group(1))
        if value is not None:
            return Years(value, f"een jaar of {value}")
    for match in _YEARS.finditer(words):
        before = words[: match.start()]
        after = words[match.end() :]
        if after.startswith((" oud", "oud", " geleden")) or (
            _AGE_BEFORE.search(before) and _AGE_AFTER.match(after)
        ):
            continue
        # "ik woon nu drie jaar in nederland", "3 jaar thuis geweest": not years of work.
        clause = CLAUSE_BREAK.split(before)[-1] + after[:30]
        if re.search(r"\b(woon|wonen|woonde|thuis|in nederland|hier|getrouwd|kinderen)\b", clause):
            continue
        # "universiteit 4 jaar", "ik werk al 6 jaar niet": study or time without work.
        if re.search(
            r"\b(studie|gestudeerd|studeren|universiteit|opleiding|school|diploma|cursus|"
            r"werkloos|zonder werk|geen werk)\b",
            clause,
        ) or re.match(r"^\s*(\w+\s+)?(niet|geen|nooit)\b", after):
            continue
        value = parse_number_word(match.group(2).replace(" ", ""))
        if value is None or value > 50:
            continue
        lead = (match.group(1) or "").strip()
        return Years(
            value,
            f"{lead} {value} jaar".strip()
            if lead in ("meer dan", "ruim", "bijna", "ongeveer", "minstens")
            else f"{value} jaar",
        )
    if _FEW_MONTHS.search(words):
        return Years(0, "minder dan een jaar")
    if re.search(r"\bgeen (werk)?ervaring\b|\bnog nooit (gedaan|gewerkt)\b", words):
        return Years(0, "geen ervaring")
    if re.search(r"\b(een )?paar jaar\b", words):
        return Years(3, "een paar jaar")
    if re.search(r"\b(al )?(heel )?(veel |vele )?jaren\b|\bheel lang\b|\bal lang\b", words):
        return Years(10, "al jaren")
    return None


# --- time ---------------------------------------------------------------------------


_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag)?"
_TIMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "avond",
        re.compile(
            r"\b('?s ?avonds|savonds|" + _WEEKDAY + r"avond\w*|na het eten|"
            r"na (mijn |het )?werk|na werktijd|buiten werktijd)\b"
        ),
    ),
    ("weekend", re.compile(r"\b(weekend\w*|zaterdag\w*|zondag\w*)\b")),
    (
        "overdag",
        re.compile(
            r"\b(overdag|" + _WEEKDAY + r"(ochtend|middag)\w*|'?s ?morgens|'?s ?middags|"
            r"onder schooltijd|als de kinderen op school zijn|schooltijd)\b"
        ),
    ),
)
# Work named as a noun ("na mijn werk", "naast het werk") says nothing about when one works.
_WORK_AS_NOUN = re.compile(
    r"\b(na|naast|buiten|voor|van|klaar (ben )?met) (mijn |het |m'n )?werk\w*"
)
_WORKS = re.compile(r"\b(werk|werkt|werken|gewerkt|dienst|diensten)\b")
_NOT_BEFORE = re.compile(r"\b(niet|geen|nooit)\b")
# "als ik niet werk", "als ik vrij ben": when one does not work.
_NOT_WORKING = re.compile(
    r"\b(als|wanneer) ik (niet|geen|vrij)( hoef te)? ?(werk\w*|dienst\w*|ben)?"
)
_NOT_AFTER = re.compile(
    r"^\s*((?!(?:wel|als|wanneer)\b)\w+\s+){0,3}(niet|nee|nooit)\b|"
    r"^\s*(gaat|lukt|kan|past)\s+(ik |me |mij )?niet\b"
)


def _clause_around(words: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before and after words[start:end]."""
    breaks = [b for b in CLAUSE_BREAK.finditer(words) if b.end() <= start]
    left = breaks[-1].end() if breaks else 0
    after = CLAUSE_BREAK.search(words, end)
    right = after.start() if after else len(words)
    return words[left:start], words[end:right]


def _about_work(before: str, after: str) -> bool:
    """ "ik werk 32 uur", "overdag werk ik": when or how long one works, not learns."""
    clause = _NOT_WORKING.sub(" ", _WORK_AS_NOUN.sub(" ", f"{before} {after}"))
    return bool(_WORKS.search(clause))


def read_times(text: str) -> list[str]:
    """When someone can learn: "alleen 's avonds" [avond]; "ik werk overdag" [] (working hours)."""
    words = normalise(text)
    found = []
    for name, pattern in _TIMES:
        for match in pattern.finditer(words):
            before, after = _clause_around(words, match.start(), match.end())
            if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after):
                continue
            if _about_work(before, after.replace(match.group(0), " ")):
                # "ik werk overdag": when one works, so not when one can learn.
                continue
            found.append(name)
            break
    return found


_HOURS = re.compile(r"\b(\d{1,2}|" + _NUMBER_WORD + r")\s*(uur|uurtjes|uurtje|u)\b")
_HOURS_OR_SO = re.compile(r"\been uur(tje)? of (\d{1,2}|" + _NUMBER_WORD + r")\b")
_PER_DAY = re.compile(r"^\s*(per|elke|iedere|a) dag\b")
_PARTS = re.compile(
    r"\b(een|1|twee|2|drie|3|vier|4|vijf|5)\s*"
    r"(dag|dagen|avond|avonden|ochtend|ochtenden|middag|middagen|dagdelen|dagdeel)\b"
)
_PART_HOURS = {
    "dag": 8,
    "dagen": 8,
    "avond": 3,
    "avonden": 3,
    "ochtend": 4,
    "ochtenden": 4,
    "middag": 4,
    "middagen": 4,
    "dagdeel": 4,
    "dagdelen": 4,
}


def read_hours(text: str) -> int | None:
    """Hours a week: "8 uur" 8, "twee avonden per week" 6, "een dag" 8, "fulltime" 40."""
    words = normalise(text)
    so = _HOURS_OR_SO.search(words)
    if so:
        value = parse_number_word(so.group(2))
        if value is not None and 0 < value <= 60:
            return value
    for hours in _HOURS.finditer(words):
        before, after = _clause_around(words, hours.start(), hours.end())
        if _about_work(before, after):
            continue
        value = parse_number_word(hours.group(1))
        if value is not None and _PER_DAY.match(after):
            value *= 5
        if value is not None and 0 < value <= 60:
            return value
    for parts in _PARTS.finditer(words):
        before, after = _clause_around(words, parts.start(), parts.end())
        if _about_work(before, after):
            continue
        count = parse_number_word(parts.group(1)) or 1
        return count * _PART_HOURS[parts.group(2)]
    if re.search(r"\b(fulltime|voltijd|hele week|40 uur)\b", words):
        return 40
    if re.search(r"\b(paar uur(tjes)?|weinig tijd|niet veel tijd)\b", words):
        return 4
    return None


def read_number(text: str) -> int | None:
    """A bare number in the text ("45", "vijfenveertig", "twee en dertig")."""
    tokens = normalise(text).split()
    for start in range(len(tokens)):
        found = parse_number_at(tokens, start)
        if found is not None:
            return found[0]
    return None
