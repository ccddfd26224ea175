"""EntityMerger: one entity per stretch of text, with a canonical value.

Several extractors may tag the same words: DIET learns from context, the
gazetteer and number extractor know names and numbers. This last step keeps
the rule-based entity where they overlap (it carries a canonical value),
keeps DIET's where no rule matched (new names, context-only entities), and
gives DIET's values the same canonical form: "Vijfenveertig" -> "45",
"mbo niveau twee" -> "2", "Den Bosch" -> "'s-hertogenbosch".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.number_extractor import find_numbers
from nlu.components.storage import StoredComponent
from nlu.text import fold
from nlu.vocabulary import Vocabulary, load_vocabulary

NUMERIC_ENTITIES = frozenset(["age", "hours_per_week", "education_level"])


# What a learned number must look like to be kept: DIET sometimes tags
# "10 jaar ervaring" or "1979" as an age; the number extractor never does.
def plausible(entity: str, value: str) -> bool:
    if entity == "age":
        return value.isdigit() and 15 <= int(value) <= 99
    if entity == "hours_per_week":
        return value.isdigit() and 1 <= int(value) <= 60
    if entity == "education_level":
        return not value.isdigit() or 1 <= int(value) <= 4
    return True


def canonical_value(entity: str, text: str, vocabulary: Vocabulary) -> str:
    known = vocabulary.canonical(entity, text)
    if known is not None:
        return known
    if entity in NUMERIC_ENTITIES:
        words = fold(text).replace("-", " - ").split()
        for found in find_numbers(["mbo", *words] if entity == "education_level" else words):
            return str(found.value)
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits:
            return digits
    return fold(text)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class EntityMerger(StoredComponent, EntityExtractorMixin):
    """Resolves overlapping entities and canonicalises values (runs last)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Folder of vocabulary YAML files used to canonicalise values.
            "vocabulary_dir": "nlu/vocabulary",
            # Extractors whose entities win over learned ones where they overlap.
            "rule_based": ["DutchNumberExtractor", "GazetteerEntityExtractor"],
        }

    def restore(self, stored: dict[str, Any]) -> None:
        vocabulary = stored.get("vocabulary")
        self._vocabulary = Vocabulary.from_json(vocabulary) if vocabulary else Vocabulary()
        self._rule_based = frozenset(self._config["rule_based"])

    def train(self, training_data: TrainingData) -> Resource:
        self._vocabulary = load_vocabulary(Path(self._config["vocabulary_dir"]))
        self.store({"vocabulary": self._vocabulary.to_json()})
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            if entities:
                message.set(
                    ENTITIES, self.merge(entities, message.get("text") or ""), add_to_output=True
                )
        return messages

    def merge(self, entities: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
        rules = [e for e in entities if e.get("extractor") in self._rule_based]
        learned = [e for e in entities if e.get("extractor") not in self._rule_based]
        kept: list[dict[str, Any]] = []
        # Longer rule matches first: "niveau 1 entree" beats "niveau 1".
        for entity in sorted(rules, key=lambda e: e["start"] - e["end"]):
            if not any(_overlaps(entity, other) for other in kept):
                kept.append(entity)
        for entity in learned:
            if any(_overlaps(entity, other) for other in kept):
                continue
            raw = text[entity["start"] : entity["end"]] or str(entity.get("value", ""))
            value = canonical_value(entity["entity"], raw, self._vocabulary)
            synonym = entity.get("value")
            if isinstance(synonym, str) and fold(synonym) != fold(raw):
                # EntitySynonymMapper already mapped it to a training-data value.
                value = canonical_value(entity["entity"], synonym, self._vocabulary)
            if not plausible(entity["entity"], value):
                continue
            kept.append({**entity, "value": value})
            self.add_processor_name(kept[-1])
        return sorted(kept, key=lambda e: (e["start"], e["entity"]))
