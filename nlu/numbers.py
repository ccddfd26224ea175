"""Dutch number words: "vijfenveertig", "twee en dertig", "tweeëntwintig", "45".

Pure functions, no spaCy or Rasa, so the NLU components and the app share them.
Input words are folded first (lower case, no diacritics): "tweeëntwintig"
arrives as "tweeentwintig".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

UNITS: dict[str, int] = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
TEENS: dict[str, int] = {
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
TENS: dict[str, int] = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}

# "vijfenveertig", "tweeentwintig" (folded "tweeëntwintig"), "een-en-dertig".
_COMPOUND = re.compile(
    r"^(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
    r"-?(?:en|ën|e?en)-?"
    r"(?P<tens>" + "|".join(TENS) + r")$"
)
_DIGITS = re.compile(r"^\d{1,3}$")


def parse_number_word(word: str) -> int | None:
    """The value of one written number, or None. "vijfenveertig" -> 45, "12" -> 12."""
    word = word.strip().lower()
    if _DIGITS.match(word):
        return int(word)
    if word in UNITS:
        return UNITS[word]
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    if word == "honderd":
        return 100
    match = _COMPOUND.match(word)
    if match:
        return UNITS[match["unit"]] + TENS[match["tens"]]
    return None


def parse_number_at(words: Sequence[str], start: int) -> tuple[int, int] | None:
    """The number that starts at words[start], as (value, words used), or None.

    Handles the split spelling people type in chat: "twee en dertig" -> (32, 3).
    """
    if start >= len(words):
        return None
    first = words[start].lower()
    if first in UNITS and start + 2 < len(words) and words[start + 1].lower() == "en":
        tens = words[start + 2].lower()
        if tens in TENS:
            return UNITS[first] + TENS[tens], 3
    value = parse_number_word(first)
    if value is None:
        return None
    return value, 1
