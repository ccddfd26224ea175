"""Accounts come only from the command line, with a password typed or piped in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.accounts import sign_in
from bot.console.models import Account
from catalogue.db import make_engine
from scripts.stack import ROOT


def cli(args: list[str], data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LEERWIJZER_DATA_DIR": str(data_dir)}
    env.pop("LEERWIJZER_APP_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.console.cli", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_organisation_and_account_are_created_and_can_sign_in(tmp_path: Path) -> None:
    made = cli(["create-organisation", "--slug", "roc-t", "--name", "ROC T"], tmp_path)
    assert made.returncode == 0, made.stderr
    account = cli(
        [
            "create-account", "--organisation", "roc-t", "--email", "tess@roc-t.nl",
            "--role", "admin", "--password-stdin",
        ],
        tmp_path,
        stdin="tess-haar-eigen-wachtwoord\n",
    )  # fmt: skip
    assert account.returncode == 0, account.stderr
    assert "tess-haar-eigen-wachtwoord" not in account.stdout + account.stderr
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    with Session(engine) as session:
        stored = session.scalars(select(Account)).one()
        assert stored.role == "admin"
        assert isinstance(
            sign_in(session, email="tess@roc-t.nl", password="tess-haar-eigen-wachtwoord"),
            Account,
        )
    engine.dispose()


def test_there_is_no_default_password(tmp_path: Path) -> None:
    cli(["create-organisation", "--slug", "roc-t", "--name", "ROC T"], tmp_path)
    empty = cli(
        ["create-account", "--organisation", "roc-t", "--email", "x@roc-t.nl", "--password-stdin"],
        tmp_path,
        stdin="\n",
    )
    assert empty.returncode == 2
    assert "at least 12 characters" in empty.stderr


def test_purge_command_runs_on_the_embedded_databases(tmp_path: Path) -> None:
    done = cli(["purge", "--days", "30"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 conversation(s) idle for more than 30 days erased" in done.stdout
