"""The action server's executor: Rasa gets the actions' slot changes, not their no-ops."""

from __future__ import annotations

from typing import Any

import rasa_sdk
from rasa_sdk.executor import ActionExecutor

from actions.server import ChangedSlotsExecutor, only_changes


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value, "timestamp": None}


def test_slot_events_that_change_nothing_are_left_out() -> None:
    slots = {"location": "Utrecht", "age": None, "advice_profile": {"goal": "grow", "age": 45}}
    events = [
        slot("location", "Utrecht"),
        slot("age", None),
        slot("advice_profile", {"age": 45, "goal": "grow"}),  # same value, other key order
        slot("topic", "zorg"),
    ]
    assert only_changes(events, slots) == [slot("topic", "zorg")]


def test_a_real_change_is_kept_and_counts_for_the_events_after_it() -> None:
    slots = {"age": None, "hours_per_week": 1}
    events = [slot("age", 45), slot("age", 45), slot("age", None), slot("hours_per_week", True)]
    # 1 and True are different JSON values: the last event changes the slot.
    assert only_changes(events, slots) == [
        slot("age", 45),
        slot("age", None),
        slot("hours_per_week", True),
    ]


def test_a_slot_rasa_did_not_send_is_always_set() -> None:
    assert only_changes([slot("new", None)], {}) == [slot("new", None)]


def test_after_a_reset_every_event_is_kept() -> None:
    events = [slot("age", 45), {"event": "reset_slots"}, slot("age", 45), slot("topic", None)]
    assert only_changes(events, {"age": 45, "topic": None}) == events[1:]


async def test_the_server_runs_a_real_action_and_drops_its_no_op_slot_events() -> None:
    executor = ChangedSlotsExecutor()
    executor.register_package("actions")
    # A greeting while nothing is known: the state the dialogue returns is the
    # one it was given.
    slots: dict[str, Any] = {"dialogue": {}}
    action_call = {
        "next_action": "action_turn",
        "sender_id": "test",
        "version": rasa_sdk.__version__,
        "domain": {},
        "tracker": {
            "sender_id": "test",
            "slots": slots,
            "latest_message": {"text": "hoi", "intent": {"name": "greet"}, "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }
    result = await executor.run(action_call)
    assert result is not None
    assert result.events == []
    assert next(r["text"] for r in result.responses).startswith("Hoi! Ik ben Leerwijzer")

    # rasa_sdk's own executor sends Rasa both no-op events.
    plain = ActionExecutor()
    plain.register_package("actions")
    unfiltered = await plain.run(action_call)
    assert unfiltered is not None
    assert unfiltered.events == [slot("dialogue", {})]
