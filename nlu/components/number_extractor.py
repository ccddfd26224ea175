"""DutchNumberExtractor: ages, hours per week and mbo levels from Dutch text.

"ik ben vijfenveertig" -> age 45; "twee en dertig jaar" -> age 32;
"acht uur per week" -> hours_per_week 8; "mbo-2", "MBO4", "niveau twee"
-> education_level 2. Values are digits, as contracts.md asks.
Numbers that are none of these ("3 jaar ervaring", "2 kinderen") are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.normaliser import DutchNormaliser
from nlu.numbers import parse_number_at
from nlu.text import fold

LEVEL_WORDS = frozenset(["mbo", "niveau", "mbo-niveau", "level", "mbo-opleiding"])
AGE_BEFORE = frozenset(["ben", "leeftijd", "bijna", "word", "wordt", "ruim", "pas", "al"])
YEAR_WORDS = frozenset(["jaar", "jr", "jaren", "jarig"])
# "10 jaar ervaring", "5 jaar geleden", "3 jaar gewerkt" are durations, not ages.
NOT_AGE_AFTER = frozenset(
    [
        "ervaring",
        "werkervaring",
        "geleden",
        "gewerkt",
        "lang",
        "in",
        "bij",
        "werk",
        "werkzaam",
        "dienst",
        "al",
        "nu",
        "als",
    ]
)
HOUR_WORDS = frozenset(["uur", "uurtjes", "u"])
WEEK_WORDS = frozenset(["week", "wk", "pw", "p/w", "weeks", "weekly"])
MIN_AGE, MAX_AGE = 15, 99
MAX_HOURS = 60


@dataclass(frozen=True)
class Found:
    entity: str
    value: int
    start: int  # first token
    end: int  # one past the last token


def find_numbers(words: Sequence[str]) -> list[Found]:
    """Ages, hours and levels in folded words (one word per token)."""
    found: list[Found] = []
    index = 0
    while index < len(words):
        parsed = parse_number_at(words, index)
        if parsed is None:
            index += 1
            continue
        value, used = parsed
        end = index + used
        item = _classify(words, index, end, value)
        if item is not None:
            found.append(item)
            end = max(end, item.end)
        index = end
    return found


def _classify(words: Sequence[str], start: int, end: int, value: int) -> Found | None:
    before = words[start - 1] if start > 0 else ""
    after = words[end] if end < len(words) else ""
    after2 = words[end + 1] if end + 1 < len(words) else ""
    level_start = start - 1
    if before == "-" and start >= 2:  # "mbo - 2" as three tokens
        level_start, before = start - 2, words[start - 2]
    if before in LEVEL_WORDS and 1 <= value <= 4:
        return Found("education_level", value, level_start, end)
    if after in HOUR_WORDS and 1 <= value <= MAX_HOURS:
        rest = words[end + 1 : end + 4]
        if any(word in WEEK_WORDS for word in rest):
            return Found("hours_per_week", value, start, end + 1)
    if not MIN_AGE <= value <= MAX_AGE:
        return None
    if after in YEAR_WORDS:
        if after2 in NOT_AGE_AFTER or before in ("al", "sinds", "over", "voor", "na", "ruim"):
            return None
        oud = end + 2 if after2 == "oud" else end + 1
        return Found("age", value, start, oud)
    if (
        before in AGE_BEFORE
        and after not in HOUR_WORDS
        and after not in ("kinderen", "euro", "keer")
    ):
        return Found("age", value, start, end)
    # A message that is only a number is an answer to "hoe oud ben je?".
    if start == 0 and end == len(words):
        return Found("age", value, start, end)
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DutchNumberExtractor(GraphComponent, EntityExtractorMixin):
    """Rule-based extractor for Dutch numbers written as digits or words."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [DutchNormaliser]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Entity types this extractor may add; drop one to leave it to DIET.
            "entities": ["age", "hours_per_week", "education_level"],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._entities = frozenset(config["entities"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchNumberExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            words = [fold(token.text) for token in tokens]
            entities: list[dict[str, Any]] = []
            for item in find_numbers(words):
                if item.entity not in self._entities:
                    continue
                start, end = tokens[item.start].start, tokens[item.end - 1].end
                entities.append(
                    {
                        "entity": item.entity,
                        "start": start,
                        "end": end,
                        "value": str(item.value),
                        "confidence_entity": 1.0,
                    }
                )
            self.add_extractor_name(entities)
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
