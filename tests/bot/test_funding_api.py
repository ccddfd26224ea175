"""POST /api/funding/{scheme}/check and GET /api/funding/schemes through the gateway."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.gateway.main import create_app
from core.settings import Settings

RESULT_FIELDS = {"scheme", "outcome", "amount_eur", "scheme_active", "reasons", "missing"}
REASON_FIELDS = {"rule", "status", "explanation", "source"}
STAP_2022 = {
    "application_date": "2022-05-10",
    "birth_date": "1980-01-31",
    "insured_months": 24,
    "receives_study_support": False,
    "stap_used_this_year": False,
    "other_funding_same_costs": False,
    "course_in_register": True,
    "course_kind": "mbo_certificaat",
    "course_price_eur": 1250.5,
    "course_start_date": "2022-06-20",
    "course_abroad": False,
    "course_has_perks": False,
    "course_structured": True,
}


@pytest.fixture
def client(tmp_path: Path, sqlite_url: str) -> Iterator[TestClient]:
    # One database is enough here: the funding routes do not touch the catalogue.
    settings = Settings(
        data_dir=tmp_path,
        database_url=sqlite_url,
        rasa_url="http://127.0.0.1:9",
        action_server_url="http://127.0.0.1:9",
    )
    with TestClient(create_app(settings)) as client:
        yield client


def assert_contract_shape(body: dict[str, object]) -> None:
    assert set(body) >= RESULT_FIELDS
    assert body["outcome"] in {"eligible", "not_eligible", "unknown"}
    assert body["amount_eur"] is None or isinstance(body["amount_eur"], int | float)
    assert isinstance(body["scheme_active"], bool)
    assert isinstance(body["missing"], list)
    assert all(isinstance(name, str) for name in body["missing"])
    reasons = body["reasons"]
    assert isinstance(reasons, list)
    assert reasons
    for reason in reasons:
        assert set(reason) == REASON_FIELDS
        assert reason["status"] in {"pass", "fail", "unknown"}
        assert reason["explanation"]
        assert reason["source"]


def test_stap_what_if_in_2022_is_eligible_with_the_capped_amount(client: TestClient) -> None:
    response = client.post("/api/funding/stap/check", json=STAP_2022)
    assert response.status_code == 200
    body = response.json()
    assert_contract_shape(body)
    assert body["scheme"] == "stap"
    assert body["outcome"] == "eligible"
    assert body["amount_eur"] == 1000
    assert body["scheme_active"] is True
    assert body["missing"] == []
    assert all(reason["status"] == "pass" for reason in body["reasons"])


def test_stap_today_has_ended(client: TestClient) -> None:
    body = client.post("/api/funding/stap/check", json={"age": 40}).json()
    assert_contract_shape(body)
    assert (body["outcome"], body["scheme_active"], body["missing"]) == ("not_eligible", False, [])
    assert body["reasons"][0]["rule"] == "application_window"
    assert "1 januari 2024" in body["reasons"][0]["explanation"]
    assert body["alternatives"]


@pytest.mark.parametrize(
    "body", [None, b"", b"  ", b"{}"], ids=["no-body", "empty", "spaces", "{}"]
)
def test_no_facts_is_a_valid_question(client: TestClient, body: bytes | None) -> None:
    response = client.post("/api/funding/levenlanglerenkrediet/check", content=body)
    assert response.status_code == 200
    assert response.json()["missing"][0] == "programme_kind"


def test_the_loan_is_checked_today(client: TestClient) -> None:
    facts = {
        "programme_kind": "hbo_wo_parttime",
        "age": 50,
        "has_right_to_student_finance": False,
        "nationality_ok": True,
    }
    response = client.post("/api/funding/levenlanglerenkrediet/check", json=facts)
    assert response.status_code == 200
    body = response.json()
    assert_contract_shape(body)
    assert (body["scheme"], body["outcome"], body["scheme_active"]) == (
        "levenlanglerenkrediet",
        "eligible",
        True,
    )
    assert body["amount_eur"] == 12650.04


def test_the_loan_asks_for_what_is_missing(client: TestClient) -> None:
    facts = {"programme_kind": "mbo_bol_fulltime", "nationality_ok": None}
    body = client.post("/api/funding/levenlanglerenkrediet/check", json=facts).json()
    assert body["outcome"] == "unknown"
    assert body["missing"] == ["age", "has_right_to_student_finance", "nationality_ok"]


def test_schemes_are_listed(client: TestClient) -> None:
    response = client.get("/api/funding/schemes")
    assert response.status_code == 200
    schemes = {s["id"]: s for s in response.json()["schemes"]}
    assert set(schemes) >= {"stap", "levenlanglerenkrediet"}
    stap, loan = schemes["stap"], schemes["levenlanglerenkrediet"]
    assert stap["active"] is False
    assert stap["in_force"] == {"from": "2022-03-01", "until": "2023-12-31"}
    assert stap["ended_on"] == "2024-01-01"
    assert loan["active"] is True
    assert loan["in_force"] == {"from": "2024-01-01", "until": None}
    assert "course_price_eur" in stap["facts"]
    assert set(loan["facts"]) == {
        "application_date",
        "programme_kind",
        "age",
        "birth_date",
        "has_right_to_student_finance",
        "nationality_ok",
    }
    assert loan["questions"]["age"] == "Hoe oud ben je?"


@pytest.mark.parametrize(
    ("scheme", "body", "fragment"),
    [
        ("stap", {"colour": "blue"}, "colour"),
        ("stap", {"age": 40, "shoe_size": 44, "pet": "cat"}, "shoe_size"),
        ("levenlanglerenkrediet", {"course_kind": "nrto"}, "course_kind"),
        ("stap", {"age": "45"}, "valid integer"),
        ("stap", {"age": 45.5}, "valid integer"),
        ("stap", {"age": True}, "valid integer"),
        ("stap", {"receives_study_support": "ja"}, "valid boolean"),
        ("stap", {"course_abroad": 1}, "valid boolean"),
        ("stap", {"course_price_eur": "duur"}, "valid number"),
        ("stap", {"course_kind": "boek"}, "mbo_diploma"),
        ("levenlanglerenkrediet", {"programme_kind": "bbl"}, "mbo_bbl"),
        ("stap", {"application_date": "2023-02-30"}, "not an existing date"),
        ("stap", {"birth_date": "1980-13-01"}, "not an existing date"),
        ("stap", {"course_start_date": "1-5-2023"}, "YYYY-MM-DD"),
        ("stap", {"birth_date": 0}, "YYYY-MM-DD"),
        ("stap", {"application_date": "2023-05-01T10:00:00"}, "YYYY-MM-DD"),
        ("stap", {"application_date": "1850-01-01"}, "between 1900-01-01"),
        ("stap", {"age": -1}, "greater than or equal to 0"),
        ("stap", {"age": 200}, "less than or equal to 130"),
        ("stap", {"course_price_eur": -0.01}, "greater than or equal to 0"),
        ("stap", {"insured_months": -3}, "greater than or equal to 0"),
        ("stap", {"insured_months": 30}, "less than or equal to 24"),
        ("stap", {"birth_date": "2030-01-01"}, "birth_date is after application_date"),
        ("levenlanglerenkrediet", {"age": 40, "birth_date": "1990-06-01"}, "does not match"),
        ("stap", [1, 2], "JSON object"),
        ("stap", "age=45", "JSON object"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_facts_get_422_with_a_clear_detail(
    client: TestClient, scheme: str, body: object, fragment: str
) -> None:
    response = client.post(f"/api/funding/{scheme}/check", json=body)
    assert response.status_code == 422
    assert fragment in json.dumps(response.json()["detail"])


def test_invalid_json_and_nan_get_422(client: TestClient) -> None:
    bad = client.post("/api/funding/stap/check", content=b'{"age": ')
    assert bad.status_code == 422
    assert "not valid JSON" in json.dumps(bad.json()["detail"])
    nan = client.post("/api/funding/stap/check", content=b'{"course_price_eur": NaN}')
    assert nan.status_code == 422
    assert "finite" in json.dumps(nan.json()["detail"])


def test_validation_errors_do_not_echo_the_input(client: TestClient) -> None:
    response = client.post("/api/funding/stap/check", json={"age": "geheim-4815162342"})
    assert response.status_code == 422
    assert "4815162342" not in response.text


def test_unknown_scheme_is_404_and_names_the_known_ones(client: TestClient) -> None:
    response = client.post("/api/funding/slim/check", json={"age": 40})
    assert response.status_code == 404
    assert "stap" in response.json()["detail"]
    assert "levenlanglerenkrediet" in response.json()["detail"]


def test_a_huge_body_is_refused(client: TestClient) -> None:
    response = client.post("/api/funding/stap/check", content=b"{" + b" " * 20_000 + b"}")
    assert response.status_code == 413
