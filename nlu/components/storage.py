"""Persist what a component read at training time inside the Rasa model."""

from __future__ import annotations

import json
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

FILE_NAME = "component.json"


def save_json(model_storage: ModelStorage, resource: Resource, data: dict[str, Any]) -> None:
    with model_storage.write_to(resource) as directory:
        (directory / FILE_NAME).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_json(model_storage: ModelStorage, resource: Resource) -> dict[str, Any]:
    with model_storage.read_from(resource) as directory:
        data: dict[str, Any] = json.loads((directory / FILE_NAME).read_text(encoding="utf-8"))
    return data
