"""Console dependencies: its database session, the signed-in counsellor, CSRF."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session, sessionmaker

from bot.console.login_sessions import find_session, same_token
from bot.console.models import LoginSession
from bot.console.throttle import LoginThrottle

SESSION_COOKIE = "lw_console"
LOGIN_PAGE = "/console/login"


def get_console_db(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.console_sessions
    with factory() as session, session.begin():
        yield session


# Commit before the response leaves: with the default ("request") scope the
# transaction would end after the client got its answer, and a browser
# following the login redirect could ask for /console/ before its session row
# was committed (seen under load: redirected back to the login page).
ConsoleDb = Annotated[Session, Depends(get_console_db, scope="function")]


def get_throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle = request.app.state.login_throttle
    return throttle


ThrottleDep = Annotated[LoginThrottle, Depends(get_throttle)]


def _login(request: Request, db: Session) -> LoginSession | None:
    token = request.cookies.get(SESSION_COOKIE)
    return find_session(db, token=token) if token else None


def page_login(request: Request, db: ConsoleDb) -> LoginSession:
    """For pages: not signed in means a redirect to the login page."""
    login = _login(request, db)
    if login is None:
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": LOGIN_PAGE})
    return login


def api_login(request: Request, db: ConsoleDb) -> LoginSession:
    """For the console's JSON API: not signed in is a 401."""
    login = _login(request, db)
    if login is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in first")
    return login


async def csrf_checked(request: Request, login: LoginSession) -> None:
    """Every state-changing request carries the session's CSRF token (form field or header)."""
    given = request.headers.get("X-CSRF-Token")
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    if not same_token(login.csrf_token, given):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token")


async def page_login_with_csrf(
    request: Request, login: Annotated[LoginSession, Depends(page_login)]
) -> LoginSession:
    await csrf_checked(request, login)
    return login


PageLogin = Annotated[LoginSession, Depends(page_login)]
ApiLogin = Annotated[LoginSession, Depends(api_login)]
PagePost = Annotated[LoginSession, Depends(page_login_with_csrf)]
