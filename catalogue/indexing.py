"""Search text of an offering and the vocabulary of the index (both backends)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from catalogue.models import SearchVocabulary, TopicSynonym
from catalogue.text import index_text
from catalogue.topics import topic_slug


def search_fields(
    *,
    title: str,
    description: str,
    topics: Iterable[str],
    sector: str,
    provider: str,
    town: str,
    region: str,
    dossier: str = "",
) -> dict[str, str]:
    """The three weighted search columns: title (A), topics (B), the rest (C)."""
    topic_list = list(topics)
    topic_tokens = [topic_slug(topic) for topic in topic_list]
    topic_tokens += [index_text(topic) for topic in topic_list]
    topic_tokens.append(index_text(sector))
    return {
        "search_title": index_text(title),
        "search_topics": " ".join(topic_tokens),
        "search_body": index_text(" ".join([description, dossier, provider, town, region])),
    }


def vocabulary_of(rows: Iterable[Mapping[str, object]]) -> set[str]:
    terms: set[str] = set()
    for row in rows:
        for column in ("search_title", "search_topics", "search_body"):
            terms.update(str(row[column]).split())
    return {term for term in terms if 1 < len(term) <= 80}


def add_vocabulary(session: Session, terms: Iterable[str]) -> None:
    """Insert terms that are new; synonyms count too (people type them)."""
    all_terms = set(terms)
    for synonym in session.scalars(select(TopicSynonym.synonym)):
        all_terms.update(index_text(synonym).split())
    rows = [{"term": term} for term in sorted(all_terms) if 1 < len(term) <= 80]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgres_insert if dialect == "postgresql" else sqlite_insert
    for start in range(0, len(rows), 5000):
        statement = insert(SearchVocabulary).values(rows[start : start + 5000])
        session.execute(statement.on_conflict_do_nothing(index_elements=["term"]))
