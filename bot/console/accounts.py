"""Organisations and counsellor accounts; sign-in with lock-out after repeated failures."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.console.clock import as_utc, utc_now
from bot.console.models import ROLES, Account, AuditEntry, Organisation
from bot.console.passwords import (
    DUMMY_HASH,
    check_strength,
    hash_password,
    needs_rehash,
    verify_password,
)

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AccountError(ValueError):
    """Bad input for an organisation or account (shown to the admin as is)."""


@dataclass(frozen=True)
class SignInRefused:
    """Why a sign-in failed; `locked_until` is set when the account is locked."""

    locked_until: dt.datetime | None = None


def create_organisation(session: Session, *, slug: str, name: str) -> Organisation:
    if not _SLUG.match(slug):
        raise AccountError("slug: 3-60 lower-case letters, digits and dashes")
    if session.scalar(select(Organisation).where(Organisation.slug == slug)):
        raise AccountError(f"organisation {slug!r} exists")
    organisation = Organisation(slug=slug, name=name.strip() or slug)
    session.add(organisation)
    session.flush()
    return organisation


def create_account(
    session: Session, *, organisation_slug: str, email: str, name: str, role: str, password: str
) -> Account:
    organisation = session.scalar(
        select(Organisation).where(Organisation.slug == organisation_slug)
    )
    if organisation is None:
        raise AccountError(f"unknown organisation {organisation_slug!r}")
    if role not in ROLES:
        raise AccountError(f"role must be one of: {', '.join(ROLES)}")
    address = normalise_email(email)
    if not _EMAIL.match(address):
        raise AccountError("not an e-mail address")
    if session.scalar(select(Account).where(Account.email == address)):
        raise AccountError("an account with this e-mail address exists")
    check_strength(password)
    account = Account(
        organisation_id=organisation.id,
        email=address,
        name=name.strip() or address,
        role=role,
        password_hash=hash_password(password),
        failed_logins=0,
    )
    session.add(account)
    session.flush()
    return account


def normalise_email(email: str) -> str:
    return email.strip().lower()


def sign_in(
    session: Session, *, email: str, password: str, now: dt.datetime | None = None
) -> Account | SignInRefused:
    """The account for a right password; counts failures and locks the account after five."""
    moment = now or utc_now()
    account = session.scalar(select(Account).where(Account.email == normalise_email(email)))
    if account is None:
        verify_password(DUMMY_HASH, password)
        return SignInRefused()
    if account.locked_until is not None and as_utc(account.locked_until) > moment:
        # No password check while locked: guessing must not go on.
        return SignInRefused(locked_until=as_utc(account.locked_until))
    if not verify_password(account.password_hash, password):
        account.failed_logins += 1
        refused = SignInRefused()
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.locked_until = moment + LOCKOUT
            account.failed_logins = 0
            refused = SignInRefused(locked_until=account.locked_until)
        audit(session, account=account, action="login_failed", now=moment)
        return refused
    account.failed_logins = 0
    account.locked_until = None
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    audit(session, account=account, action="login", now=moment)
    return account


def audit(
    session: Session,
    *,
    account: Account | None,
    action: str,
    sender_id: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    session.add(
        AuditEntry(
            at=now or utc_now(),
            account_id=account.id if account else None,
            organisation_id=account.organisation_id if account else None,
            action=action,
            sender_id=sender_id,
        )
    )


def count_accounts(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Account)) or 0)
