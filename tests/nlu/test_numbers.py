from __future__ import annotations

import pytest

from nlu.numbers import parse_number_at, parse_number_word
from nlu.text import fold


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("45", 45),
        ("nul", 0),
        ("twee", 2),
        ("elf", 11),
        ("negentien", 19),
        ("dertig", 30),
        ("vijfenveertig", 45),
        ("eenentwintig", 21),
        (fold("tweeëntwintig"), 22),
        (fold("drieënvijftig"), 53),
        ("negenennegentig", 99),
        ("honderd", 100),
        ("Achtenzestig", 68),
    ],
)
def test_number_words(word: str, value: int) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize(
    "word", ["opleiding", "veertigjarige", "twintiger", "", "1000", "tweeduizend"]
)
def test_words_that_are_not_numbers(word: str) -> None:
    assert parse_number_word(word) is None


def test_split_spelling_uses_three_words() -> None:
    assert parse_number_at(["ik", "ben", "twee", "en", "dertig"], 2) == (32, 3)
    assert parse_number_at(["twee", "en", "een", "half"], 0) == (2, 1)
    assert parse_number_at(["en"], 0) is None
