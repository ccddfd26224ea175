"""The action server: rasa_sdk's webhook, in one process, sending Rasa only slot changes.

    python -m actions.server --port 5055

Two differences from `python -m rasa_sdk --actions actions`:

- One process. rasa_sdk starts Sanic's worker manager, which for our one
  worker adds a manager process and a state-sync process that poll each other
  (15% of the action server's CPU under load, py-spy).
- A slot event that sets a slot to the value it already has is left out. The
  actions say every slot they mean (simpler to read and test), but in the load
  conversations 42% of their slot events changed nothing. Rasa would store
  each one, replay it at every later turn and send it back at every later
  action call.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from typing import Any

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor, ActionExecutorRunResult

logger = logging.getLogger(__name__)
# rasa_sdk's own default; Rasa's kept-alive connections close after 15 s.
KEEP_ALIVE_TIMEOUT_S = 120


def _same(left: Any, right: Any) -> bool:
    # JSON equality: what Rasa would store; 1 and True are different values.
    try:
        return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)
    except (TypeError, ValueError):
        return False


def only_changes(events: list[dict[str, Any]], slots: dict[str, Any]) -> list[dict[str, Any]]:
    """The events without slot events that leave a slot as it is.

    `slots` are the conversation's values when the action ran. Up to the first
    event that is not a slot event; after a reset or restart the values are no
    longer known, so the rest is kept as it is.
    """
    current = dict(slots)
    kept: list[dict[str, Any]] = []
    for position, event in enumerate(events):
        if event.get("event") != "slot":
            return kept + events[position:]
        name, value = str(event.get("name")), event.get("value")
        if name in current and _same(current[name], value):
            continue
        current[name] = value
        kept.append(event)
    return kept


class ChangedSlotsExecutor(ActionExecutor):
    """rasa_sdk's executor; what an action returns goes to Rasa without no-op slot events."""

    async def run(self, action_call: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        result = await super().run(action_call, *args, **kwargs)
        if isinstance(result, ActionExecutorRunResult):
            slots = (action_call.get("tracker") or {}).get("slots") or {}
            result.events = only_changes(result.events, slots)
        return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m actions.server")
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions", help="package with the actions")
    args = parser.parse_args()

    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    executor = ChangedSlotsExecutor()
    executor.register_package(args.actions)
    app = create_app(executor)
    app.config.KEEP_ALIVE_TIMEOUT = KEEP_ALIVE_TIMEOUT_S
    host = os.environ.get("SANIC_HOST", "0.0.0.0")  # noqa: S104 - as rasa_sdk; set it in production
    logger.info("action server on http://%s:%d", host, args.port)
    app.run(host=host, port=args.port, single_process=True, motd=False)


if __name__ == "__main__":
    main()
