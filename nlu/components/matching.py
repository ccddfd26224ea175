"""Find vocabulary phrases in a message's tokens with spaCy's PhraseMatcher.

Shared by the gazetteer extractor (entities) and the lemma featurizer
(gazetteer-class features), so both see the same matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.nl import Dutch
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from nlu.text import fold
from nlu.vocabulary import AFTER_CUE, Entry, Vocabulary

# Words right before an ESCO job title that make it a job title:
# "ik werk als kok", "opleiding tot lasser", "ik ben monteur".
OCCUPATION_CUES = frozenset(
    ["als", "tot", "ben", "word", "worden", "wordt", "was", "beroep", "functie", "vak"]
)
ARTICLES = frozenset(["een", "de", "het"])
# Typos are forgiven only in long words (short ones collide with real words).
FUZZY_MIN_LENGTH = 7


@dataclass(frozen=True)
class Match:
    """Tokens [start, end) of a message are `entry` (a phrase of the vocabulary)."""

    start: int
    end: int
    entry: Entry
    fuzzy: bool = False


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class GazetteerMatcher:
    """Longest-first phrase matching over folded tokens, plus one-typo matching."""

    def __init__(self, vocabulary: Vocabulary, known_words: frozenset[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        self.known_words = known_words
        self._nlp = Dutch()
        self._matcher = PhraseMatcher(self._nlp.vocab)
        self._keys: dict[int, str] = {}
        for number, phrase in enumerate(vocabulary.phrases):
            words = [fold(token.text) for token in self._nlp.make_doc(phrase)]
            key = f"p{number}"
            self._keys[self._nlp.vocab.strings.add(key)] = phrase
            self._matcher.add(key, [Doc(self._nlp.vocab, words=words)])
        # Deletion neighbourhoods of one-word phrases (SymSpell, distance 1).
        self._fuzzy: dict[str, set[str]] = {}
        for phrase, entries in vocabulary.phrases.items():
            if " " in phrase or len(phrase) < FUZZY_MIN_LENGTH:
                continue
            if all(entry.scope == AFTER_CUE for entry in entries):
                continue
            for variant in {phrase} | _deletions(phrase):
                self._fuzzy.setdefault(variant, set()).add(phrase)

    def find(self, words: Sequence[str]) -> list[Match]:
        """Matches in folded `words`, non-overlapping, longest first."""
        if not words:
            return []
        doc = Doc(self._nlp.vocab, words=list(words))
        candidates: list[Match] = []
        for key, start, end in self._matcher(doc):
            for entry in self.vocabulary.phrases[self._keys[key]]:
                if entry.scope == AFTER_CUE and not self._after_cue(words, start):
                    continue
                candidates.append(Match(start, end, entry))
        candidates += self._fuzzy_matches(words)
        return self._longest_first(candidates)

    @staticmethod
    def _after_cue(words: Sequence[str], start: int) -> bool:
        before = start - 1
        if before >= 0 and words[before] in ARTICLES:
            before -= 1
        return before >= 0 and words[before] in OCCUPATION_CUES

    def _fuzzy_matches(self, words: Sequence[str]) -> list[Match]:
        matches: list[Match] = []
        for index, word in enumerate(words):
            if len(word) < FUZZY_MIN_LENGTH or word in self.known_words:
                continue
            if word in self.vocabulary.phrases:
                continue
            phrases: set[str] = set()
            for variant in {word} | _deletions(word):
                phrases |= self._fuzzy.get(variant, set())
            if len(phrases) != 1:  # none, or ambiguous: do not guess
                continue
            (phrase,) = phrases
            for entry in self.vocabulary.phrases[phrase]:
                if entry.scope != AFTER_CUE:
                    matches.append(Match(index, index + 1, entry, fuzzy=True))
        return matches

    @staticmethod
    def _longest_first(candidates: list[Match]) -> list[Match]:
        # Exact before fuzzy, longer before shorter, earlier before later.
        ordered = sorted(candidates, key=lambda m: (m.fuzzy, -(m.end - m.start), m.start))
        taken: set[int] = set()
        chosen: list[Match] = []
        for match in ordered:
            span = set(range(match.start, match.end))
            if span & taken and not any(
                c.start == match.start and c.end == match.end for c in chosen
            ):
                continue
            taken |= span
            chosen.append(match)
        return sorted(chosen, key=lambda m: (m.start, m.entry.entity))
