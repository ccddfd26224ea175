"""Every console URL about a conversation is closed to other organisations and to strangers."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bot.console import routes_assist, routes_handoff
from tests.bot.console.test_handoff_api import SENDER, as_counsellor


def conversation_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every console route with a conversation in its path, from the routers themselves."""
    found = []
    for router in (routes_handoff.router, routes_assist.router):
        for route in router.routes:
            if isinstance(route, APIRoute) and "{sender_id}" in route.path:
                for method in sorted(route.methods or ()):
                    found.append((method, route.path.replace("{sender_id}", SENDER)))
    return found


BODIES: dict[str, dict[str, object]] = {
    "reply": {"text": "hoi"},
    "say": {"text": "hoi"},
    "notes": {"text": "hoi"},
}


def body_for(path: str) -> dict[str, object]:
    return BODIES.get(path.rsplit("/", 1)[-1], {"changes": {}})


def test_the_route_list_is_complete(console: TestClient) -> None:
    paths = {path.rsplit("/", 1)[-1] for _, path in conversation_routes(console)}
    # A new conversation URL must show up here, and so in the tests below.
    assert {"take", "reply", "handback", "say", "profile", "what-if", "notes", "plan",
            "plan.pdf", "qr.svg", "stream", SENDER} <= paths  # fmt: skip


def test_other_organisation_gets_404_for_every_conversation_url(
    console: TestClient, queued: str
) -> None:
    headers = as_counsellor(console, "bram@loket-b.nl")
    for method, path in conversation_routes(console):
        response = console.request(method, path, headers=headers, json=body_for(path))
        assert response.status_code == 404, (method, path, response.status_code)


def test_strangers_are_refused_everywhere(console: TestClient, queued: str) -> None:
    for method, path in conversation_routes(console):
        response = console.request(method, path, json=body_for(path), follow_redirects=False)
        assert response.status_code in (303, 401), (method, path, response.status_code)


@pytest.mark.parametrize(
    "path", ["take", "handback", "reply", "say", "profile", "what-if", "notes"]
)
def test_posts_without_the_csrf_token_are_refused(
    console: TestClient, queued: str, path: str
) -> None:
    as_counsellor(console, "anna@roc-a.nl")
    url = f"/console/api/conversations/{SENDER}/{path}"
    assert console.post(url, json=body_for(url)).status_code == 403


def test_starting_a_session_needs_csrf(console: TestClient) -> None:
    as_counsellor(console, "anna@roc-a.nl")
    assert console.post("/console/api/sessions").status_code == 403
