"""STAP-budget rules, table-driven: every rule and both sides of every boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from funding.schemas import EligibilityResult
from funding.service import check_eligibility
from tests.funding.helpers import override, status_of

TODAY = dt.date(2026, 11, 21)


def facts_for(application_date: str, /, **changes: object) -> dict[str, object]:
    """Facts that pass every rule on that date; ``changes`` override (None drops a fact).

    A birth date replaces the default age, so the two never disagree.
    """
    day = dt.date.fromisoformat(application_date)
    facts: dict[str, object] = {
        "application_date": application_date,
        "age": 40,
        "insured_months": 24,
        "receives_study_support": False,
        "stap_used_this_year": False,
        "other_funding_same_costs": False,
        "course_in_register": True,
        "course_kind": "mbo_certificaat",
        "course_price_eur": 800,
        "course_start_date": (day + dt.timedelta(days=35)).isoformat(),
        "course_abroad": False,
        "course_has_perks": False,
        "course_structured": True,
    }
    return override(facts, changes)


def check(facts: dict[str, object]) -> EligibilityResult:
    return check_eligibility(scheme="stap", facts=facts, today=TODAY)


YES, NO, UNKNOWN = "eligible", "not_eligible", "unknown"
WINDOW, AGE_18, AOW, INSURED = "application_window", "age_minimum", "age_below_aow", "insured_in_nl"
START, KIND, PERKS, STRUCTURED_RULE = "start_date", "course_kind", "no_perks", "structured_training"
SUPPORT, ONCE, DOUBLE = "no_study_support", "once_per_year", "no_double_funding"
START_DATE, STRUCTURED = "course_start_date", "course_structured"
# The usual application day in the tables: inside the May-June 2022 window.
MAY_2022 = "2022-05-10"


def case(
    name: str, day: str, changes: dict[str, object], outcome: str, rule: str, status: str | None
) -> pytest.ParameterSet:
    """One row: facts on ``day`` with ``changes``; ``status`` None = rule not in force."""
    return pytest.param(day, changes, outcome, rule, status, id=name)


CASES = [
    # Application windows: first and last day, the day before and after.
    case("before-first-window", "2022-02-28", {}, NO, WINDOW, "fail"),
    case("first-day-of-stap", "2022-03-01", {}, YES, WINDOW, "pass"),
    case("last-day-window-1-2022", "2022-04-30", {}, YES, WINDOW, "pass"),
    case("last-day-of-2022", "2022-12-31", {}, YES, WINDOW, "pass"),
    case("no-window-jan-2023", "2023-01-01", {}, NO, WINDOW, "fail"),
    case("day-before-3-march-2023", "2023-03-02", {}, NO, WINDOW, "fail"),
    case("first-window-2023-opens", "2023-03-03", {}, YES, WINDOW, "pass"),
    case("day-before-3-july-2023", "2023-07-02", {}, NO, WINDOW, "fail"),
    case("july-window-2023-opens", "2023-07-03", {}, YES, WINDOW, "pass"),
    case("day-before-18-sep-2023", "2023-09-17", {}, NO, WINDOW, "fail"),
    case("day-before-last-window", "2023-11-14", {}, NO, WINDOW, "fail"),
    case("last-window-opens", "2023-11-15", {}, YES, WINDOW, "pass"),
    case("last-day-of-stap", "2023-12-31", {}, YES, WINDOW, "pass"),
    case("day-stap-ended", "2024-01-01", {}, NO, WINDOW, "fail"),
    # 18 years on the application date.
    case("day-before-18th-birthday", MAY_2022, {"birth_date": "2004-05-11"}, NO, AGE_18, "fail"),
    case("on-18th-birthday", MAY_2022, {"birth_date": "2004-05-10"}, YES, AGE_18, "pass"),
    case("age-17", MAY_2022, {"age": 17}, NO, AGE_18, "fail"),
    case("age-18", MAY_2022, {"age": 18}, YES, AGE_18, "pass"),
    # AOW age: 66y7m in 2022, 66y10m in 2023; the day before and the day it is reached.
    case("2022-day-before-aow-age", MAY_2022, {"birth_date": "1955-10-11"}, YES, AOW, "pass"),
    case("2022-reaches-aow-age", MAY_2022, {"birth_date": "1955-10-10"}, NO, AOW, "fail"),
    case("2023-day-before-aow-age", "2023-05-10", {"birth_date": "1956-07-11"}, YES, AOW, "pass"),
    case("2023-reaches-aow-age", "2023-05-10", {"birth_date": "1956-07-10"}, NO, AOW, "fail"),
    case("2023-uses-66y10m", "2023-05-10", {"birth_date": "1956-09-01"}, YES, AOW, "pass"),
    case("age-65", MAY_2022, {"age": 65}, YES, AOW, "pass"),
    case("age-66-needs-birth-date", MAY_2022, {"age": 66}, UNKNOWN, AOW, "unknown"),
    case("age-67", MAY_2022, {"age": 67}, NO, AOW, "fail"),
    # At least 6 months insured in the Netherlands.
    case("insured-5-months", MAY_2022, {"insured_months": 5}, NO, INSURED, "fail"),
    case("insured-6-months", MAY_2022, {"insured_months": 6}, YES, INSURED, "pass"),
    # Yes/no knock-outs.
    case("study-support", MAY_2022, {"receives_study_support": True}, NO, SUPPORT, "fail"),
    case("used-this-year", MAY_2022, {"stap_used_this_year": True}, NO, ONCE, "fail"),
    case("double-funding", MAY_2022, {"other_funding_same_costs": True}, NO, DOUBLE, "fail"),
    case("not-in-register", MAY_2022, {"course_in_register": False}, NO, "in_register", "fail"),
    case("abroad", MAY_2022, {"course_abroad": True}, NO, "not_abroad", "fail"),
    # Start: at least 28 days after the application, at most 3 months after the window.
    case("start-27-days-after", MAY_2022, {START_DATE: "2022-06-06"}, NO, START, "fail"),
    case("start-28-days-after", MAY_2022, {START_DATE: "2022-06-07"}, YES, START, "pass"),
    case("start-3-months-after-window", MAY_2022, {START_DATE: "2022-09-30"}, YES, START, "pass"),
    case("start-day-after-3-months", MAY_2022, {START_DATE: "2022-10-01"}, NO, START, "fail"),
    case("start-by-2024-03-31", "2023-12-31", {START_DATE: "2024-03-31"}, YES, START, "pass"),
    case("start-on-2024-04-01", "2023-12-31", {START_DATE: "2024-04-01"}, NO, START, "fail"),
    # Kind of training: wider before 18 September 2023, OCW-recognised only from then.
    case("nrto-before-change", "2023-08-31", {"course_kind": "nrto"}, YES, KIND, "pass"),
    case("nrto-on-2023-09-17", "2023-09-17", {"course_kind": "nrto"}, NO, KIND, "pass"),
    case("nrto-on-2023-09-18", "2023-09-18", {"course_kind": "nrto"}, NO, KIND, "fail"),
    case("branche-2023-09-18", "2023-09-18", {"course_kind": "branche_erkend"}, NO, KIND, "fail"),
    case("keuzedeel-2023-09-18", "2023-09-18", {"course_kind": "keuzedeel"}, YES, KIND, "pass"),
    case("other-kind-2022", MAY_2022, {"course_kind": "other"}, NO, KIND, "fail"),
    # Structured training from 1 May 2023.
    case("unstructured-2023-04-30", "2023-04-30", {STRUCTURED: False}, YES, STRUCTURED_RULE, None),
    case("unstructured-2023-05-01", "2023-05-01", {STRUCTURED: False}, NO, STRUCTURED_RULE, "fail"),
    # No perks from 1 October 2022.
    case("perks-2022-09-30", "2022-09-30", {"course_has_perks": True}, YES, PERKS, None),
    case("perks-2022-10-01", "2022-10-01", {"course_has_perks": True}, NO, PERKS, "fail"),
    case("no-perks-2022-10-01", "2022-10-01", {"course_has_perks": False}, YES, PERKS, "pass"),
]


@pytest.mark.parametrize(("application_date", "changes", "outcome", "rule", "status"), CASES)
def test_rule(
    application_date: str, changes: dict[str, object], outcome: str, rule: str, status: str | None
) -> None:
    result = check(facts_for(application_date, **changes))
    assert result.outcome == outcome
    assert status_of(result, rule) == status
    if outcome == "not_eligible":
        assert result.missing == []
        assert result.reasons[0].status == "fail"


@pytest.mark.parametrize(
    ("price", "amount"),
    [
        pytest.param(0, 0.0, id="free"),
        pytest.param(999, 999.0, id="999"),
        pytest.param(1000, 1000.0, id="1000"),
        pytest.param(1000.01, 1000.0, id="1000.01"),
        pytest.param(1500, 1000.0, id="1500-capped"),
    ],
)
def test_amount_is_the_price_up_to_1000(price: float, amount: float) -> None:
    result = check(facts_for("2022-05-10", course_price_eur=price))
    assert result.outcome == "eligible"
    assert result.amount_eur == amount


@pytest.mark.parametrize(
    ("changes", "outcome", "amount", "missing_for_amount"),
    [
        pytest.param({"insured_months": None}, "unknown", 800.0, [], id="unknown-with-price"),
        pytest.param(
            {"course_price_eur": None}, "eligible", None, ["course_price_eur"], id="no-price"
        ),
        pytest.param({"age": 17}, "not_eligible", None, [], id="not-eligible-no-amount"),
    ],
)  # fmt: skip
def test_amount_only_when_it_can_still_be_paid(
    changes: dict[str, object], outcome: str, amount: float | None, missing_for_amount: list[str]
) -> None:
    result = check(facts_for("2022-05-10", **changes))
    assert (result.outcome, result.amount_eur) == (outcome, amount)
    assert result.missing_for_amount == missing_for_amount


@pytest.mark.parametrize(
    ("facts", "outcome", "missing"),
    [
        pytest.param(
            {"application_date": MAY_2022, "age": 17}, "not_eligible", [], id="fail-beats-unknown"
        ),
        pytest.param(
            facts_for(MAY_2022, insured_months=None),
            "unknown",
            ["insured_months"],
            id="unknown-beats-eligible",
        ),
        pytest.param(facts_for("2022-05-10"), "eligible", [], id="all-known-all-pass"),
        pytest.param(
            {"application_date": "2022-05-10"},
            "unknown",
            ["age", "receives_study_support", "stap_used_this_year", "other_funding_same_costs",
             "course_in_register", "course_start_date", "course_abroad", "course_kind",
             "insured_months"],
            id="missing-order-2022-05",
        ),
        pytest.param(
            {"application_date": "2023-05-10", "age": 66, "receives_study_support": False},
            "unknown",
            ["stap_used_this_year", "birth_date", "other_funding_same_costs", "course_in_register",
             "course_start_date", "course_abroad", "course_kind", "insured_months",
             "course_has_perks", "course_structured"],
            id="missing-order-2023-with-age-66",
        ),
    ],
)  # fmt: skip
def test_outcome_precedence_and_missing_order(
    facts: dict[str, object], outcome: str, missing: list[str]
) -> None:
    result = check(facts)
    assert result.outcome == outcome
    assert result.missing == missing


def test_missing_never_names_a_known_fact() -> None:
    facts = {"application_date": "2022-05-10", "age": 40, "course_kind": "nrto"}
    result = check(facts)
    assert not set(result.missing) & set(facts)
    assert "birth_date" not in result.missing  # the age decides both age rules


def test_reasons_put_failures_first_then_unknowns() -> None:
    result = check({"application_date": "2023-01-15", "age": 40})
    statuses = [reason.status for reason in result.reasons]
    assert statuses == sorted(statuses, key=["fail", "unknown", "pass"].index)
    assert result.reasons[0].rule == "application_window"


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param({}, id="nothing-known"),
        pytest.param(facts_for("2022-05-10", application_date=None), id="everything-else-fine"),
    ],
)
def test_today_stap_has_ended(facts: dict[str, object]) -> None:
    result = check(facts)
    assert result.application_date == TODAY
    assert result.outcome == "not_eligible"
    assert result.scheme_active is False
    assert result.missing == []
    first = result.reasons[0]
    assert (first.rule, first.status) == ("application_window", "fail")
    assert "1 januari 2024" in first.explanation
    assert result.ended_on == dt.date(2024, 1, 1)
    assert {a.id for a in result.alternatives} >= {"levenlanglerenkrediet", "leerwerkloket"}


def test_every_reason_has_dutch_text_and_a_source() -> None:
    result = check({"application_date": "2023-10-02"})
    assert len(result.reasons) == 13
    for reason in result.reasons:
        assert reason.explanation
        assert reason.source
