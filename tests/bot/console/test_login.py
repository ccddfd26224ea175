"""Signing in over HTTP: cookies, CSRF, wrong passwords, lock-out, throttling, redirects."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from starlette.types import Message, Receive, Scope, Send

from bot.console.models import LoginSession
from bot.gateway.main import create_app
from catalogue.db import make_engine
from core.settings import Settings
from tests.bot.console.conftest import PASSWORD


def login_token(client: TestClient) -> str:
    page = client.get("/console/login")
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    return match.group(1)


def sign_in(client: TestClient, email: str, password: str) -> httpx.Response:
    token = login_token(client)
    response: httpx.Response = client.post(
        "/console/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    return response


def test_sign_in_sets_a_secure_httponly_strict_cookie(console: TestClient) -> None:
    response = sign_in(console, "anna@roc-a.nl", PASSWORD)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/"
    cookie = response.headers["set-cookie"].lower()
    assert "lw_console=" in cookie
    assert "httponly" in cookie
    assert "secure" in cookie
    assert "samesite=strict" in cookie
    home = console.get("/console/")
    assert "Welkom, Anna" in home.text
    assert console.get("/console/api/me").json()["organisation"] == "roc-a"


def test_wrong_password_gets_a_dutch_message_and_401(console: TestClient) -> None:
    response = sign_in(console, "anna@roc-a.nl", "verkeerd-wachtwoord")
    assert response.status_code == 401
    assert "klopt niet" in response.text
    assert "lw_console" not in response.headers.get("set-cookie", "")


def test_lock_out_after_five_failures_is_explained(console: TestClient) -> None:
    for _ in range(4):
        assert sign_in(console, "anna@roc-a.nl", "verkeerd-wachtwoord").status_code == 401
    locked = sign_in(console, "anna@roc-a.nl", "verkeerd-wachtwoord")
    assert locked.status_code == 423
    assert "geblokkeerd" in locked.text
    # The right password does not help while locked.
    assert sign_in(console, "anna@roc-a.nl", PASSWORD).status_code == 423


def test_many_attempts_from_one_address_are_throttled(console: TestClient) -> None:
    codes = [
        sign_in(console, f"gok{n}@roc-a.nl", "verkeerd-wachtwoord").status_code for n in range(11)
    ]
    assert codes[:10] == [401] * 10
    assert codes[10] == 429


def test_login_without_its_csrf_token_is_refused(console: TestClient) -> None:
    login_token(console)
    response = console.post(
        "/console/login",
        data={"email": "anna@roc-a.nl", "password": PASSWORD, "csrf_token": "geraden"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "lw_console" not in response.headers.get("set-cookie", "")


def test_pages_redirect_and_the_api_says_401_when_signed_out(console: TestClient) -> None:
    page = console.get("/console/", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/console/login"
    assert console.get("/console/api/me").status_code == 401


def test_logout_needs_the_csrf_token_and_ends_the_session(console: TestClient) -> None:
    sign_in(console, "anna@roc-a.nl", PASSWORD)
    refused = console.post("/console/logout", follow_redirects=False)
    assert refused.status_code == 403
    assert console.get("/console/api/me").status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', console.get("/console/").text)
    assert token
    done = console.post(
        "/console/logout", data={"csrf_token": token.group(1)}, follow_redirects=False
    )
    assert done.status_code == 303
    assert console.get("/console/api/me").status_code == 401


def test_a_stolen_cookie_value_is_useless_after_logout(console: TestClient) -> None:
    response = sign_in(console, "anna@roc-a.nl", PASSWORD)
    cookie = re.search(r"lw_console=([^;]+)", response.headers["set-cookie"])
    assert cookie
    token = re.search(r'name="csrf_token" value="([^"]+)"', console.get("/console/").text)
    assert token

    def with_only_the_stolen_cookie() -> int:
        console.cookies.clear()
        console.cookies.set("lw_console", cookie.group(1), domain="testserver.local")
        code: int = console.get("/console/api/me").status_code
        return code

    assert with_only_the_stolen_cookie() == 200
    console.post("/console/logout", data={"csrf_token": token.group(1)})
    assert with_only_the_stolen_cookie() == 401


def test_the_login_is_committed_before_the_redirect_leaves(console_settings: Settings) -> None:
    """A browser follows the 303 at once: its session must already be in the database."""
    app = create_app(console_settings)
    engine = make_engine(console_settings.app_database_url)
    seen_when_sent: list[int] = []

    async def watching(scope: Scope, receive: Receive, send: Send) -> None:
        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start" and scope["method"] == "POST":
                with engine.connect() as connection:
                    rows = connection.scalar(select(func.count()).select_from(LoginSession))
                seen_when_sent.append(int(rows or 0))
            await send(message)

        await app(scope, receive, watched_send)

    try:
        with TestClient(watching, base_url="https://testserver") as client:
            response = sign_in(client, "anna@roc-a.nl", PASSWORD)
    finally:
        engine.dispose()
    assert response.status_code == 303
    assert seen_when_sent == [1]
