"""GazetteerEntityExtractor: places, topics, occupations, sectors and more by name.

Matches the phrases of nlu/vocabulary/ (places from CBS/BAG, catalogue topics,
job titles including Dutch ESCO labels) with spaCy's PhraseMatcher on folded
tokens, forgives one typo in long words, and gives canonical values:
"Den Bosch" -> location "'s-hertogenbosch", "warmtepompen" -> topic "warmtepomp".
DIET misses names it never saw in training; this extractor does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.matching import GazetteerMatcher, Match
from nlu.components.normaliser import DutchNormaliser
from nlu.components.storage import StoredComponent
from nlu.text import fold
from nlu.vocabulary import Vocabulary, load_vocabulary


def known_words(training_data: TrainingData) -> frozenset[str]:
    """Words of the training examples: correct Dutch the typo matcher must not 'fix'."""
    words: set[str] = set()
    for message in training_data.training_examples:
        for token in message.get(TOKENS_NAMES[TEXT]) or []:
            words.add(fold(token.text))
    return frozenset(words)


def training_vocabulary(
    config: dict[str, Any], training_data: TrainingData
) -> tuple[Vocabulary, frozenset[str]]:
    vocabulary = load_vocabulary(Path(config["vocabulary_dir"]))
    return vocabulary, known_words(training_data)


def matcher_to_data(vocabulary: Vocabulary, words: frozenset[str]) -> dict[str, Any]:
    return {"vocabulary": vocabulary.to_json(), "known_words": sorted(words)}


def matcher_from_data(data: dict[str, Any]) -> GazetteerMatcher:
    return GazetteerMatcher(
        Vocabulary.from_json(data["vocabulary"]), frozenset(data["known_words"])
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class GazetteerEntityExtractor(StoredComponent, EntityExtractorMixin):
    """Dictionary-based entity extractor with canonical values."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [DutchNormaliser]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Folder of vocabulary YAML files (one entity type per file); read
            # when training and stored in the model.
            "vocabulary_dir": "nlu/vocabulary",
            # When one phrase is several types, the first type in this list wins
            # ("verzorgende ig" is a job title before it is a course topic).
            "priority": [
                "occupation",
                "topic",
                "sector",
                "education_level",
                "learning_mode",
                "funding_scheme",
                "location",
            ],
        }

    def restore(self, stored: dict[str, Any]) -> None:
        self._matcher = matcher_from_data(stored) if stored else None
        self._rank = {name: rank for rank, name in enumerate(self._config["priority"])}

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary, words = training_vocabulary(self._config, training_data)
        self.store(matcher_to_data(vocabulary, words))
        self._matcher = GazetteerMatcher(vocabulary, words)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self._matcher is None:
            return messages
        for message in messages:
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            matches = self._matcher.find([fold(token.text) for token in tokens])
            entities = [self._entity(match, tokens) for match in self._one_type_per_span(matches)]
            self.add_extractor_name(entities)
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages

    def _one_type_per_span(self, matches: list[Match]) -> list[Match]:
        best: dict[tuple[int, int], Match] = {}
        last = len(self._rank)
        for match in matches:
            span = (match.start, match.end)
            current = best.get(span)
            if current is None or self._rank.get(match.entry.entity, last) < self._rank.get(
                current.entry.entity, last
            ):
                best[span] = match
        return sorted(best.values(), key=lambda m: m.start)

    @staticmethod
    def _entity(match: Match, tokens: list[Any]) -> dict[str, Any]:
        start, end = tokens[match.start].start, tokens[match.end - 1].end
        return {
            "entity": match.entry.entity,
            "start": start,
            "end": end,
            "value": match.entry.value,
            "confidence_entity": 0.9 if match.fuzzy else 1.0,
        }
