from __future__ import annotations

from tests.nlu.components.harness import shared_pipeline


def feature_rows(text: str) -> tuple[int, int, int]:
    message = shared_pipeline().parse(text)
    sequence, sentence = message.get_sparse_features("text")
    assert sequence is not None
    assert sentence is not None
    return sequence.features.shape[0], sentence.features.shape[0], sequence.features.shape[1]


def test_one_row_per_token_and_one_sentence_row() -> None:
    rows, sentence_rows, width = feature_rows("ik woon in Zwolle")
    assert (rows, sentence_rows) == (4, 1)
    assert width > 10


def test_places_share_a_feature_whatever_the_town() -> None:
    pipeline = shared_pipeline()
    index = pipeline.featurizer._feature_index
    column = index["gazetteer:B-location"]
    for town in ("Zwolle", "Hoogezand", "Terneuzen"):
        message = pipeline.parse(f"ik woon in {town}")
        sequence, _ = message.get_sparse_features("text")
        assert sequence is not None
        assert sequence.features.tocsr()[3, column] == 1
