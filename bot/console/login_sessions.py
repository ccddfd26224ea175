"""Signed-in browsers: a random token in an HttpOnly cookie, its hash in the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.console.clock import as_utc, utc_now
from bot.console.models import Account, LoginSession

SESSION_LIFETIME = dt.timedelta(hours=8)  # one working day


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, *, account: Account, now: dt.datetime | None = None) -> str:
    """A new login session; returns the cookie token (only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            token_hash=_hash(token),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=(now or utc_now()) + SESSION_LIFETIME,
        )
    )
    session.flush()
    return token


def find_session(
    session: Session, *, token: str, now: dt.datetime | None = None
) -> LoginSession | None:
    found = session.scalar(select(LoginSession).where(LoginSession.token_hash == _hash(token)))
    if found is None or as_utc(found.expires_at) <= (now or utc_now()):
        return None
    return found


def end_session(session: Session, *, token: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == _hash(token)))


def same_token(expected: str, given: str | None) -> bool:
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())
