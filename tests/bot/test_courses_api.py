from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.gateway.main import create_app
from core.settings import Settings

CARD_FIELDS = {
    "id",
    "title",
    "kind",
    "level",
    "crebo",
    "sector",
    "provider",
    "place",
    "region",
    "learning_modes",
    "duration_weeks",
    "price_eur",
    "start_dates",
    "url",
}


@pytest.fixture
def client(down_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(down_settings)) as client:
        yield client


def test_search_returns_cards_in_the_contract_shape(client: TestClient) -> None:
    response = client.get("/api/courses", params={"q": "verzorgende", "place": "Utrecht"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] > 0
    assert set(body["items"][0]) >= CARD_FIELDS
    assert body["items"][0]["kind"] == "diploma"


def test_filters_combine(client: TestClient) -> None:
    response = client.get(
        "/api/courses",
        params={"sector": "zorg", "level": "3", "mode": "bbl", "place": "Tilburg", "limit": 100},
    )
    items = response.json()["items"]
    assert items
    assert all(i["level"] == 3 and "bbl" in i["learning_modes"] for i in items)


def test_level_entree_means_level_1(client: TestClient) -> None:
    items = client.get("/api/courses", params={"level": "entree"}).json()["items"]
    assert items
    assert {i["level"] for i in items} == {1}


def test_course_by_id_and_unknown_id(client: TestClient) -> None:
    first = client.get("/api/courses", params={"limit": 1}).json()["items"][0]
    assert client.get(f"/api/courses/{first['id']}").json() == first
    missing = client.get("/api/courses/99999999")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "course not found"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"limit": "-1"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"offset": "-5"}, "offset"),
        ({"q": ""}, "q is empty"),
        ({"q": "   "}, "q is empty"),
        ({"q": "x" * 5000}, "q"),
        ({"colour": "blue"}, "unknown query parameter"),
        ({"sector": "astronomie"}, "unknown sector"),
        ({"level": "7"}, "level must be"),
        ({"mode": "telepathie"}, "unknown mode"),
        ({"place": "Atlantis"}, "unknown place"),
        ({"radius_km": "-3"}, "radius_km"),
        ({"radius_km": "0"}, "radius_km"),
        ({"radius_km": "10000"}, "radius_km"),
        ({"limit": "1000"}, "limit"),
        ({"level": "drie"}, "level must be"),
        ({"q": "x" * 10_000}, "q"),
        ({"max_price": "-1"}, "max_price"),
        ({"kind": "boek"}, "kind"),
    ],
)
def test_bad_parameters_get_422_with_a_clear_detail(
    client: TestClient, params: dict[str, str], fragment: str
) -> None:
    response = client.get("/api/courses", params=params)
    assert response.status_code == 422
    assert fragment in str(response.json()["detail"])


@pytest.mark.parametrize(
    "q", ["'; DROP TABLE offerings; --", '"zorg" OR NEAR(', "zorg%' OR 1=1 --", "a:b AND c*"]
)
def test_sql_and_search_syntax_in_q_is_just_text(client: TestClient, q: str) -> None:
    response = client.get("/api/courses", params={"q": q})
    assert response.status_code == 200
    assert client.get("/api/courses", params={"q": "zorg"}).json()["total"] > 0


def test_non_numeric_course_id_is_422(client: TestClient) -> None:
    assert client.get("/api/courses/abc").status_code == 422
