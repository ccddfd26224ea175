from __future__ import annotations

import pytest

from tests.nlu.components.harness import shared_pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cursussen over warmtepompen bij Enschede",
            {("topic", "warmtepomp"), ("location", "enschede")},
        ),
        ("ik woon in Den Bosch", {("location", "'s-hertogenbosch")}),
        ("iets in 's-Gravenhage", {("location", "den haag")}),
        ("opleiding in Fryslân", {("location", "friesland")}),
        ("cursus in Twente", {("location", "twente")}),
        ("ik werk in de thuiszorg", {("sector", "zorg")}),
        ("ik ben VIG", {("occupation", "verzorgende ig")}),
        ("ik werk als pm'er", {("occupation", "pedagogisch medewerker")}),
        ("ik zoek een bbl opleiding", {("learning_mode", "bbl")}),
        (
            "kan ik het levenlang leren krediet krijgen",
            {("funding_scheme", "levenlanglerenkrediet")},
        ),
        ("ik heb havo", {("education_level", "havo")}),
        ("ik heb geen diploma", {("education_level", "geen")}),
        # ESCO job titles count after a cue ...
        ("ik werk als glazenwasser", {("occupation", "glazenwasser")}),
        ("ik werk als steigerbouwer", {("occupation", "steigerbouwer")}),
    ],
)
def test_names_get_canonical_values(text: str, expected: set[tuple[str, str]]) -> None:
    assert shared_pipeline().entities(text) == expected


def test_esco_titles_need_a_cue() -> None:
    # ... but not elsewhere: "model" and "adviseur" are everyday words.
    assert shared_pipeline().entities("welk model laptop raad je aan") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cursus in Amersfort", {("location", "amersfoort")}),
        ("ik woon in Apeldorn", {("location", "apeldoorn")}),
        ("cursus zonnepanelenn", {("topic", "zonnepanelen")}),
    ],
)
def test_one_typo_is_forgiven_in_long_names(text: str, expected: set[tuple[str, str]]) -> None:
    assert shared_pipeline().entities(text) == expected


@pytest.mark.parametrize(
    "text", ["dat is best goed", "echt waar", "een opleiding", "ben jij een robot"]
)
def test_place_names_that_are_words_are_not_places(text: str) -> None:
    assert shared_pipeline().entities(text) == set()
