"""Real headless Chromium (Debian's package, driven by Playwright) against the real stack.

The widget is embedded, with the documented snippet, in a page served from a
second origin, as on a college's website; the gateway allows that origin only.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from scripts.stack import ROOT, Stack, StackConfig, free_port
from tests.e2e.conftest import model_path  # noqa: F401 - shared fixture

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# Without these, Chromium keeps calling Google hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOST_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ROC Voorbeeld: opleidingen</title>
<style>body {{ font-family: serif; color: #222; }} button {{ background: red; }}</style>
</head><body><main><h1>ROC Voorbeeld</h1><p>Welkom op onze website.</p>
<a href="#opleidingen">Onze opleidingen</a></main>
<script src="{gateway}/widget.js" data-title="Studiechat" data-color="{color}" async></script>
</body></html>
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    port = free_port()
    handler = partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="package")
def host_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A college's website on its own origin (pages are written by the stack fixture)."""
    directory = tmp_path_factory.mktemp("host-site")
    server, origin = serve_directory(directory)
    yield directory, origin
    server.shutdown()


@pytest.fixture(scope="package")
def stack(
    model_path: Path,  # noqa: F811 - the imported fixture
    data_dir: Path,
    sqlite_url: str,
    host_site: tuple[Path, str],
) -> Iterator[Stack]:
    directory, origin = host_site
    config = StackConfig(
        model_path=model_path,
        data_dir=data_dir / "browser",
        gateway_port=free_port(),
        rasa_port=free_port(),
        action_port=free_port(),
        database_url=sqlite_url,
        log_dir=data_dir / "browser" / "logs",
        extra_env={
            "LEERWIJZER_WIDGET_ALLOWED_ORIGINS": origin,
            # Counsellors are always in during the tests: the hour must not matter.
            "LEERWIJZER_OFFICE_HOURS": "ma-zo 00:00-24:00",
            # The stack serves plain http on 127.0.0.1, where Chromium 156
            # (Debian bookworm) no longer stores Secure cookies; production
            # keeps the default (true, behind HTTPS).
            "LEERWIJZER_CONSOLE_COOKIE_SECURE": "false",
        },
    )
    running = Stack(config)
    for name, color in {"index.html": "#00587a", "yellow.html": "#ffd400"}.items():
        page = HOST_PAGE.format(gateway=config.gateway_url, color=color)
        (directory / name).write_text(page)
    running.start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `make browser` (installs Debian's chromium)")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser profile per test: its own localStorage, so its own conversation."""
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
