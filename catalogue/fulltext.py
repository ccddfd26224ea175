"""The backend-specific part of search: how a TextQuery matches and scores.

SQLite: FTS5 MATCH with bm25 (title 10, topics 5, rest 1).
PostgreSQL: tsvector @@ tsquery with ts_rank (weights A, B, C).
Scores are returned "higher is better" on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, Select, cast, func, literal_column, not_, select, table
from sqlalchemy.orm import Session

from catalogue.models import Offering
from catalogue.query import Term, TextQuery

_FTS = table("offering_search")
_FTS_ROWID: ColumnElement[int] = literal_column("offering_search.rowid")
_FTS_TABLE: ColumnElement[str] = literal_column("offering_search")
_VECTOR: ColumnElement[str] = literal_column("offerings.search_vector")


@dataclass(frozen=True)
class TextMatch:
    condition: ColumnElement[bool]
    score: ColumnElement[float]
    # The same test for "does not match", usable beside another MATCH.
    negated: ColumnElement[bool]


def _sqlite_term(term: Term) -> str:
    # Tokens are [a-z0-9] only (catalogue.text), so quoting is safe.
    return f'"{term.token}"' + ("*" if term.prefix else "")


def _postgres_term(term: Term) -> str:
    return term.token + (":*" if term.prefix else "")


def text_match(session: Session, query: TextQuery, *, any_group: bool) -> TextMatch:
    joiner = " OR " if any_group else " AND "
    if session.get_bind().dialect.name == "postgresql":
        expression = (" | " if any_group else " & ").join(
            "(" + " | ".join(_postgres_term(t) for t in group) + ")" for group in query.groups
        )
        tsquery = func.to_tsquery("simple", expression)
        # Weights {D, C, B, A} mirror bm25's 10/5/1; normalisation 1 divides by
        # 1 + log(length), as bm25 prefers short documents.
        weights: ColumnElement[str] = literal_column("'{0.0, 0.1, 0.5, 1.0}'::float4[]")
        condition = _VECTOR.op("@@")(tsquery)
        return TextMatch(
            condition=condition,
            score=cast(func.ts_rank(weights, _VECTOR, tsquery, 1), Float),
            negated=not_(condition),
        )
    expression = joiner.join(
        "(" + " OR ".join(_sqlite_term(t) for t in group) + ")" for group in query.groups
    )
    matching = select(_FTS_ROWID).select_from(_FTS).where(_FTS_TABLE.op("MATCH")(expression))
    return TextMatch(
        condition=_FTS_TABLE.op("MATCH")(expression),
        score=-func.bm25(_FTS_TABLE, 10.0, 5.0, 1.0),
        negated=Offering.id.not_in(matching),
    )


def join_index(session: Session, statement: Select[int]) -> Select[int]:
    """SQLite keeps the index in a separate FTS5 table; PostgreSQL in a column."""
    if session.get_bind().dialect.name == "postgresql":
        return statement
    return statement.join(_FTS, Offering.id == _FTS_ROWID)
