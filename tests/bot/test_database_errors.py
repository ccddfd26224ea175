"""A database that cannot be reached gives a retryable 503, never a 500."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from bot.gateway.errors import DATABASE_DOWN_DETAIL
from bot.gateway.main import create_app
from core.settings import Settings
from scripts.stack import free_port


@pytest.fixture
def client_without_catalogue(tmp_path: Path) -> Iterator[TestClient]:
    # A real PostgreSQL driver refused on a port where nothing listens, as
    # when the catalogue's server restarts; the app's own database is fine.
    settings = Settings(
        data_dir=tmp_path,
        database_url=f"postgresql+psycopg://leerwijzer@127.0.0.1:{free_port()}/catalogue",
        rasa_url=f"http://127.0.0.1:{free_port()}",
        action_server_url=f"http://127.0.0.1:{free_port()}",
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/api/courses?q=zorg", "/api/courses/1"])
def test_an_unreachable_catalogue_is_a_retryable_503(
    client_without_catalogue: TestClient, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = client_without_catalogue.get(path)
    assert response.status_code == 503
    assert response.json() == {"detail": DATABASE_DOWN_DETAIL}
    assert response.headers["Retry-After"] == "30"
    # The log names the driver's error, not the statement or its parameters.
    assert "database unavailable on GET" in caplog.text
    assert "zorg" not in caplog.text


def test_a_database_bug_is_still_a_500(client_without_catalogue: TestClient) -> None:
    # Another database error is not retryable: the same request would fail again.
    app = client_without_catalogue.app
    assert isinstance(app, FastAPI)
    engine = app.state.console_engine

    @app.get("/test-only/bad-statement")
    def bad_statement() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT * FROM no_such_table"))

    response = client_without_catalogue.get("/test-only/bad-statement")
    assert response.status_code == 500
