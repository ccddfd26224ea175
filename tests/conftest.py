"""Shared fixtures: a real SQLite catalogue built once, settings pointing at it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from catalogue.build import build_catalogue
from catalogue.db import make_engine, make_session_factory
from core.settings import Settings
from scripts.production import POSTGRES_ADMIN_URL, drop_database, recreate_database
from scripts.stack import free_port

# Rasa NLU component and launcher tests import Rasa: they run in the rasa runtime
# (`make test-nlu`), not in this one.
collect_ignore = ["nlu/components", "bot/rasa"]


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


# Parallel runs (two checkouts, a helper) can pick their own database.
POSTGRES_TEST_DB = os.environ.get("LEERWIJZER_TEST_PG_DB", "leerwijzer_test")


def _postgres_reachable() -> bool:
    engine = create_engine(POSTGRES_ADMIN_URL)
    try:
        with engine.connect():
            return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def _start_postgres() -> None:
    """Start the machine's PostgreSQL cluster the way the machine's docs say."""
    clusters = sorted(p.name for p in Path("/etc/postgresql").glob("*"))
    if not clusters or shutil.which("pg_ctlcluster") is None:
        return
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1], "main", "start"],
        check=False,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def sqlite_url(data_dir: Path) -> str:
    """The embedded default: what `make run` uses."""
    url = f"sqlite:///{data_dir / 'catalogue.db'}"
    build_catalogue(database_url=url)
    return url


def fresh_postgres_database(name: str) -> str:
    """An empty database on the local PostgreSQL, started if it is down; never skipped."""
    if not _postgres_reachable():
        _start_postgres()
    if not _postgres_reachable():
        pytest.fail("PostgreSQL is not reachable on 127.0.0.1:5432 and could not be started")
    return recreate_database(name)


def drop_postgres_database(name: str) -> None:
    drop_database(name)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A fresh catalogue on the local PostgreSQL."""
    url = fresh_postgres_database(POSTGRES_TEST_DB)
    build_catalogue(database_url=url)
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each catalogue test runs on both backends."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture(scope="session")
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session:
        yield session


@pytest.fixture
def down_settings(data_dir: Path, database_url: str) -> Settings:
    """Settings whose Rasa and action server are not running."""
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        rasa_url=f"http://127.0.0.1:{free_port()}",
        action_server_url=f"http://127.0.0.1:{free_port()}",
    )
