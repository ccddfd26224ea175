"""Understand the free text of a search: synonyms, stems, typos.

The result is a list of word groups; an offering matches a group when it
contains any alternative of it. Shared by both backends.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import SearchVocabulary, Topic, TopicSynonym
from catalogue.text import edit_distance, fold, query_words, stem, typo_budget
from catalogue.topics import topic_slug

MAX_WORDS = 12


@dataclass(frozen=True)
class Term:
    token: str
    # Prefix match finds compounds: "warmtepomp*" also finds "warmtepompmonteur".
    prefix: bool


@dataclass(frozen=True)
class TextQuery:
    groups: tuple[tuple[Term, ...], ...]
    corrections: dict[str, str]


def analyse(session: Session, text: str) -> TextQuery:
    words = query_words(text)[:MAX_WORDS]
    topics = _topic_names(session, words)
    groups: list[tuple[Term, ...]] = []
    corrections: dict[str, str] = {}
    index = 0
    while index < len(words):
        # Longest phrase first: "positieve gezondheid" is one topic. Its words
        # stay in the query too, so titles with those very words rank first.
        for size in (3, 2, 1):
            phrase = " ".join(words[index : index + size])
            if size > 1 and index + size <= len(words) and phrase in topics:
                slug = Term(topic_slug(topics[phrase]), prefix=False)
                groups += [(Term(stem(w), prefix=True), slug) for w in words[index : index + size]]
                index += size
                break
            if size == 1:
                word = words[index]
                groups.append(_word_group(session, word, topics.get(word), corrections))
                index += 1
    return TextQuery(groups=tuple(g for g in groups if g), corrections=corrections)


def _topic_names(session: Session, words: list[str]) -> dict[str, str]:
    """Phrase or word -> canonical topic name, for the n-grams of the query."""
    grams = {
        " ".join(words[i : i + size]) for size in (1, 2, 3) for i in range(len(words) - size + 1)
    }
    if not grams:
        return {}
    found: dict[str, str] = {}
    for name in session.scalars(select(Topic.name).where(Topic.name.in_(grams))):
        found[fold(name)] = name
    synonyms = select(TopicSynonym.synonym, Topic.name).join(
        Topic, Topic.id == TopicSynonym.topic_id
    )
    for synonym, name in session.execute(synonyms.where(TopicSynonym.synonym.in_(grams))):
        found.setdefault(synonym, name)
    return found


def _word_group(
    session: Session, word: str, topic: str | None, corrections: dict[str, str]
) -> tuple[Term, ...]:
    token = stem(word)
    terms = [Term(token, prefix=True)]
    if topic is not None:
        terms.append(Term(topic_slug(topic), prefix=False))
    elif not _known(session, token):
        corrected = _closest(session, token)
        if corrected is None:
            return tuple(terms)
        corrections[word] = corrected
        terms = [Term(corrected, prefix=True)]
    return tuple(terms)


def _known(session: Session, token: str) -> bool:
    prefix = token.replace("\\", "").replace("%", "").replace("_", "")
    statement = select(SearchVocabulary.term).where(SearchVocabulary.term.like(f"{prefix}%"))
    return session.scalars(statement.limit(1)).first() is not None


def _closest(session: Session, token: str) -> str | None:
    budget = typo_budget(token)
    if budget == 0:
        return None
    length = func.length(SearchVocabulary.term)
    statement = select(SearchVocabulary.term).where(
        length.between(len(token) - budget, len(token) + budget)
    )
    if session.get_bind().dialect.name == "postgresql":
        # pg_trgm's index narrows the candidates; the choice below is shared.
        statement = statement.where(SearchVocabulary.term.op("%")(token))
    best: tuple[int, str] | None = None
    for candidate in session.scalars(statement):
        distance = edit_distance(token, candidate, budget)
        if distance <= budget and (best is None or (distance, candidate) < best):
            best = (distance, candidate)
    return best[1] if best else None
