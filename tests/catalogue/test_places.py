from __future__ import annotations

import pytest

from catalogue.places import bounding_box, haversine_km, normalise_place_name, without_qualifier


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Utrecht", "utrecht"),
        ("  Den   Haag ", "den haag"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("’s-Hertogenbosch", "'s-hertogenbosch"),
        ("'s Gravenmoer", "'s-gravenmoer"),
    ],
)
def test_normalise_place_name(raw: str, expected: str) -> None:
    assert normalise_place_name(raw) == expected


def test_without_qualifier_drops_province_suffix() -> None:
    assert without_qualifier("Hengelo (O.)") == "Hengelo"
    assert without_qualifier("Utrecht") == "Utrecht"


def test_haversine_utrecht_amsterdam_is_about_35_km() -> None:
    distance = haversine_km(52.0908, 5.1222, 52.3740, 4.8897)
    assert 33 < distance < 37


def test_bounding_box_contains_the_circle() -> None:
    min_lat, max_lat, min_lon, max_lon = bounding_box(52.09, 5.12, 25)
    assert haversine_km(52.09, 5.12, max_lat, 5.12) == pytest.approx(25, rel=0.01)
    assert haversine_km(52.09, 5.12, 52.09, max_lon) == pytest.approx(25, rel=0.01)
    assert min_lat < 52.09 < max_lat
    assert min_lon < 5.12 < max_lon
