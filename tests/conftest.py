"""Shared fixtures: a real SQLite catalogue built once, settings pointing at it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from catalogue.build import build_catalogue
from catalogue.db import make_engine, make_session_factory
from core.settings import Settings


def free_port() -> int:
    """A port nothing listens on right now (used for 'service down' too)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
def database_url(data_dir: Path) -> str:
    url = f"sqlite:///{data_dir / 'catalogue.db'}"
    build_catalogue(database_url=url)
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
