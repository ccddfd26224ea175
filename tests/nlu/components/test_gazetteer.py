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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The advice intake: current job, target and facts in everyday words.
        ("ik werk bij de supermarkt", {("sector", "retail")}),
        ("ik werk bij de Jumbo", {("sector", "retail")}),
        ("ik werk als vakkenvuller", {("occupation", "vakkenvuller")}),
        ("ik ben kassamedewerker", {("occupation", "kassamedewerker")}),
        ("ik ben caissière", {("occupation", "caissiere")}),
        ("ik ben metaalbewerker", {("occupation", "metaalbewerker")}),
        ("ik ben constructiewerker", {("occupation", "constructiewerker")}),
        ("ik ben bibliotheekmedewerker", {("occupation", "bibliotheekmedewerker")}),
        (
            "ik wil gespecialiseerd pedagogisch medewerker worden",
            {("occupation", "gespecialiseerd pedagogisch medewerker")},
        ),
        ("ik werk in de bibliotheek", {("topic", "bibliotheek")}),
        ("meer leren over informatiedienstverlening", {("topic", "bibliotheek")}),
        (
            "het certificaat Gastvrijheid in de zorg",
            {("topic", "gastvrijheid in de zorg")},
        ),
        ("mijn baan in de metaal verdwijnt", {("sector", "techniek")}),
        ("ik ben helpende in de thuiszorg", {("occupation", "helpende"), ("sector", "zorg")}),
        (
            "ik wil naar de installatietechniek, iets met warmtepompen",
            {("sector", "installatietechniek"), ("topic", "warmtepomp")},
        ),
        ("avonds en weekend", {("learning_mode", "avond"), ("learning_mode", "weekend")}),
        ("gewoon naar school", {("learning_mode", "bol")}),
        ("vmbo-kader", {("education_level", "vmbo")}),
        ("ik heb mijn school niet afgemaakt", {("education_level", "geen")}),
        ("nee, ik woon in Tilburg", {("location", "tilburg")}),
        ("mijn werkgever betaalt", set()),
        ("ik zit in de WW", set()),
    ],
)
def test_intake_answers(text: str, expected: set[tuple[str, str]]) -> None:
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
