"""The one action: state in, the dialogue's replies out, never a silent or leaking failure."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from actions import turn as turn_module
from actions.turn import ActionTurn
from dialogue.texts import text
from tests.actions.trackers import make_tracker, run_action, texts


def test_the_state_goes_round_through_the_slot() -> None:
    messages, slots = run_action(
        ActionTurn(),
        make_tracker("ik ben 52", intent="inform", entities=[
            {"entity": "age", "value": "52", "start": 7, "end": 9}
        ]),
    )  # fmt: skip
    assert "je bent 52" in texts(messages)
    assert slots["dialogue"]["facts"]["age"]["value"] == 52
    again, _ = run_action(
        ActionTurn(), make_tracker("ik ben 52", intent="inform", slots=slots, entities=[
            {"entity": "age", "value": "52", "start": 7, "end": 9}
        ]),
    )  # fmt: skip
    assert "aangepast" not in texts(again)


def test_a_failing_step_gives_the_apology_and_logs_no_message_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_state: object, heard: Any, **__: object) -> None:
        # As a pydantic or SQL error would: its message quotes what was said.
        raise ValueError(f"bad input: {heard.text}")

    monkeypatch.setattr(turn_module, "step", broken)
    with caplog.at_level(logging.ERROR):
        messages, slots = run_action(
            ActionTurn(), make_tracker("ik heet Jan, 06-12345678", intent="inform")
        )
    assert texts(messages) == text("failure")
    assert slots == {}
    assert "ValueError" in caplog.text
    assert "Jan" not in caplog.text
    assert "06-12345678" not in caplog.text


def test_a_huge_course_id_is_ignored_not_a_failure() -> None:
    tracker = make_tracker(
        "hoeveel kost die opleiding?",
        intent="ask_course_details",
        metadata={"course_id": 10**30},
    )
    messages, _ = run_action(ActionTurn(), tracker)
    assert texts(messages)
    assert texts(messages) != text("failure")


def test_a_damaged_state_starts_afresh() -> None:
    messages, slots = run_action(
        ActionTurn(), make_tracker("hoi", intent="greet", slots={"dialogue": {"task": 42}})
    )
    assert texts(messages).startswith("Hoi!")
    assert slots["dialogue"] == {}
