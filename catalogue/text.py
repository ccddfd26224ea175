"""Dutch search text: normalise, tokenise, drop filler words, stem.

Both backends index and query the same stems (Snowball's Dutch Porter
stemmer, the one PostgreSQL's `dutch` configuration uses), so SQLite FTS5 and
PostgreSQL tsvector find the same offerings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Words that say "I am looking for a course" rather than what about.
STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "doe",
        "doen",
        "een",
        "en",
        "er",
        "graag",
        "het",
        "hoe",
        "iets",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "kan",
        "kun",
        "kunnen",
        "me",
        "met",
        "mij",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "voor",
        "wat",
        "welke",
        "wie",
        "wil",
        "wilt",
        "zijn",
        "zo",
        "zoek",
        "zoeken",
        "mbo",
        "opleiding",
        "opleidingen",
        "cursus",
        "cursussen",
        "training",
        "trainingen",
        "scholing",
        "leren",
        "volgen",
        "doen",
        "worden",
        "graag",
        "alsjeblieft",
    ]
)

_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: "Patisserie", "pâtisserie" -> "patisserie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    stemmed: str = _stemmer().stemWord(word)
    return stemmed


def index_text(text: str) -> str:
    """Stems of all words (filler words too: titles are short), space-separated."""
    return " ".join(stem(word) for word in words(text))


def query_words(text: str) -> list[str]:
    """The meaningful words of a query, folded, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word not in STOPWORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) beyond limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def typo_budget(word: str) -> int:
    """How many edits a word may be off: none for short words, more for long ones."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2
