"""Levenlanglerenkrediet rules, table-driven: kind of programme, age limit, finance, nationality."""

from __future__ import annotations

import datetime as dt

import pytest

from funding.schemas import EligibilityResult
from funding.service import InvalidFactsError, check_eligibility
from tests.funding.helpers import override, status_of

TODAY = dt.date(2026, 11, 21)
SCHEME = "levenlanglerenkrediet"
FINANCE_FACT = "has_right_to_student_finance"


def facts_for(application_date: str, /, **changes: object) -> dict[str, object]:
    """Facts that pass every rule; ``changes`` override (None drops a fact)."""
    facts: dict[str, object] = {
        "application_date": application_date,
        "programme_kind": "mbo_bol_fulltime",
        "age": 45,
        "has_right_to_student_finance": False,
        "nationality_ok": True,
    }
    return override(facts, changes)


def check(facts: dict[str, object]) -> EligibilityResult:
    return check_eligibility(scheme=SCHEME, facts=facts, today=TODAY)


YES, NO, UNKNOWN = "eligible", "not_eligible", "unknown"
KIND, AGE, FINANCE, NATIONALITY = "programme_kind", "age_limit", "no_student_finance", "nationality"
# An ordinary day in study year 2024-2025.
MARCH_2025 = "2025-03-01"


def case(
    name: str, day: str, changes: dict[str, object], outcome: str, rule: str, status: str
) -> pytest.ParameterSet:
    """One row: facts on ``day`` with ``changes``, the outcome and one rule's status."""
    return pytest.param(day, changes, outcome, rule, status, id=name)


CASES = [
    # Only full-time BOL mbo and hbo/wo programmes.
    case("mbo-bol-fulltime", MARCH_2025, {}, YES, KIND, "pass"),
    case("hbo-wo-fulltime", MARCH_2025, {KIND: "hbo_wo_fulltime"}, YES, KIND, "pass"),
    case("hbo-wo-parttime", MARCH_2025, {KIND: "hbo_wo_parttime"}, YES, KIND, "pass"),
    case("mbo-bbl", MARCH_2025, {KIND: "mbo_bbl"}, NO, KIND, "fail"),
    case("mbo-bol-parttime", MARCH_2025, {KIND: "mbo_bol_parttime"}, NO, KIND, "fail"),
    case("other-programme", MARCH_2025, {KIND: "other"}, NO, KIND, "fail"),
    # Younger than 57 from study year 2024-2025 (from 1 September 2024), 56 before.
    case("age-56-in-2025", MARCH_2025, {"age": 56}, YES, AGE, "pass"),
    case("age-57-in-2025", MARCH_2025, {"age": 57}, NO, AGE, "fail"),
    case("day-before-57th-birthday", MARCH_2025, {"birth_date": "1968-03-02"}, YES, AGE, "pass"),
    case("on-57th-birthday", MARCH_2025, {"birth_date": "1968-03-01"}, NO, AGE, "fail"),
    case("age-56-on-2024-08-31", "2024-08-31", {"age": 56}, NO, AGE, "fail"),
    case("age-56-on-2024-09-01", "2024-09-01", {"age": 56}, YES, AGE, "pass"),
    case("age-55-on-2024-08-31", "2024-08-31", {"age": 55}, YES, AGE, "pass"),
    # No (remaining) right to regular student finance.
    case("still-student-finance", MARCH_2025, {FINANCE_FACT: True}, NO, FINANCE, "fail"),
    case("student-finance-unknown", MARCH_2025, {FINANCE_FACT: None}, UNKNOWN, FINANCE, "unknown"),
    # Nationality or a qualifying residence permit.
    case("nationality-not-ok", MARCH_2025, {"nationality_ok": False}, NO, NATIONALITY, "fail"),
    case(
        "nationality-unknown", MARCH_2025, {"nationality_ok": None}, UNKNOWN, NATIONALITY, "unknown"
    ),
    # The rules in this file start on 1 January 2024.
    case("before-2024", "2023-12-31", {}, NO, "application_period", "fail"),
    case("first-day-2024", "2024-01-01", {}, YES, "application_period", "pass"),
    # Precedence: a failure decides even with facts missing.
    case("fail-beats-unknown", MARCH_2025, {KIND: "mbo_bbl", "age": None}, NO, AGE, "unknown"),
]


@pytest.mark.parametrize(("application_date", "changes", "outcome", "rule", "status"), CASES)
def test_rule(
    application_date: str, changes: dict[str, object], outcome: str, rule: str, status: str
) -> None:
    result = check(facts_for(application_date, **changes))
    assert result.outcome == outcome
    assert status_of(result, rule) == status
    if outcome == "not_eligible":
        assert result.missing == []
        assert result.amount_eur is None


@pytest.mark.parametrize(
    ("facts", "missing"),
    [
        pytest.param({}, [KIND, "age", FINANCE_FACT, "nationality_ok"], id="nothing-known"),
        pytest.param({"age": 30}, [KIND, FINANCE_FACT, "nationality_ok"], id="age-known"),
        pytest.param(
            {KIND: "hbo_wo_fulltime", "nationality_ok": True},
            ["age", FINANCE_FACT],
            id="kind-and-nationality-known",
        ),
        pytest.param({"age": 56, "application_date": "2024-05-01"}, [], id="too-old-no-question"),
    ],
)
def test_missing_order(facts: dict[str, object], missing: list[str]) -> None:
    assert check(facts).missing == missing


@pytest.mark.parametrize(
    ("changes", "amount"),
    [
        pytest.param({}, 7095.0, id="mbo-cursusgeld-cap"),
        pytest.param({"programme_kind": "hbo_wo_parttime"}, 12650.04, id="hbo-wo-cap"),
        pytest.param({"nationality_ok": None}, 7095.0, id="unknown-but-kind-known"),
        pytest.param({"programme_kind": None}, None, id="kind-unknown"),
        pytest.param({"programme_kind": "mbo_bbl"}, None, id="not-eligible"),
    ],
)
def test_amount_is_the_tuition_cap_of_the_programme(
    changes: dict[str, object], amount: float | None
) -> None:
    result = check(facts_for(MARCH_2025, **changes))
    assert result.amount_eur == amount
    assert result.amount_explanation is not None
    assert "1.419" in result.amount_explanation


def test_today_the_loan_is_open_and_says_the_duo_pages_differ() -> None:
    result = check({"age": 56})
    assert result.application_date == TODAY
    assert result.scheme_active is True
    age = next(r for r in result.reasons if r.rule == "age_limit")
    assert age.status == "pass"
    assert "DUO" in age.explanation
    assert "niet alle pagina's" in age.explanation


def test_not_eligible_suggests_what_else_exists() -> None:
    result = check(facts_for(MARCH_2025, programme_kind="mbo_bbl"))
    ids = [a.id for a in result.alternatives]
    assert "leerwerkloket" in ids
    assert "levenlanglerenkrediet" not in ids


@pytest.mark.parametrize(
    ("facts", "fragment"),
    [
        pytest.param(
            {"age": 40, "birth_date": "1990-01-01", "application_date": MARCH_2025},
            "does not match",
            id="age-contradicts-birth-date",
        ),
        pytest.param(
            {"birth_date": "2025-03-02", "application_date": MARCH_2025},
            "after application_date",
            id="born-after-application",
        ),
        pytest.param({KIND: "bbl"}, "programme_kind", id="unknown-programme-kind"),
        pytest.param({"course_kind": "nrto"}, "course_kind", id="stap-fact-for-the-loan"),
    ],
)
def test_facts_that_cannot_be_true_are_rejected(facts: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidFactsError, match=fragment):
        check(facts)


def test_a_conversation_may_pass_facts_of_another_scheme() -> None:
    facts = {**facts_for(MARCH_2025), "receives_study_support": False, "insured_months": 24}
    result = check_eligibility(scheme=SCHEME, facts=facts, today=TODAY, ignore_unknown_facts=True)
    assert result.outcome == "eligible"
