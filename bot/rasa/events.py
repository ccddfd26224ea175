"""How Rasa 3.6 finds an event's class by its name (rasa runtime only)."""

from __future__ import annotations

from typing import Any


def look_up_event_classes_once() -> None:
    """Event classes by type name from a table, instead of a walk of the class tree.

    Rasa turns every stored event back into an object on every tracker read,
    and each one walked every subclass of `Event` (about 26 calls per event,
    recursively) to find its class: a quarter of a tracker read's time, and
    a tracker read happens on every turn (cProfile). The table is built from
    the same walk, first match kept as Rasa's loop keeps it. A name not in it
    (a class imported later, or Rasa's `topic` and default cases) goes to
    Rasa's own lookup, and the table is built again.
    """
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    rasas_lookup = Event.resolve_by_type
    classes: dict[str, Any] = {}

    def build() -> None:
        classes.clear()
        for cls in all_subclasses(Event):
            classes.setdefault(cls.type_name, cls)

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        found = classes.get(type_name)
        if found is not None:
            return found
        result = rasas_lookup(type_name, default)
        build()
        return result

    build()
    Event.resolve_by_type = staticmethod(resolve_by_type)
