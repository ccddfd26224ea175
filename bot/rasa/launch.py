"""Start the Rasa 3.6 server the way Leerwijzer runs it (rasa runtime only).

    .venvs/rasa/bin/python -m bot.rasa.launch run --enable-api ...   # `rasa`'s arguments

Changes to how Rasa calls the action server are in `bot/rasa/action_calls.py`,
to its tracker store in `bot/rasa/tracker_store.py`, to how it finds event
classes in `bot/rasa/events.py`. Here, the logs: Rasa's
structured log lines leave out what people said (see
`keep_conversations_out_of_logs`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bot.rasa.action_calls import (
    install_compiled_action_validation,
    keep_endpoint_connections,
    send_recent_events_only,
)
from bot.rasa.events import look_up_event_classes_once
from bot.rasa.tracker_store import (
    read_and_write_events_without_orm,
    retry_tracker_store_on_disconnect,
    tune_tracker_store_pools,
    use_sqlite_wal,
)

# What Rasa's structured log lines may carry of a conversation: the keys its
# own anonymizer would hand to Rasa Pro's anonymization pipeline (3.6).
_PERSONAL_LOG_KEYS = frozenset(
    (
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message",
        "prefilled_slots", "message", "response", "slot_candidates", "rasa_event",
        "rasa_events", "tracker_states", "current_states", "old_states", "successes",
        "current_entity", "next_entity", "states", "entity", "token_text",
        "user_message", "json_message",
    )
)  # fmt: skip
REDACTED = "[redacted]"


def _redact(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in _PERSONAL_LOG_KEYS.intersection(event_dict):
        event_dict[key] = REDACTED
    return event_dict


def keep_conversations_out_of_logs() -> None:
    """Rasa's structured log lines without what people said.

    Rasa 3.6 open source logs them as they are: a turn whose client gave up
    logs `rest.message.received.timeout` with the message text at ERROR (seen
    in the Rasa drill). Its anonymizer step only redacts with Rasa Pro's
    pipeline; this one redacts those keys always. Rasa's registered
    anonymization pipeline is not used: with one, Rasa loads the tracker once
    more on every turn.
    """
    from rasa.utils import log_utils

    log_utils._anonymizer = _redact


def main() -> None:
    # `python -m` put the working directory first on the path, ahead of the
    # libraries (our catalogue/ package and PyPI's `catalogue` share a name).
    # Rasa adds it itself, after them; the path is then what `rasa` gets.
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd().resolve():
        sys.path.pop(0)
    install_compiled_action_validation()
    keep_endpoint_connections()
    send_recent_events_only()
    look_up_event_classes_once()
    use_sqlite_wal()
    tune_tracker_store_pools()
    read_and_write_events_without_orm()
    retry_tracker_store_on_disconnect()
    keep_conversations_out_of_logs()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
