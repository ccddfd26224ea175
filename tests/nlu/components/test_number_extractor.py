from __future__ import annotations

import pytest

from tests.nlu.components.harness import shared_pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik ben 45", {("age", "45")}),
        ("ik ben vijfenveertig", {("age", "45")}),
        ("twee en dertig jaar", {("age", "32")}),
        ("ik ben tweeëntwintig jaar oud", {("age", "22")}),
        ("52", {("age", "52")}),
        ("ik ben bijna zestig", {("age", "60")}),
        ("acht uur per week", {("hours_per_week", "8")}),
        ("ik heb 12 uur in de week", {("hours_per_week", "12")}),
        ("mbo-2", {("education_level", "2")}),
        ("mbo 3", {("education_level", "3")}),
        ("MBO4", {("education_level", "4")}),
        ("niveau twee", {("education_level", "2")}),
        (
            "ik ben 52, woon in Zwolle en heb mbo 2",
            {("age", "52"), ("education_level", "2"), ("location", "zwolle")},
        ),
        (
            "ik ben 45, werk 10 jaar in de kinderopvang in Utrecht en heb mbo 3",
            {
                ("age", "45"),
                ("sector", "kinderopvang"),
                ("location", "utrecht"),
                ("education_level", "3"),
            },
        ),
        ("ongeveer 10 uur per week", {("hours_per_week", "10")}),
        ("ik heb mbo 2, niet 3", {("education_level", "2")}),
        ("ik ben 52 niet 42", {("age", "52")}),
    ],
)
def test_numbers_become_digits(text: str, expected: set[tuple[str, str]]) -> None:
    assert shared_pipeline().entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik werk al 20 jaar in een magazijn",
        "10 jaar ervaring",
        "ik heb 2 kinderen",
        "dat was 30 jaar geleden",
        "een opleiding van 3 jaar",
        "mbo 7",
        # Years of experience in the advice intake are not ages.
        "werk al 10 jaar in de zorg",
        "ik werk al 25 jaar in de zorg",
        "ik werk 25 jaar in de thuiszorg",
        "al 6 jaar",
        "sinds 2015",
        "pas een jaar",
        "ruim twintig jaar",
        "een dag per week",
        "8 uur",
        "ik kan 500 euro betalen",
        "niet veel, een paar honderd euro",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    found = shared_pipeline().entities(text)
    assert not {entity for entity, _ in found} & {"age", "hours_per_week", "education_level"}
