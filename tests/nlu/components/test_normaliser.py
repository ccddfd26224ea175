from __future__ import annotations

import pytest

from tests.nlu.components.harness import shared_pipeline


@pytest.mark.parametrize(
    ("text", "words", "lemmas"),
    [
        ("MBO4", ["mbo", "4"], ["mbo", "4"]),
        ("mbo-2", ["mbo", "2"], ["mbo", "2"]),
        ("niveau3", ["niveau", "3"], ["niveau", "3"]),
        ("ik ben vijfenveertig", ["ik", "ben", "vijfenveertig"], ["ik", "ben", "45"]),
        ("k wil ff weten wa da kost", ["k", "wil", "ff", "weten", "wa", "da", "kost"], None),
        ("Opleidng in Fryslân", ["opleidng", "in", "fryslân"], ["opleiding", "in", "fryslan"]),
        ("een opleiding", ["een", "opleiding"], ["een", "opleiding"]),
    ],
)
def test_tokens_and_lemmas(text: str, words: list[str], lemmas: list[str] | None) -> None:
    tokens = shared_pipeline().tokens(text)
    # SpacyNLP runs case-insensitive (config.yml), so token texts are lower case.
    assert [t.text for t in tokens] == words
    if lemmas is not None:
        assert [t.lemma for t in tokens] == lemmas


def test_chat_spellings_get_standard_lemmas() -> None:
    lemmas = [t.lemma for t in shared_pipeline().tokens("k wil ff weten wa da kost")]
    assert lemmas[:6] == ["ik", "wil", "even", "weten", "wat", "dat"]


def test_split_tokens_keep_offsets_into_the_original_text() -> None:
    text = "ik heb MBO4 gedaan"
    for token in shared_pipeline().tokens(text):
        assert text[token.start : token.end].lower() == token.text
