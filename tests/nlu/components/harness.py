"""Run Leerwijzer's NLU components the way Rasa's graph does, on real spaCy tokens.

These tests run in the rasa runtime (`make test-nlu`), with the blank Dutch
spaCy pipeline that `make model` saves to var/spacy/nl_blank_lookup.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

PROJECT_ROOT = Path(__file__).resolve().parents[3]
SPACY_MODEL = PROJECT_ROOT / "var" / "spacy" / "nl_blank_lookup"
VOCABULARY_DIR = str(PROJECT_ROOT / "nlu" / "vocabulary")

if str(PROJECT_ROOT) not in sys.path:
    # Appended, not prepended: our catalogue/ must not shadow PyPI's catalogue.
    sys.path.append(str(PROJECT_ROOT))

from nlu.components.gazetteer import GazetteerEntityExtractor  # noqa: E402
from nlu.components.lemma_features import DutchLemmaFeaturizer  # noqa: E402
from nlu.components.merger import EntityMerger  # noqa: E402
from nlu.components.normaliser import DutchNormaliser  # noqa: E402
from nlu.components.number_extractor import DutchNumberExtractor  # noqa: E402


def context(name: str = "test") -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test-model", node_name=name)


class Pipeline:
    """SpacyNLP -> SpacyTokenizer -> DutchNormaliser -> extractors -> EntityMerger."""

    def __init__(self, storage_dir: Path, training: list[Message] | None = None) -> None:
        storage = LocalModelStorage(storage_dir)
        spacy_nlp = SpacyNLP.create(
            {**SpacyNLP.get_default_config(), "model": str(SPACY_MODEL)},
            storage,
            Resource("spacy"),
            context(),
        )
        self.spacy_model = spacy_nlp.provide()
        self.spacy_nlp = spacy_nlp
        self.tokenizer = SpacyTokenizer.create(
            SpacyTokenizer.get_default_config(), storage, Resource("tok"), context()
        )
        data = TrainingData(
            training or [Message(data={"text": "ik zoek een opleiding", "intent": "search_course"})]
        )
        self._prepare(data.training_examples)

        self.normaliser = DutchNormaliser.create(
            {"vocabulary_dir": VOCABULARY_DIR}, storage, Resource("normaliser"), context()
        )
        self.normaliser.train(data)
        self.normaliser = DutchNormaliser.load({}, storage, Resource("normaliser"), context())
        self.normaliser.process_training_data(data)

        gazetteer_config = {
            **GazetteerEntityExtractor.get_default_config(),
            "vocabulary_dir": VOCABULARY_DIR,
        }
        GazetteerEntityExtractor.create(
            gazetteer_config, storage, Resource("gazetteer"), context()
        ).train(data)
        self.gazetteer = GazetteerEntityExtractor.load(
            gazetteer_config, storage, Resource("gazetteer"), context()
        )

        self.numbers = DutchNumberExtractor.create(
            DutchNumberExtractor.get_default_config(), storage, Resource("numbers"), context()
        )

        merger_config = {**EntityMerger.get_default_config(), "vocabulary_dir": VOCABULARY_DIR}
        EntityMerger.create(merger_config, storage, Resource("merger"), context()).train(data)
        self.merger = EntityMerger.load(merger_config, storage, Resource("merger"), context())

        featurizer_config = {
            **DutchLemmaFeaturizer.get_default_config(),
            "vocabulary_dir": VOCABULARY_DIR,
        }
        DutchLemmaFeaturizer.create(
            featurizer_config, storage, Resource("features"), context("features")
        ).train(data)
        self.featurizer = DutchLemmaFeaturizer.load(
            featurizer_config, storage, Resource("features"), context("features")
        )

    def _prepare(self, messages: list[Message]) -> None:
        self.spacy_nlp.process(messages, self.spacy_model)
        self.tokenizer.process(messages)

    def tokens(self, text: str) -> list[Any]:
        message = Message(data={"text": text})
        self._prepare([message])
        self.normaliser.process([message])
        return list(message.get("text_tokens"))

    def parse(self, text: str, extra: list[dict[str, Any]] | None = None) -> Message:
        message = Message(data={"text": text})
        self._prepare([message])
        self.normaliser.process([message])
        self.featurizer.process([message])
        if extra:
            message.set("entities", list(extra))
        self.gazetteer.process([message])
        self.numbers.process([message])
        self.merger.process([message])
        return message

    def entities(
        self, text: str, extra: list[dict[str, Any]] | None = None
    ) -> set[tuple[str, str]]:
        return {(e["entity"], e["value"]) for e in self.parse(text, extra).get("entities", [])}


_SHARED: list[Pipeline] = []


def shared_pipeline() -> Pipeline:
    """One pipeline for the whole test run: building the matchers takes seconds."""
    if not _SHARED:
        import tempfile

        _SHARED.append(Pipeline(Path(tempfile.mkdtemp(prefix="leerwijzer-nlu-"))))
    return _SHARED[0]
