"""Yes, no or "weet ik niet", and amounts of money, as people type them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dialogue.reading.words import normalise
from nlu.numbers import TEENS, TENS, UNITS, parse_number_word

YesNo = Literal["yes", "no", "unknown"]

# --- yes / no -----------------------------------------------------------------

_UNKNOWN = re.compile(
    r"\b(weet (ik )?(het |dat )?(nog |echt )?niet|weet niet|geen (flauw )?idee|misschien|"
    r"twijfel|hangt (er ?van )?af|geen flauw|wie weet|kweenie|weetniet|onzeker|weet ik veel|"
    r"dat moet ik (nog )?(vragen|navragen|uitzoeken)|nog niet zeker|zou (het )?niet weten|"
    r"zou kunnen|wellicht|mogelijk)\b"
)
_DENIAL = re.compile(
    r"\b(nee|niet|geen|nooit|liever niet|nah|neuh|nein|no|helaas|zeker niet|"
    r"absoluut niet|ben ik niet|heb ik niet|niks|niets)\b"
)
_AFFIRMATION = re.compile(
    r"\b(ja|jawel|jazeker|jaja|yes|yep|jup|klopt|zeker|tuurlijk|natuurlijk|inderdaad|"
    r"prima|graag|doe maar|is goed|goed|oke|ok|okay|okido|akkoord|precies|correct|"
    r"dat wil ik|dat klopt|wel|zeker weten|absoluut|uiteraard|top|prima)\b"
)


def read_yes_no(text: str) -> YesNo | None:
    """ "ja hoor" -> yes; "nee, dat betaal ik zelf" -> no; "weet ik nog niet" -> unknown."""
    words = normalise(text)
    if re.search(r"\b(ik )?denk het (wel|van wel)\b", words):
        return "yes"
    if re.search(r"\b(ik )?denk (het )?(niet|van niet)\b", words):
        return "no"
    if _UNKNOWN.search(words):
        return "unknown"
    if re.search(r"\b(ik )?denk het\b", words):
        # "ik denk het": I think so.
        return "yes"
    no, yes = _DENIAL.search(words), _AFFIRMATION.search(words)
    if no and yes:
        # The first word decides: "ja, maar geen ..." is yes, "nee hoor, wel ..." is no;
        # "niet zo goed" against "goed" needs the denial before it.
        return "yes" if yes.start() < no.start() else "no"
    if no:
        return "no"
    if yes:
        return "yes"
    return None


# --- amounts ------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    euros: int
    said: str


_NOTHING = re.compile(
    r"\b(niks|niets|nul|geen (geld|cent|euro|budget|rooie cent)|0 euro|helemaal niks|"
    r"kan ik niet betalen|heb ik niet)\b|^(0|geen)( [.!])?$"
)
# "1.500", "1500", "2.000,-", "2,5k", "2.5k", "2k", "€ 2000"
_NUMBER = re.compile(
    r"(\d+\.\d{1,2}(?=\s*(?:k|duizend)\b)|\d+(?:\.\d{3})*(?:,\d+)?)\s*(k|duizend|\.?000)?\b"
)
_FEW = re.compile(r"\b(een )?paar (honderd|duizend)\b")
_WORD_AMOUNT = re.compile(
    r"\b((?:" + "|".join([*UNITS, *TEENS, *TENS]) + r")?)\s*(honderd|duizend)\b"
)


_OTHER_UNIT = re.compile(
    r"^\s*(uur|uurtjes|jaar|jr|dag|dagen|week|weken|maand|maanden|km|kilometer|kinderen|keer)\b"
)


def _euros(number: str, suffix: str | None) -> int | None:
    # "2.5k": a decimal point before thousands; otherwise the dot groups thousands.
    plain = number if re.fullmatch(r"\d+\.\d{1,2}", number) else number.replace(".", "")
    try:
        value = float(plain.replace(",", "."))
    except ValueError:
        return None
    if suffix in ("k", "duizend"):
        value *= 1000
    return round(value)


def read_amount(text: str) -> Amount | None:
    """Euros someone can spend: "2k" 2000, "tussen de 500 en 1000" 1000, "niks" 0."""
    words = normalise(text)
    numbers = [
        value
        for match in _NUMBER.finditer(words)
        # "ik werk 32 uur": a number of hours, years or days is no amount of money.
        if not _OTHER_UNIT.match(words[match.end() :])
        and (value := _euros(match.group(1), match.group(2))) is not None
    ]
    said = text.strip()[:60]
    if numbers:
        # A range is a ceiling: the most they said they can spend.
        return Amount(max(numbers), said)
    few = _FEW.search(words)
    if few:
        return Amount(300 if few.group(2) == "honderd" else 2000, said)
    spelled = _WORD_AMOUNT.search(words)
    if spelled:
        base = parse_number_word(spelled.group(1)) if spelled.group(1) else 1
        unit = 100 if spelled.group(2) == "honderd" else 1000
        return Amount((base or 1) * unit, said)
    if _NOTHING.search(words):
        return Amount(0, said)
    return None
