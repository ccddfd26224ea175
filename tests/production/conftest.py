"""The production set-up on this machine's real services.

Two Rasa instances share a PostgreSQL tracker store and a Redis lock store;
the catalogue and the app data are on PostgreSQL too; the gateway spreads the
turns over both instances.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from scripts.stack import Stack, StackConfig
from tests.conftest import drop_postgres_database, free_port, fresh_postgres_database
from tests.e2e.conftest import model_path  # noqa: F401 - shared fixture

TRACKER_DB = "leerwijzer_tracker_prod_test"
APP_DB = "leerwijzer_app_prod_test"
REDIS_DB = 5


def _redis_ready() -> redis.Redis:
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    try:
        client.ping()
    except redis.ConnectionError:
        # Start the machine's Redis the way its docs say; fail (never skip) if that fails.
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
             "--save", "", "--appendonly", "no"],
            check=False, capture_output=True,
        )  # fmt: skip
        client.ping()
    return client


@pytest.fixture(scope="package")
def production_config(
    model_path: Path,  # noqa: F811 - the imported fixture
    data_dir: Path,
    postgres_url: str,
) -> Iterator[StackConfig]:
    tracker_url = fresh_postgres_database(TRACKER_DB)
    app_url = fresh_postgres_database(APP_DB)
    _redis_ready().flushdb()
    directory = data_dir / "production"
    yield StackConfig(
        model_path=model_path,
        data_dir=directory,
        gateway_port=free_port(),
        rasa_port=free_port(),
        extra_rasa_ports=(free_port(),),
        action_port=free_port(),
        database_url=postgres_url,
        log_dir=directory / "logs",
        endpoints="bot/rasa/endpoints.production.yml",
        extra_env={
            "LEERWIJZER_TRACKER_PG_HOST": "127.0.0.1",
            "LEERWIJZER_TRACKER_PG_PORT": "5432",
            "LEERWIJZER_TRACKER_PG_DB": TRACKER_DB,
            "LEERWIJZER_TRACKER_PG_USER": "postgres",
            "LEERWIJZER_TRACKER_PG_PASSWORD": "",
            "LEERWIJZER_TRACKER_DATABASE_URL": tracker_url,
            "LEERWIJZER_APP_DATABASE_URL": app_url,
            "LEERWIJZER_REDIS_HOST": "127.0.0.1",
            "LEERWIJZER_REDIS_PORT": "6379",
            "LEERWIJZER_REDIS_DB": str(REDIS_DB),
            "LEERWIJZER_REDIS_PASSWORD": "",
        },
    )
    drop_postgres_database(TRACKER_DB)
    drop_postgres_database(APP_DB)


@pytest.fixture(scope="package")
def stack(production_config: StackConfig) -> Iterator[Stack]:
    running = Stack(production_config)
    running.start()
    try:
        running.wait_ready(timeout_s=360)
        yield running
    finally:
        running.stop()
