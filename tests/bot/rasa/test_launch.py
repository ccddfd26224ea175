"""The Rasa launcher (rasa runtime: `make test-nlu` runs these with Rasa installed)."""

from __future__ import annotations

import pytest

from bot.rasa import launch


def test_rasa_log_lines_leave_out_what_people_said(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    import structlog
    from rasa.utils import log_utils

    monkeypatch.setattr(log_utils, "_anonymizer", log_utils._anonymizer)
    launch.keep_conversations_out_of_logs()
    log_utils.configure_structlog(logging.INFO)
    try:
        with caplog.at_level(logging.INFO):
            # The line Rasa's REST channel logs when the gateway gave up on a turn.
            structlog.get_logger().error(
                "rest.message.received.timeout", text="ik woon in Utrecht", sender_id="x"
            )
    finally:
        structlog.reset_defaults()
    assert "rest.message.received.timeout" in caplog.text
    assert launch.REDACTED in caplog.text
    assert "Utrecht" not in caplog.text
