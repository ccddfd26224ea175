"""Console pages: sign in, sign out, the start page. Thin: the work is in the services."""

from __future__ import annotations

import math
import secrets
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from bot.console.accounts import SignInRefused, sign_in
from bot.console.deps import (
    LOGIN_PAGE,
    SESSION_COOKIE,
    ApiLogin,
    ConsoleDb,
    PageLogin,
    PagePost,
    ThrottleDep,
)
from bot.console.login_sessions import SESSION_LIFETIME, end_session, same_token, start_session
from bot.console.models import Account, AuditEntry
from core.settings import Settings

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
STATIC_DIR = Path(__file__).resolve().parent / "static"
LOGIN_CSRF_COOKIE = "lw_login_csrf"
WRONG_LOGIN = "Het e-mailadres of het wachtwoord klopt niet."
router = APIRouter(prefix="/console", include_in_schema=False)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _login_page(request: Request, *, error: str | None = None, code: int = 200) -> HTMLResponse:
    # Double-submit token: the login form has no session yet to tie it to.
    token = secrets.token_urlsafe(32)
    response = TEMPLATES.TemplateResponse(
        request, "login.html", {"csrf_token": token, "error": error}, status_code=code
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        secure=_settings(request).console_cookie_secure,
        samesite="strict",
        path=LOGIN_PAGE,
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _login_page(request)


@router.post("/login", response_model=None)
def login(
    request: Request,
    db: ConsoleDb,
    throttle: ThrottleDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    if not same_token(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token) or not csrf_token:
        return _login_page(request, error="Je sessie was verlopen. Probeer het opnieuw.", code=403)
    client = request.client.host if request.client else "unknown"
    wait = throttle.retry_after(client)
    if wait > 0:
        minutes = max(1, math.ceil(wait / 60))
        return _login_page(
            request,
            error=(
                f"Te veel pogingen vanaf deze computer. Probeer het over {minutes} minuten opnieuw."
            ),
            code=429,
        )
    throttle.record(client)
    result = sign_in(db, email=email, password=password)
    if isinstance(result, SignInRefused):
        if result.locked_until is not None:
            until = result.locked_until.astimezone().strftime("%H:%M")
            message = (
                "Je account is even geblokkeerd na te veel foute pogingen. "
                f"Probeer het na {until} opnieuw, of vraag je beheerder om hulp."
            )
            return _login_page(request, error=message, code=423)
        return _login_page(request, error=WRONG_LOGIN, code=401)
    token = start_session(db, account=result)
    response = RedirectResponse("/console/", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        secure=_settings(request).console_cookie_secure,
        samesite="strict",
        path="/console",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=LOGIN_PAGE)
    return response


@router.post("/logout")
def logout(request: Request, db: ConsoleDb, login: PagePost) -> RedirectResponse:
    end_session(db, token=request.cookies[SESSION_COOKIE])
    response = RedirectResponse(LOGIN_PAGE, status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE, path="/console")
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, login: PageLogin) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(
        request,
        "home.html",
        {"account": login.account, "csrf_token": login.csrf_token},
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, db: ConsoleDb, login: PageLogin) -> HTMLResponse:
    """Admins see who opened, took over or erased which conversation in their organisation."""
    if login.account.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "admins only")
    entries = db.scalars(
        select(AuditEntry)
        .where(AuditEntry.organisation_id == login.account.organisation_id)
        .order_by(AuditEntry.id.desc())
        .limit(500)
    ).all()
    names = {a.id: a.name for a in db.scalars(select(Account))}
    return TEMPLATES.TemplateResponse(
        request,
        "audit.html",
        {
            "account": login.account,
            "entries": entries,
            "names": names,
            "csrf_token": login.csrf_token,
        },
    )


@router.get("/static/console.js")
def console_script() -> FileResponse:
    return FileResponse(STATIC_DIR / "console.js", media_type="text/javascript; charset=utf-8")


@router.get("/api/me")
def me(login: ApiLogin) -> dict[str, str]:
    account = login.account
    return {
        "name": account.name,
        "email": account.email,
        "role": account.role,
        "organisation": account.organisation.slug,
    }
