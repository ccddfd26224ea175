"""Typed Dutch made comparable: folding, chat spellings, drawn-out words, own words."""

from __future__ import annotations

import functools
import re

import yaml

from nlu.text import fold
from nlu.vocabulary import VOCABULARY_DIR


@functools.cache
def _spellings() -> dict[str, str]:
    """Chat spelling -> standard word ("k" -> "ik", "nie" -> "niet")."""
    with (VOCABULARY_DIR / "spelling.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    table: dict[str, str] = {}
    for standard, variants in (data.get("values") or {}).items():
        for variant in variants or []:
            table[fold(str(variant))] = fold(str(standard))
    # Forms the reader needs that the NLU's table keeps apart on purpose.
    table.update({"nee": "nee", "neen": "nee", "nop": "nee", "nope": "nee", "jep": "ja"})
    return table


_WORD = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]")
# Drawn-out chat words: "jaaa" -> "ja", "neeee" -> "nee", "okeee" -> "oke".
_DRAWN_OUT = (
    (re.compile(r"^ja{2,}$"), "ja"),
    (re.compile(r"^ne{3,}$"), "nee"),
    (re.compile(r"^oke{2,}$"), "oke"),
)
# Words the NLU spelling table folds that must stay as they are here.
_KEEP = {"werken", "baan", "kunnen", "kun", "kunt", "me", "hele", "erg", "zin", "job"}


# Where one clause ends and the next begins: punctuation or a joining word.
CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:en|maar|want|omdat|dus|of)\b")


@functools.lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """Folded text with chat spellings replaced word by word: "k wil nie" -> "ik wil niet"."""
    folded = fold(text).replace("’", "'")
    table = _spellings()
    words = []
    for token in _WORD.findall(folded):
        for drawn_out, plain in _DRAWN_OUT:
            if drawn_out.match(token):
                token = plain
        words.append(token if token in _KEEP else table.get(token, token))
    joined = " ".join(words)
    # Keep amounts and years together again: "1 . 500" -> "1.500", "2 , 5" -> "2,5".
    joined = re.sub(r"(?<=\d) ([.,]) (?=\d)", r"\1", joined)
    return re.sub(r"' s ", "'s ", joined)


def own_words(text: str, *, limit: int = 40) -> str | None:
    """The person's words as a fact's "said", when the message is that short answer."""
    stripped = text.strip()
    return stripped if len(stripped) <= limit else None
