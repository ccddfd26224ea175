"""DutchNormaliser: one spelling per word before the featurizers see it.

Runs right after SpacyTokenizer. It does not change the message text (entity
offsets in the training data must stay valid); it changes tokens:
- splits glued levels: "MBO4", "mbo-2", "niveau3" -> "mbo"/"niveau" + digit;
- sets each token's lemma to a folded standard form: chat spellings
  ("k", "ff", "wa", "goesting") to standard words, number words
  ("vijfenveertig", "twee") to digits, diacritics removed.
CountVectorsFeaturizer and DutchLemmaFeaturizer read these lemmas.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.storage import StoredComponent
from nlu.numbers import parse_number_word
from nlu.text import fold
from nlu.vocabulary import load_vocabulary

GLUED_LEVEL = re.compile(r"^(?P<word>mbo|niveau|n)-?(?P<level>[1-4])$", re.IGNORECASE)
# "een" is far more often the article than the number one.
NOT_NUMBERS = frozenset(["een"])


def split_glued_level(token: Token) -> list[Token]:
    """'MBO4' -> ['MBO', '4'] with offsets inside the original token."""
    match = GLUED_LEVEL.match(token.text)
    if not match:
        return [token]
    word_end = token.start + match.end("word")
    level_start = token.start + match.start("level")
    return [
        Token(match["word"], token.start, word_end, lemma=fold(match["word"])),
        Token(match["level"], level_start, token.end, lemma=match["level"]),
    ]


def normal_lemma(token: Token, spelling: dict[str, str]) -> str:
    folded = fold(token.text)
    if folded in spelling:
        return spelling[folded]
    if folded not in NOT_NUMBERS:
        number = parse_number_word(folded)
        if number is not None:
            return str(number)
    return fold(token.lemma or token.text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class DutchNormaliser(StoredComponent):
    """Normalises tokens (and their lemmas) of Dutch chat messages."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyTokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Folder with spelling.yml (chat spelling -> standard word); read
            # when training, stored in the model.
            "vocabulary_dir": "nlu/vocabulary",
        }

    def restore(self, stored: dict[str, Any]) -> None:
        self._spelling: dict[str, str] = stored.get("spelling", {})

    def train(self, training_data: TrainingData) -> Resource:
        self._spelling = load_vocabulary(Path(self._config["vocabulary_dir"])).spelling
        self.store({"spelling": self._spelling})
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            tokens = message.get(TOKENS_NAMES[TEXT])
            if not tokens:
                continue
            normalised: list[Token] = []
            for token in tokens:
                for part in split_glued_level(token):
                    part.lemma = normal_lemma(part, self._spelling)
                    normalised.append(part)
            message.set(TOKENS_NAMES[TEXT], normalised)
        return messages
