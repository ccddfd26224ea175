"""Accounts: argon2id hashes, lock-out after five failures, organisations kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.accounts import (
    LOCKOUT,
    MAX_FAILED_LOGINS,
    AccountError,
    SignInRefused,
    create_account,
    create_organisation,
    sign_in,
)
from bot.console.models import Account, AuditEntry
from bot.console.passwords import WeakPasswordError
from bot.console.schema import upgrade_console
from catalogue.db import make_engine

PASSWORD = "een-goed-wachtwoord-7"
NOW = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> Session:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(url)
    session = Session(make_engine(url))
    create_organisation(session, slug="roc-a", name="ROC A")
    create_account(
        session,
        organisation_slug="roc-a",
        email="Anna@ROC-a.nl ",
        name="Anna",
        role="counsellor",
        password=PASSWORD,
    )
    return session


def test_passwords_are_stored_as_argon2id_hashes(db: Session) -> None:
    account = db.scalars(select(Account)).one()
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    assert account.email == "anna@roc-a.nl"


def test_right_password_signs_in_and_is_audited(db: Session) -> None:
    result = sign_in(db, email="ANNA@roc-a.nl", password=PASSWORD, now=NOW)
    assert isinstance(result, Account)
    assert [e.action for e in db.scalars(select(AuditEntry))] == ["login"]


def test_wrong_password_and_unknown_address_look_the_same(db: Session) -> None:
    assert sign_in(db, email="anna@roc-a.nl", password="fout", now=NOW) == SignInRefused()
    assert sign_in(db, email="niemand@roc-a.nl", password="fout", now=NOW) == SignInRefused()


def test_five_failures_lock_the_account_even_for_the_right_password(db: Session) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert sign_in(db, email="anna@roc-a.nl", password="fout", now=NOW) == SignInRefused()
    locked = sign_in(db, email="anna@roc-a.nl", password="fout", now=NOW)
    assert isinstance(locked, SignInRefused)
    assert locked.locked_until == NOW + LOCKOUT
    still = sign_in(db, email="anna@roc-a.nl", password=PASSWORD, now=NOW + LOCKOUT / 2)
    assert isinstance(still, SignInRefused)
    assert still.locked_until is not None
    after = sign_in(db, email="anna@roc-a.nl", password=PASSWORD, now=NOW + LOCKOUT)
    assert isinstance(after, Account)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"password": "kort"}, WeakPasswordError),
        ({"password": "aaaaaaaaaaaaaaaa"}, WeakPasswordError),
        ({"role": "root"}, AccountError),
        ({"organisation_slug": "onbekend"}, AccountError),
        ({"email": "geen-adres"}, AccountError),
        ({"email": "anna@roc-a.nl"}, AccountError),
    ],
)
def test_bad_accounts_are_refused(
    db: Session, changes: dict[str, str], error: type[Exception]
) -> None:
    fields = {
        "organisation_slug": "roc-a",
        "email": "nieuw@roc-a.nl",
        "name": "Nieuw",
        "role": "counsellor",
        "password": "nog-een-goed-wachtwoord",
    }
    with pytest.raises(error):
        create_account(db, **{**fields, **changes})
