"""Create or upgrade the console's schema with Alembic (its own version table)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The console may share a PostgreSQL database with the catalogue: separate histories.
VERSION_TABLE = "console_alembic_version"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would choke on "%" in passwords.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_console(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")
