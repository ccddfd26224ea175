from __future__ import annotations

from tests.nlu.components.harness import shared_pipeline


def diet(entity: str, text: str, sentence: str, value: str | None = None) -> dict[str, object]:
    start = sentence.index(text)
    return {
        "entity": entity,
        "start": start,
        "end": start + len(text),
        "value": value or text,
        "extractor": "DIETClassifier",
    }


def test_rule_based_entity_wins_where_they_overlap() -> None:
    sentence = "ik woon in Den Bosch"
    found = shared_pipeline().entities(sentence, [diet("location", "Den Bosch", sentence)])
    assert found == {("location", "'s-hertogenbosch")}


def test_learned_entities_get_canonical_values() -> None:
    sentence = "ik heb mbo niveau twee en ben vijfenveertig jaartjes"
    pipeline = shared_pipeline()
    extra = [
        diet("education_level", "mbo niveau twee", sentence),
        diet("age", "vijfenveertig", sentence),
    ]
    assert pipeline.entities(sentence, extra) >= {("education_level", "2"), ("age", "45")}


def test_learned_entity_without_a_rule_is_kept_lower_case() -> None:
    sentence = "ik wil iets met Fotografie"
    found = shared_pipeline().entities(sentence, [diet("topic", "Fotografie", sentence)])
    assert found == {("topic", "fotografie")}


def test_one_entity_per_span() -> None:
    sentence = "cursus warmtepompen"
    extra = [diet("topic", "warmtepompen", sentence), diet("occupation", "warmtepompen", sentence)]
    entities = shared_pipeline().parse(sentence, extra).get("entities")
    assert [(e["entity"], e["value"]) for e in entities] == [("topic", "warmtepomp")]


def test_implausible_learned_numbers_are_dropped() -> None:
    # DIET sometimes tags durations and years as ages; no rule does.
    sentence = "ik heb 10 jaar ervaring sinds 1979"
    extra = [diet("age", "10", sentence), diet("age", "1979", sentence)]
    assert shared_pipeline().entities(sentence, extra) == set()
