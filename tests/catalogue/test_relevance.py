"""Relevance of the search on a judged set of Dutch queries: nDCG@5 and MRR.

`make relevance` prints the figures per backend; the test holds the bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.orm import Session

from catalogue.db import make_engine, make_session_factory
from catalogue.schemas import CourseCard, CourseQuery
from catalogue.search import search_courses

RELEVANCE_FILE = Path(__file__).with_name("relevance.yml")
K = 5
MIN_NDCG = 0.85


@dataclass(frozen=True)
class Judged:
    query: CourseQuery
    judgments: tuple[dict[str, Any], ...]

    def grade(self, card: CourseCard) -> int:
        best = 0
        text = f"{card.title}".lower()
        for judgment in self.judgments:
            if "kind" in judgment and card.kind != judgment["kind"]:
                continue
            if "sector" in judgment and card.sector != judgment["sector"]:
                continue
            if "title" in judgment and not any(w in text for w in judgment["title"]):
                continue
            best = max(best, int(judgment["grade"]))
        return best


def load_relevance_set() -> list[Judged]:
    raw = yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8"))
    judged = []
    for entry in raw["queries"]:
        filters = {k: v for k, v in entry.items() if k != "judge"}
        judged.append(Judged(CourseQuery(limit=K, **filters), tuple(entry["judge"])))
    return judged


def dcg(grades: list[int]) -> float:
    return sum((2.0**g - 1.0) / math.log2(i + 2) for i, g in enumerate(grades))


@dataclass(frozen=True)
class Scores:
    ndcg: float
    reciprocal_rank: float
    top_titles: tuple[str, ...]


def evaluate(session: Session, judged: Judged, corpus: dict[str, list[CourseCard]]) -> Scores:
    found = search_courses(session, query=judged.query).items
    grades = [judged.grade(card) for card in found]
    # The ideal ranking: the best grades among every offering that passes the
    # query's filters (place, kind, ...), whatever its text.
    filters = judged.query.model_copy(update={"q": None, "limit": 100_000, "offset": 0})
    key = filters.model_dump_json()
    if key not in corpus:
        corpus[key] = search_courses(session, query=filters).items
    ideal = sorted((judged.grade(card) for card in corpus[key]), reverse=True)[:K]
    first_relevant = next((i for i, g in enumerate(grades) if g > 0), None)
    return Scores(
        ndcg=dcg(grades) / dcg(ideal) if dcg(ideal) > 0 else 0.0,
        reciprocal_rank=1 / (first_relevant + 1) if first_relevant is not None else 0.0,
        top_titles=tuple(card.title for card in found),
    )


@pytest.fixture(scope="module")
def relevance_report(sessions: Any) -> dict[str, Scores]:
    judged_set = load_relevance_set()
    corpus: dict[str, list[CourseCard]] = {}
    with sessions() as session:
        return {
            f"{j.query.q} | {j.query.place or ''}": evaluate(session, j, corpus) for j in judged_set
        }


def test_the_set_has_at_least_40_queries() -> None:
    assert len(load_relevance_set()) >= 40


def test_ndcg_at_5_and_mrr(relevance_report: dict[str, Scores], database_url: str) -> None:
    backend = database_url.split(":")[0]
    mean_ndcg = sum(s.ndcg for s in relevance_report.values()) / len(relevance_report)
    mrr = sum(s.reciprocal_rank for s in relevance_report.values()) / len(relevance_report)
    print(f"\n{backend}: {len(relevance_report)} queries, nDCG@{K} {mean_ndcg:.3f}, MRR {mrr:.3f}")
    for query, scores in sorted(relevance_report.items(), key=lambda item: item[1].ndcg):
        if scores.ndcg < 1:
            print(f"  {scores.ndcg:.2f}  {query}: {list(scores.top_titles)}")
    assert mean_ndcg >= MIN_NDCG
    assert mrr >= MIN_NDCG


def test_backends_find_the_same_offerings(sqlite_url: str, postgres_url: str) -> None:
    """Same matching on the embedded default and on production's PostgreSQL.

    Which offerings match (and so every total) must be identical. The order
    comes from each engine's own ranking (FTS5 bm25, PostgreSQL ts_rank with
    the same column weights), so the top 5 may differ in ties and near-ties.
    """
    judged_set = load_relevance_set()
    totals: dict[str, list[int]] = {}
    tops: dict[str, list[set[tuple[str, str]]]] = {}
    for name, url in (("sqlite", sqlite_url), ("postgresql", postgres_url)):
        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            results = [search_courses(session, query=j.query) for j in judged_set]
        engine.dispose()
        totals[name] = [r.total for r in results]
        tops[name] = [{(c.title, c.place) for c in r.items} for r in results]
    same_tops = sum(a == b for a, b in zip(tops["sqlite"], tops["postgresql"], strict=True))
    print(f"\nsame total: all {len(judged_set)}; same top {K}: {same_tops}/{len(judged_set)}")
    assert totals["sqlite"] == totals["postgresql"]
    assert same_tops >= 0.8 * len(judged_set)
