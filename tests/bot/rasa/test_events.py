"""Event classes by name from a table (rasa runtime: `make test-nlu` runs these)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.rasa.events import look_up_event_classes_once


@pytest.fixture
def rasas_lookup(monkeypatch: pytest.MonkeyPatch) -> Any:
    from rasa.shared.core.events import Event

    stock = Event.resolve_by_type
    monkeypatch.setattr(Event, "resolve_by_type", staticmethod(stock))
    look_up_event_classes_once()
    assert Event.resolve_by_type is not stock
    return stock


def test_every_event_name_finds_the_class_rasa_finds(rasas_lookup: Any) -> None:
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "bot", "action", "slot", "session_started", "active_loop"} <= names
    for name in names:
        assert Event.resolve_by_type(name) is rasas_lookup(name)


def test_unknown_names_behave_as_in_rasa(rasas_lookup: Any) -> None:
    from rasa.shared.core.events import Event, UserUttered

    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", UserUttered) is UserUttered
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_defined_later_is_found(rasas_lookup: Any) -> None:
    from rasa.shared.core.events import Event, SlotSet

    class Later(SlotSet):  # type: ignore[misc]
        type_name = "leerwijzer_test_later"

    assert Event.resolve_by_type("leerwijzer_test_later") is Later
    assert Event.resolve_by_type("slot") is SlotSet  # the parent still comes first
