from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.text import fold
from nlu.vocabulary import AFTER_CUE, Entry, Vocabulary, load_vocabulary

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def test_fold_removes_case_diacritics_and_odd_apostrophes() -> None:
    assert fold("  Fryslân  ’s-Hertogenbosch ") == "fryslan 's-hertogenbosch"


@pytest.mark.parametrize(
    ("entity", "text", "value"),
    [
        ("location", "Den Bosch", "'s-hertogenbosch"),
        ("location", "'s-Gravenhage", "den haag"),
        ("location", "Hengelo (O.)", "hengelo"),
        ("sector", "thuiszorg", "zorg"),
        ("topic", "warmtepompen", "warmtepomp"),
        ("occupation", "VIG", "verzorgende ig"),
        ("learning_mode", "werken en leren", "bbl"),
        ("funding_scheme", "STAP-budget", "stap"),
        ("education_level", "geen diploma", "geen"),
    ],
)
def test_canonical_values(vocabulary: Vocabulary, entity: str, text: str, value: str) -> None:
    assert vocabulary.canonical(entity, text) == value


def test_esco_titles_only_after_a_cue(vocabulary: Vocabulary) -> None:
    assert Entry("occupation", "steigerbouwer", AFTER_CUE) in vocabulary.phrases["steigerbouwer"]


def test_chat_spellings(vocabulary: Vocabulary) -> None:
    assert vocabulary.spelling["ff"] == "even"
    assert vocabulary.spelling["'k"] == "ik"


def test_every_catalogue_topic_has_a_place_in_the_vocabulary(vocabulary: Vocabulary) -> None:
    # The NLU must hand the search a value it knows for every catalogue topic.
    topics = yaml.safe_load((PROJECT_ROOT / "catalogue" / "data" / "courses.yml").read_text())[
        "topics"
    ]
    for key in topics:
        entities = {entry.entity for entry in vocabulary.phrases.get(fold(key), [])}
        assert entities & {"topic", "sector", "occupation"}, key


def test_vocabulary_survives_the_round_trip_through_a_model(vocabulary: Vocabulary) -> None:
    again = Vocabulary.from_json(vocabulary.to_json())
    assert again.phrases == vocabulary.phrases
    assert again.spelling == vocabulary.spelling


def test_a_file_without_entity_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text("values: {a: [b]}\n")
    with pytest.raises(ValueError, match="entity"):
        load_vocabulary(tmp_path)


def test_sector_values_are_the_catalogues_sectors(vocabulary: Vocabulary) -> None:
    from catalogue.sectors import CANONICAL_SECTORS

    values = {
        e.value for entries in vocabulary.phrases.values() for e in entries if e.entity == "sector"
    }
    assert values <= set(CANONICAL_SECTORS)
