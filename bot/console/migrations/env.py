"""Alembic environment of the console's app data; the URL comes from bot.console.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.console.models import ConsoleBase
from bot.console.schema import VERSION_TABLE

config = context.config


def run_migrations() -> None:
    engine = engine_from_config(
        {"sqlalchemy.url": config.get_main_option("sqlalchemy.url")},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=ConsoleBase.metadata,
            version_table=VERSION_TABLE,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
