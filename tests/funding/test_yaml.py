"""The scheme files: they load, they are complete, and a new file is a new scheme."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from funding.rules import SCHEMES_DIR, SchemeFileError, load_alternatives, load_scheme
from funding.service import check_eligibility, list_schemes

SCHEME_FILES = sorted(SCHEMES_DIR.glob("*.yml"))
# B1: short sentences. A rough but useful guard for texts added later.
MAX_WORDS_PER_SENTENCE = 25


def test_the_contract_schemes_exist() -> None:
    assert {path.stem for path in SCHEME_FILES} >= {"stap", "levenlanglerenkrediet"}


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.stem)
def test_scheme_file_loads_and_every_rule_explains_itself(path: Path) -> None:
    scheme = load_scheme(path)
    assert scheme.id == path.stem
    for rule in scheme.rules:
        texts = [rule.explanation.pass_, rule.explanation.fail, rule.explanation.unknown]
        assert all(text.strip() for text in texts), rule.id
        assert rule.source.strip(), rule.id
        assert rule.needs, rule.id


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.stem)
def test_no_two_versions_of_a_rule_are_in_force_on_the_same_day(path: Path) -> None:
    scheme = load_scheme(path)
    for index, rule in enumerate(scheme.rules):
        for other in scheme.rules[index + 1 :]:
            if other.id == rule.id:
                assert not rule.in_force.overlaps(other.in_force), rule.id


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.stem)
def test_dutch_texts_use_short_sentences(path: Path) -> None:
    scheme = load_scheme(path)
    texts = [scheme.description, *(n.text for n in scheme.notes)]
    for rule in scheme.rules:
        texts += [rule.explanation.pass_, rule.explanation.fail, rule.explanation.unknown]
    for text in texts:
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            assert len(sentence.split()) <= MAX_WORDS_PER_SENTENCE, sentence


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.stem)
def test_suggested_alternatives_exist(path: Path) -> None:
    known = {alternative.id for alternative in load_alternatives()}
    assert set(load_scheme(path).alternatives) <= known


def test_alternatives_cover_what_exists_now() -> None:
    alternatives = load_alternatives()
    ids = {a.id for a in alternatives}
    assert ids >= {"werkgever", "slim_ontwikkelpaden", "oo_fonds", "uwv_gemeente", "leerwerkloket"}
    assert all(a.source and a.text and a.title for a in alternatives)
    assert "35" in next(a.text for a in alternatives if a.id == "leerwerkloket")


def test_easy_decisive_questions_come_before_hard_ones() -> None:
    rank = load_scheme(SCHEMES_DIR / "stap.yml").fact_rank
    assert rank["age"] < rank["receives_study_support"] < rank["insured_months"]


NEW_SCHEME = """
id: scholingscheque
name: Scholingscheque
description: Een cheque van je gemeente voor een cursus. Je krijgt tot € 500.
regulation: Voorbeeldregeling
application_windows:
  - {from: 2025-01-01, until: 2025-12-31}
windows_source: voorbeeld
facts:
  application_date:
    type: date
    default: today
    priority: 9
    ease: 1
    description: Application date.
    question: Wanneer vraag je het aan?
  lives_in_municipality:
    type: boolean
    priority: 1
    ease: 1
    description: Lives in the municipality.
    question: Woon je in de gemeente?
  course_price_eur:
    type: number
    minimum: 0
    priority: 9
    ease: 2
    description: Price.
    question: Wat kost de cursus?
rules:
  - id: resident
    needs: [lives_in_municipality]
    condition: {fact: lives_in_municipality, op: is_true}
    explanation:
      pass: Je woont in de gemeente.
      fail: Je woont niet in de gemeente.
      unknown: We weten niet waar je woont.
    source: voorbeeld
amount:
  kind: capped_fact
  fact: course_price_eur
  cap: 500
  explanation: Je krijgt de prijs, tot € 500.
  source: voorbeeld
"""


def test_a_new_scheme_is_a_new_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "scholingscheque.yml").write_text(NEW_SCHEME, encoding="utf-8")
    for path in SCHEME_FILES:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    listed = {s.id: s for s in list_schemes(today=dt.date(2025, 6, 1), schemes_dir=tmp_path)}
    assert set(listed) == {"scholingscheque", "stap", "levenlanglerenkrediet"}
    assert listed["scholingscheque"].active
    assert listed["scholingscheque"].facts == [
        "application_date",
        "lives_in_municipality",
        "course_price_eur",
    ]
    result = check_eligibility(
        scheme="scholingscheque",
        facts={"lives_in_municipality": True, "course_price_eur": 750},
        today=dt.date(2025, 6, 1),
        schemes_dir=tmp_path,
    )
    assert (result.outcome, result.amount_eur, result.scheme_active) == ("eligible", 500.0, True)


NEEDS = "    needs: [lives_in_municipality]\n"


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        pytest.param(NEEDS, NEEDS.replace("]", ", shoe_size]"), "undeclared", id="undeclared-fact"),
        pytest.param(NEEDS, "    needs: [application_date]\n", "does not list", id="unlisted-fact"),
        pytest.param("op: is_true}", "op: in, values: [ja]}", "cannot use", id="in-on-a-boolean"),
        pytest.param("id: scholingscheque", "id: cheque", "file name", id="id-not-file-name"),
        pytest.param(
            "source: voorbeeld\namount", "source: ' '\namount", "source", id="empty-source"
        ),
        pytest.param("      fail: Je woont niet in de gemeente.\n", "", "fail", id="no-fail-text"),
        pytest.param(
            "until: 2025-12-31}", "until: 2024-12-31}", "after it ends", id="window-reversed"
        ),
        pytest.param("op: is_true}", "op: is_ture}", "is_ture", id="unknown-operator"),
    ],
)
def test_a_broken_scheme_file_is_refused_with_a_clear_message(
    tmp_path: Path, old: str, new: str, fragment: str
) -> None:
    assert old in NEW_SCHEME
    path = tmp_path / "scholingscheque.yml"
    path.write_text(NEW_SCHEME.replace(old, new), encoding="utf-8")
    with pytest.raises(SchemeFileError, match=fragment):
        load_scheme(path)


def test_overlapping_versions_of_a_rule_are_refused(tmp_path: Path) -> None:
    rule = NEW_SCHEME.split("rules:\n", 1)[1].split("amount:")[0]
    first = rule.replace("    needs:", "    in_force: {until: 2025-06-30}\n    needs:", 1)
    second = rule.replace("    needs:", "    in_force: {from: 2025-06-30}\n    needs:", 1)
    text = NEW_SCHEME.replace(rule, first + second)
    path = tmp_path / "scholingscheque.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeFileError, match="overlap"):
        load_scheme(path)
