"""DutchLemmaFeaturizer: sparse features from normalised lemmas, stems and names.

Per token: the Dutch Snowball stem of its normalised lemma ("opleidingen",
"opleidng" -> "opleid"), whether it is part of a known place, topic,
occupation, sector, ... (from the gazetteer), and a number class (age-like,
level-like, small). DIET then learns "ik woon in <place>" once instead of once
per town, and unseen towns, jobs and topics still look like what they are.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse
import snowballstemmer
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.gazetteer import matcher_from_data, matcher_to_data, training_vocabulary
from nlu.components.matching import GazetteerMatcher
from nlu.components.normaliser import DutchNormaliser
from nlu.components.storage import load_json, save_json
from nlu.text import fold


def number_class(lemma: str) -> str | None:
    if not lemma.isdigit():
        return None
    value = int(lemma)
    if 1 <= value <= 4:
        return "level"
    if 15 <= value <= 99:
        return "age"
    return "other"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class DutchLemmaFeaturizer(SparseFeaturizer, GraphComponent):
    """Stem, gazetteer-class and number-class features for each token."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [DutchNormaliser]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **SparseFeaturizer.get_default_config(),
            # Folder of vocabulary YAML files for the gazetteer-class features.
            "vocabulary_dir": "nlu/vocabulary",
            # Stems seen fewer times than this in training get no feature of
            # their own (typos and one-offs would only add noise).
            "min_stem_count": 1,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config["min_stem_count"]) < 1:
            raise ValueError("min_stem_count must be at least 1")

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        feature_index: dict[str, int] | None = None,
        matcher: GazetteerMatcher | None = None,
    ) -> None:
        SparseFeaturizer.__init__(self, execution_context.node_name, config)
        self._model_storage = model_storage
        self._resource = resource
        self._feature_index = feature_index or {}
        self._matcher = matcher
        self._stemmer = snowballstemmer.stemmer("dutch_porter")

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchLemmaFeaturizer:
        return cls(config, model_storage, resource, execution_context)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DutchLemmaFeaturizer:
        data = load_json(model_storage, resource)
        return cls(
            config,
            model_storage,
            resource,
            execution_context,
            feature_index=data["feature_index"],
            matcher=matcher_from_data(data),
        )

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary, words = training_vocabulary(self._config, training_data)
        self._matcher = GazetteerMatcher(vocabulary, words)
        # Every class feature exists even if training never shows it.
        counts: dict[str, int] = {f"number:{kind}": 0 for kind in ("level", "age", "other")}
        for entity in {e.entity for entries in vocabulary.phrases.values() for e in entries}:
            counts[f"gazetteer:B-{entity}"] = counts[f"gazetteer:I-{entity}"] = 0
        for message in training_data.training_examples:
            for names in self._token_features(message):
                for name in names:
                    counts[name] = counts.get(name, 0) + 1
        minimum = int(self._config["min_stem_count"])
        kept = sorted(
            name
            for name, count in counts.items()
            if count >= minimum or not name.startswith("stem:")
        )
        self._feature_index = {name: index for index, name in enumerate(kept)}
        data = matcher_to_data(vocabulary, words) | {"feature_index": self._feature_index}
        save_json(self._model_storage, self._resource, data)
        return self._resource

    def _token_features(self, message: Message) -> list[list[str]]:
        tokens: list[Token] = message.get(TOKENS_NAMES[TEXT]) or []
        if not tokens:
            return []
        features: list[list[str]] = [[] for _ in tokens]
        for position, token in enumerate(tokens):
            lemma = token.lemma or fold(token.text)
            features[position].append("stem:" + self._stemmer.stemWord(lemma))
            kind = number_class(lemma)
            if kind:
                features[position].append("number:" + kind)
        if self._matcher is not None:
            for match in self._matcher.find([fold(token.text) for token in tokens]):
                for position in range(match.start, match.end):
                    prefix = "B" if position == match.start else "I"
                    features[position].append(f"gazetteer:{prefix}-{match.entry.entity}")
        return features

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        if not self._feature_index:
            return messages
        width = len(self._feature_index)
        for message in messages:
            token_features = self._token_features(message)
            if not token_features:
                continue
            rows: list[int] = []
            columns: list[int] = []
            for row, names in enumerate(token_features):
                for name in names:
                    column = self._feature_index.get(name)
                    if column is not None:
                        rows.append(row)
                        columns.append(column)
            values = np.ones(len(rows), dtype=np.float32)
            sequence = scipy.sparse.coo_matrix(
                (values, (rows, columns)), shape=(len(token_features), width)
            )
            sentence = scipy.sparse.coo_matrix(
                (sequence.tocsr().max(axis=0).toarray() > 0).astype(np.float32)
            )
            self.add_features_to_message(
                sequence=sequence, sentence=sentence, attribute=TEXT, message=message
            )
        return messages
