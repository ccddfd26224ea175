"""End every connection to some PostgreSQL databases, as a restart or failover would.

Used by tests in both runtimes, so it needs nothing but SQLAlchemy (1.4 or 2).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import create_engine, text


def cut_connections(admin_url: str, databases: Sequence[str]) -> int:
    """How many connections were ended (the admin's own is spared)."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            cut = connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE datname = ANY(:names) AND pid <> pg_backend_pid()"
                ),
                {"names": list(databases)},
            ).scalar()
    finally:
        admin.dispose()
    return int(cut or 0)
