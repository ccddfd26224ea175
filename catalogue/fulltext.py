"""The backend-specific part of search: how a TextQuery matches and scores.

SQLite: FTS5 MATCH with bm25 (title 10, topics 5, rest 1, filter tokens 0).
PostgreSQL: tsvector @@ tsquery with ts_rank (weights A, B, C).
Scores are returned "higher is better" on both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    Subquery,
    cast,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session

from catalogue.models import Offering
from catalogue.query import Term
from catalogue.schemas import CourseQuery

_FTS = table("offering_search")
_FTS_ROWID: ColumnElement[int] = literal_column("offering_search.rowid")
_FTS_TABLE: ColumnElement[str] = literal_column("offering_search")
_VECTOR: ColumnElement[str] = literal_column("offerings.search_vector")


@dataclass(frozen=True)
class TextMatch:
    condition: ColumnElement[bool]
    score: ColumnElement[float]


def _sqlite_term(term: Term) -> str:
    # Tokens are [a-z0-9] only (catalogue.text), so quoting is safe.
    return f'"{term.token}"' + ("*" if term.prefix else "")


def _postgres_term(term: Term) -> str:
    return term.token + (":*" if term.prefix else "")


def text_match(
    session: Session,
    groups: tuple[tuple[Term, ...], ...],
    filters: tuple[tuple[Term, ...], ...],
    *,
    any_group: bool,
) -> TextMatch:
    """Text groups (all of them, or any with any_group) AND every filter group."""
    if session.get_bind().dialect.name == "postgresql":
        text_part = (" | " if any_group else " & ").join(
            "(" + " | ".join(_postgres_term(t) for t in group) + ")" for group in groups
        )
        parts = [f"({text_part})"] if groups else []
        parts += ["(" + " | ".join(_postgres_term(t) for t in group) + ")" for group in filters]
        tsquery = func.to_tsquery("simple", " & ".join(parts))
        # Weights {D, C, B, A} mirror bm25's 0/1/5/10 (filters weigh nothing);
        # normalisation 1 divides by 1 + log(length), as bm25 prefers short documents.
        weights: ColumnElement[str] = literal_column("'{0.0, 0.1, 0.5, 1.0}'::float4[]")
        return TextMatch(
            condition=_VECTOR.op("@@")(tsquery),
            score=cast(func.ts_rank(weights, _VECTOR, tsquery, 1), Float),
        )
    text_part = (" OR " if any_group else " AND ").join(
        "(" + " OR ".join(_sqlite_term(t) for t in group) + ")" for group in groups
    )
    sqlite_parts = [f"({text_part})"] if groups else []
    sqlite_parts += ["(" + " OR ".join(_sqlite_term(t) for t in group) + ")" for group in filters]
    expression = " AND ".join(sqlite_parts)
    return TextMatch(
        condition=_FTS_TABLE.op("MATCH")(expression),
        score=-func.bm25(_FTS_TABLE, 10.0, 5.0, 1.0, 0.0),
    )


SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")


def join_index(session: Session, statement: SelectT) -> SelectT:
    """SQLite keeps the index in a separate FTS5 table; PostgreSQL in a column."""
    if session.get_bind().dialect.name == "postgresql":
        return statement
    return statement.join(_FTS, Offering.id == _FTS_ROWID)


def index_only_search(
    session: Session, match: TextMatch, page: CourseQuery, by_text: bool
) -> tuple[int, list[int]]:
    """SQLite, no conditions outside the index: FTS5 alone counts and ranks."""
    # bm25 with the column weights of the migration's `rank` setting.
    score = -func.bm25(_FTS_TABLE, 10.0, 5.0, 1.0, 0.0) if by_text else literal(0.0)
    inner = (
        select(_FTS_ROWID.label("id"), score.label("score"))
        .select_from(_FTS)
        .where(match.condition)
        .subquery()
    )
    order: list[ColumnElement[Any]] = (
        [inner.c.score.desc(), inner.c.id] if by_text else [inner.c.id]
    )
    return paged(session, inner, order, page)


def paged(
    session: Session, inner: Subquery, order: list[ColumnElement[Any]], page: CourseQuery
) -> tuple[int, list[int]]:
    """One pass over the matches: the page of ids and, by a window, the total."""
    statement = (
        select(inner.c.id, func.count().over())
        .order_by(*order)
        .limit(page.limit)
        .offset(page.offset)
    )
    rows = session.execute(statement).all()
    if rows:
        return int(rows[0][1]), [int(row[0]) for row in rows]
    # An empty page says nothing about the total: count separately.
    total = session.scalars(select(func.count()).select_from(inner)).one()
    return int(total), []
