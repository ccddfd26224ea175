"""The production set-up on this machine's services: PostgreSQL, Redis, two Rasa instances.

Used by the production tests and the load generator, so both measure the same thing.
"""

from __future__ import annotations

from pathlib import Path

import redis
from sqlalchemy import create_engine, text

from catalogue.build import build_catalogue
from scripts.stack import StackConfig, free_port

PRODUCTION_ENDPOINTS = "bot/rasa/endpoints.production.yml"
POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def database_url(name: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def recreate_database(name: str) -> str:
    """An empty database of that name on the local PostgreSQL; returns its URL."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return database_url(name)


def drop_database(name: str) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def production_config(
    *,
    model_path: Path,
    data_dir: Path,
    prefix: str = "leerwijzer_load",
    catalogue_url: str | None = None,
    redis_db: int = 6,
) -> StackConfig:
    """Fresh tracker and app databases, an empty Redis db, and a stack of two Rasa."""
    tracker_db, app_db = f"{prefix}_tracker", f"{prefix}_app"
    tracker_url = recreate_database(tracker_db)
    app_url = recreate_database(app_db)
    if catalogue_url is None:
        catalogue_url = recreate_database(f"{prefix}_catalogue")
        build_catalogue(database_url=catalogue_url)
    redis.Redis(host="127.0.0.1", port=6379, db=redis_db).flushdb()
    return StackConfig(
        model_path=model_path,
        data_dir=data_dir,
        gateway_port=free_port(),
        rasa_port=free_port(),
        extra_rasa_ports=(free_port(),),
        action_port=free_port(),
        database_url=catalogue_url,
        log_dir=data_dir / "logs",
        endpoints=PRODUCTION_ENDPOINTS,
        extra_env={
            "LEERWIJZER_TRACKER_PG_HOST": "127.0.0.1",
            "LEERWIJZER_TRACKER_PG_PORT": "5432",
            "LEERWIJZER_TRACKER_PG_DB": tracker_db,
            "LEERWIJZER_TRACKER_PG_USER": "postgres",
            "LEERWIJZER_TRACKER_PG_PASSWORD": "",
            "LEERWIJZER_TRACKER_DATABASE_URL": tracker_url,
            "LEERWIJZER_APP_DATABASE_URL": app_url,
            "LEERWIJZER_REDIS_HOST": "127.0.0.1",
            "LEERWIJZER_REDIS_PORT": "6379",
            "LEERWIJZER_REDIS_DB": str(redis_db),
            "LEERWIJZER_REDIS_PASSWORD": "",
        },
    )
