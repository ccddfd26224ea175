"""How Rasa calls the action server (rasa runtime only; bot/rasa/launch.py installs these).

Three changes to Rasa 3.6's `RemoteAction`:

- Rasa checks every action server response with `jsonschema.validate`, which
  first re-checks Rasa's own response schema against the JSON Schema
  metaschema. That re-check was 37% of the Rasa process's CPU (py-spy), 24 ms
  per custom action call. We keep the check and its error message; the schema
  is checked once, at start-up (0.3 ms per call).
- Rasa opens a new HTTP session, and so a new TCP connection, for every
  custom action call, and closes it after one request. Each endpoint now keeps
  one session with kept-alive connections (15 s, under the action server's
  120 s), closed when the server stops.
- A call carries the events of the latest user turn, not every event of the
  conversation (`send_recent_events_only`): the state lives in one slot.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

_DOCS_HINT = (
    ". Failed to validate Action server response from API, make sure your response from"
    " the Action endpoint is valid. For more information about the format visit {docs}"
    "/custom-actions"
)


@functools.cache
def _action_response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    # The same validator class `jsonschema.validate` would pick for this schema.
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result` with the compiled validator."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += _DOCS_HINT.format(docs=DOCS_BASE_URL)
        raise error
    return True


def install_compiled_action_validation() -> None:
    from rasa.core.actions.action import RemoteAction

    _action_response_validator()  # a broken schema fails here, at start-up
    RemoteAction._validate_action_result = _validate_action_result


class _KeptSession:
    """`async with` on a shared session, leaving it open for the next request."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *_: object) -> None:
        return None


_kept_sessions: list[Any] = []


def keep_endpoint_connections() -> None:
    """One HTTP session per endpoint (action server, model server) per event loop."""
    import asyncio

    from rasa.core import run as rasa_run
    from rasa.utils.endpoints import EndpointConfig

    new_session = EndpointConfig.session

    def kept_session(self: Any) -> _KeptSession:
        loop = asyncio.get_running_loop()
        kept = self.__dict__.get("_kept_session")
        if kept is None or kept[0] is not loop or kept[1].closed:
            kept = (loop, new_session(self))
            self._kept_session = kept
            _kept_sessions.append(kept[1])
        return _KeptSession(kept[1])

    close_resources = rasa_run.close_resources

    async def close_resources_and_sessions(app: Any, loop: Any) -> None:
        await close_resources(app, loop)
        while _kept_sessions:
            await _kept_sessions.pop().close()

    EndpointConfig.session = kept_session
    rasa_run.close_resources = close_resources_and_sessions


# The one custom action (action_turn) reads the conversation's state from its
# slot and the latest message, which Rasa sends apart from the events; it
# reads no events. The events of the latest user turn still go along, so a
# call stays a well-formed tracker.
RECENT_USER_TURNS = 1


def recent_events(events: Sequence[Any], *, user_turns: int = RECENT_USER_TURNS) -> list[Any]:
    """The events from the `user_turns`-th last user message on; all of them if there are fewer."""
    from rasa.shared.core.events import UserUttered

    seen = 0
    for position in range(len(events) - 1, -1, -1):
        if isinstance(events[position], UserUttered):
            seen += 1
            if seen == user_turns:
                return list(events[position:])
    return list(events)


def send_recent_events_only() -> None:
    """Action calls with the recent events only, so a call costs the same at every turn.

    Rasa 3.6 sends the whole conversation with every call (`EventVerbosity.ALL`):
    Rasa turns every event into a dict and JSON, the action server parses it
    all again, and both grow with every turn. Slots, the latest message, the
    active loop and the latest action still come in full, as Rasa sends them.
    An action that needs older events must read them from the tracker store.
    """
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    def action_call_format(self: Any, tracker: Any, domain: Any) -> dict[str, Any]:
        # As RemoteAction._action_call_format, but for the events.
        state: dict[str, Any] = tracker.current_state(EventVerbosity.NONE)
        state["events"] = [event.as_dict() for event in recent_events(list(tracker.events))]
        result = {
            "next_action": self._name,
            "sender_id": tracker.sender_id,
            "tracker": state,
            "version": rasa.__version__,
        }
        if not self._is_selective_domain_enabled() or (
            domain.does_custom_action_explicitly_need_domain(self.name())
        ):
            result["domain"] = domain.as_dict()
        return result

    RemoteAction._action_call_format = action_call_format
