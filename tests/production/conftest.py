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

from scripts.production import drop_database, production_config
from scripts.stack import Stack
from tests.e2e.conftest import model_path  # noqa: F401 - shared fixture

PREFIX = "leerwijzer_prod_test"
REDIS_DB = 5


def _redis_up() -> None:
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


@pytest.fixture(scope="package")
def stack(
    model_path: Path,  # noqa: F811 - the imported fixture
    data_dir: Path,
) -> Iterator[Stack]:
    _redis_up()
    # Its own catalogue database too: the PostgreSQL drill cuts every
    # connection to the stack's databases, and must not cut other tests' ones.
    config = production_config(
        model_path=model_path,
        data_dir=data_dir / "production",
        prefix=PREFIX,
        redis_db=REDIS_DB,
    )
    running = Stack(config)
    running.start()
    try:
        running.wait_ready(timeout_s=360)
        yield running
    finally:
        running.stop()
        for name in ("tracker", "app", "catalogue"):
            drop_database(f"{PREFIX}_{name}")
