"""A local stand-in for Telegram's Bot API over real HTTP (stdlib only).

It records every request (method, params, time), answers like Telegram for
the methods the adapter uses, hands out queued updates to getUpdates and can
be told to fail a method a number of times (429 with retry_after, or 5xx).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_ID = 4242
BOT_USERNAME = "leerwijzer_test_bot"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Leerwijzer",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Long polls are cut short so that stopping a poller takes at most this long.
MAX_POLL_S = 0.5


@dataclass(frozen=True)
class Call:
    token: str
    method: str
    params: dict[str, Any]
    at: float

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        markup = self.params.get("reply_markup")
        return markup if isinstance(markup, dict) else None


@dataclass
class Failure:
    status: int
    retry_after: int | None = None
    description: str = "Bad Gateway"


@dataclass
class State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    lock: threading.Condition = field(default_factory=threading.Condition)
    message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))


def _decode(value: str) -> Any:
    # PTB sends every parameter as a form field, non-strings JSON-encoded.
    if value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class FakeBotApi:
    def __init__(self) -> None:
        self.state = State()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self.state))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what the tests set up ---------------------------------------------

    def fail(self, method: str, *failures: Failure) -> None:
        with self.state.lock:
            self.state.failures.setdefault(method, []).extend(failures)

    def queue_update(self, token: str, update: dict[str, Any]) -> None:
        with self.state.lock:
            self.state.updates.setdefault(token, []).append(update)
            self.state.lock.notify_all()

    def clear(self) -> None:
        with self.state.lock:
            self.state.calls.clear()
            self.state.failures.clear()

    # --- what the tests check ----------------------------------------------

    def calls(
        self, method: str | None = None, chat_id: int | None = None, token: str | None = None
    ) -> list[Call]:
        with self.state.lock:
            return [
                c
                for c in self.state.calls
                if (method is None or c.method == method)
                and (chat_id is None or c.chat_id == chat_id)
                and (token is None or c.token == token)
            ]

    def sent(self, chat_id: int) -> list[Call]:
        return self.calls("sendMessage", chat_id)

    async def wait_for(
        self,
        method: str,
        *,
        chat_id: int | None = None,
        token: str | None = None,
        count: int = 1,
        timeout_s: float = 30,
    ) -> list[Call]:
        deadline = time.monotonic() + timeout_s
        while len(found := self.calls(method, chat_id, token)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} x {method} expected, got {self.calls()}")
            await asyncio.sleep(0.05)
        return found

    def wait_for_sync(
        self,
        method: str,
        *,
        chat_id: int | None = None,
        token: str | None = None,
        count: int = 1,
        timeout_s: float = 30,
    ) -> list[Call]:
        deadline = time.monotonic() + timeout_s
        while len(found := self.calls(method, chat_id, token)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} x {method} expected, got {self.calls()}")
            time.sleep(0.05)
        return found


def _handler_for(state: State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return None

        def do_POST(self) -> None:
            self._handle()

        def do_GET(self) -> None:
            self._handle()

        def _handle(self) -> None:
            _, bot, method = [*self.path.split("?")[0].split("/"), "", ""][:3]
            token = bot.removeprefix("bot")
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            kind = self.headers.get("Content-Type", "")
            if "json" in kind:
                params = json.loads(raw or "{}")
            else:
                params = {k: _decode(v[-1]) for k, v in parse_qs(raw).items()}
            with state.lock:
                state.calls.append(Call(token, method, params, time.monotonic()))
                planned = state.failures.get(method)
                failure = planned.pop(0) if planned else None
            if failure is not None:
                self._fail(failure)
                return
            self._reply(200, {"ok": True, "result": _result(state, token, method, params)})

        def _fail(self, failure: Failure) -> None:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": failure.status,
                "description": failure.description,
            }
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            self._reply(failure.status, body)

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _result(state: State, token: str, method: str, params: dict[str, Any]) -> Any:
    if method == "getMe":
        return BOT_USER
    if method == "getUpdates":
        return _updates(state, token, params)
    if method in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
        chat_id = int(params["chat_id"])
        return {
            "message_id": next(state.message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
            "text": str(params.get("text", "")),
        }
    return True


def _updates(state: State, token: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    offset = int(params.get("offset") or 0)
    wait = min(float(params.get("timeout") or 0), MAX_POLL_S)
    with state.lock:
        queue = state.updates.setdefault(token, [])
        # Telegram forgets updates below the offset: they were delivered.
        queue[:] = [u for u in queue if u["update_id"] >= offset]
        if not queue and wait:
            state.lock.wait(wait)
        return list(queue)
