"""The NLU vocabulary: phrases people write -> (entity, canonical value).

Read from the YAML files in nlu/vocabulary/ when a model is trained; the
components persist what they read in the model, so a trained model does not
depend on these files any more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlu.text import fold

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"

# Entities whose phrases are matched anywhere in a message.
ANYWHERE = "anywhere"
# ESCO job titles: many are everyday words ("adviseur", "model"), so they count
# only right after a cue ("ik werk als ...", "opleiding tot ...").
AFTER_CUE = "after_cue"


@dataclass(frozen=True)
class Entry:
    entity: str
    value: str
    scope: str = ANYWHERE


@dataclass
class Vocabulary:
    """Folded phrase -> entries. A phrase may belong to several entity types."""

    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, entry: Entry) -> None:
        key = fold(phrase)
        if not key:
            return
        entries = self.phrases.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)

    def canonical(self, entity: str, text: str) -> str | None:
        """The canonical value of `text` as `entity`, if the vocabulary knows it."""
        for entry in self.phrases.get(fold(text), []):
            if entry.entity == entity:
                return entry.value
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "phrases": {
                phrase: [[e.entity, e.value, e.scope] for e in entries]
                for phrase, entries in self.phrases.items()
            },
            "spelling": self.spelling,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Vocabulary:
        raw_phrases = data.get("phrases", {})
        raw_spelling = data.get("spelling", {})
        if not isinstance(raw_phrases, dict) or not isinstance(raw_spelling, dict):
            raise ValueError("stored vocabulary: 'phrases' and 'spelling' must be mappings")
        vocabulary = cls(spelling={str(k): str(v) for k, v in raw_spelling.items()})
        for phrase, entries in raw_phrases.items():
            vocabulary.phrases[str(phrase)] = [Entry(str(e), str(v), str(s)) for e, v, s in entries]
        return vocabulary


def _read_yaml(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top")
    return data


def _add_entity_file(vocabulary: Vocabulary, path: Path) -> None:
    data = _read_yaml(path)
    entity = data.get("entity")
    if not isinstance(entity, str):
        raise ValueError(f"{path}: 'entity' must name the entity type")
    scope = str(data.get("scope", ANYWHERE))
    if scope not in (ANYWHERE, AFTER_CUE):
        raise ValueError(f"{path}: unknown scope {scope!r}")
    values = data.get("values") or {}
    titles = data.get("titles") or []
    if not isinstance(values, dict) or not isinstance(titles, list):
        raise ValueError(f"{path}: 'values' must be a mapping and 'titles' a list")
    for canonical, phrases in values.items():
        # The canonical value is a phrase only when listed: "geen" (no diploma)
        # and "slim" (the scheme) are everyday words on their own.
        value = fold(str(canonical))
        for phrase in phrases or []:
            vocabulary.add(str(phrase), Entry(entity, value, scope))
    for title in titles:
        value = fold(str(title))
        vocabulary.add(value, Entry(entity, value, scope))


def load_vocabulary(directory: Path = VOCABULARY_DIR) -> Vocabulary:
    """Every `*.yml` with an `entity` key, plus `spelling.yml` for chat spellings."""
    vocabulary = Vocabulary()
    for path in sorted(directory.glob("*.yml")):
        if path.name == "spelling.yml":
            spelling = _read_yaml(path).get("values") or {}
            if not isinstance(spelling, dict):
                raise ValueError(f"{path}: 'values' must be a mapping")
            for standard, variants in spelling.items():
                for variant in variants or []:
                    vocabulary.spelling[fold(str(variant))] = fold(str(standard))
        else:
            _add_entity_file(vocabulary, path)
    return vocabulary
