"""The audit log: who opened which conversation; only admins of the organisation read it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.bot.console.conftest import SENDER
from tests.bot.console.test_handoff_api import as_counsellor


def test_openings_are_logged_for_the_organisations_admin_only(
    console: TestClient, queued: str
) -> None:
    as_counsellor(console, "anna@roc-a.nl")
    assert console.get(f"/console/conversations/{SENDER}").status_code == 200
    assert console.get("/console/audit").status_code == 403  # counsellors do not read it

    console.cookies.clear()
    as_counsellor(console, "ada@roc-a.nl")
    page = console.get("/console/audit")
    assert page.status_code == 200
    row = next(line for line in page.text.splitlines() if "open_conversation" in line)
    assert "Anna" in row
    assert SENDER in row

    console.cookies.clear()
    as_counsellor(console, "bram@loket-b.nl")  # admin of another organisation
    other = console.get("/console/audit")
    assert other.status_code == 200
    assert "open_conversation" not in other.text
