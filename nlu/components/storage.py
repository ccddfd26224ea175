"""Persist what a component read at training time inside the Rasa model."""

from __future__ import annotations

import json
from typing import Any, Self

from rasa.engine.graph import ExecutionContext, GraphComponent
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


class StoredComponent(GraphComponent):
    """A component that reads nlu/vocabulary when trained and keeps what it read.

    Subclasses implement `train` (read files, then `store`) and `restore`
    (rebuild from what `store` saved); create/load are the same for all.
    """

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        stored: dict[str, Any] | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self.restore(stored or {})

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Self:
        return cls(config, model_storage, resource, load_json(model_storage, resource))

    def restore(self, stored: dict[str, Any]) -> None:
        raise NotImplementedError

    def store(self, data: dict[str, Any]) -> None:
        save_json(self._model_storage, self._resource, data)
