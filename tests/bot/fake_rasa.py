"""A local HTTP server standing in for Rasa (and the action server's /health).

It answers every turn with the reply it was given and keeps what it got, so
a test can check what reached Rasa: the text after input hygiene, the metadata.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeRasa:
    def __init__(self) -> None:
        self.reply: object = [{"text": "Hoi!"}]
        self.turns: list[dict[str, Any]] = []
        self.url = ""

    @property
    def texts(self) -> list[str]:
        return [str(turn["message"]) for turn in self.turns]

    @contextmanager
    def running(self) -> Iterator[FakeRasa]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path != "/webhooks/rest/webhook":
                    self._send(404, {})
                    return
                turn = json.loads(body)
                fake.turns.append(turn)
                reply = fake.reply
                self._send(200, reply(turn) if callable(reply) else reply)

            def do_GET(self) -> None:
                # "/" (Rasa alive), "/health" (action server alive), a tracker.
                if self.path.startswith("/conversations/"):
                    self._send(200, {"events": [], "slots": {}})
                else:
                    self._send(200, {"status": "ok"})

            def _send(self, status: int, payload: object) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()
