"""forget_me asks first; the confirm button makes the gateway erase the conversation."""

from __future__ import annotations

from actions.privacy import CONFIRM_PAYLOAD, ActionForgetMe
from bot.conversations.forget import ERASE_REQUEST
from tests.actions.trackers import make_tracker, run_action


def test_typed_request_asks_for_confirmation() -> None:
    messages, _ = run_action(
        ActionForgetMe(), make_tracker("verwijder mijn gegevens", intent="forget_me")
    )
    assert "wis" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == [CONFIRM_PAYLOAD, "/deny"]
    assert not any(m.get("custom") for m in messages)


def test_confirm_button_asks_the_gateway_to_erase() -> None:
    messages, _ = run_action(ActionForgetMe(), make_tracker(CONFIRM_PAYLOAD, intent="forget_me"))
    assert [m.get("custom") for m in messages] == [ERASE_REQUEST]
