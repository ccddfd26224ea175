"""Reads that survive PostgreSQL cutting their connection (catalogue/db.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from catalogue.db import make_reader_engine, read_once_more_on_a_cut
from scripts.pg_cut import cut_connections
from scripts.production import POSTGRES_ADMIN_URL


def _select_one(connection: Connection) -> int:
    return int(connection.execute(text("SELECT 1")).scalar_one())


@pytest.mark.parametrize("make", [create_engine, make_reader_engine])
def test_a_read_whose_connection_was_cut_runs_once_more(
    postgres_url: str, make: Callable[[str], Engine]
) -> None:
    # No ping at checkout: the cut lands as it would between a ping and the statement.
    engine = make(postgres_url)
    assert read_once_more_on_a_cut(engine, _select_one) == 1  # a pooled connection now
    assert cut_connections(POSTGRES_ADMIN_URL, [engine.url.database or ""]) >= 1
    assert read_once_more_on_a_cut(engine, _select_one) == 1
    # Without the second try the same cut reaches the caller.
    assert cut_connections(POSTGRES_ADMIN_URL, [engine.url.database or ""]) >= 1
    with pytest.raises(OperationalError), engine.connect() as connection:
        _select_one(connection)
    engine.dispose()


def test_the_reader_engine_runs_each_statement_on_its_own(postgres_url: str) -> None:
    # In a transaction now() stays at its start; each statement on its own has its own.
    engine = make_reader_engine(postgres_url)

    def two_clock_readings(connection: Connection) -> tuple[object, object]:
        first = connection.execute(text("SELECT now()")).scalar_one()
        connection.execute(text("SELECT pg_sleep(0.01)"))
        return first, connection.execute(text("SELECT now()")).scalar_one()

    first, second = read_once_more_on_a_cut(engine, two_clock_readings)
    assert first != second
    engine.dispose()


def test_other_database_errors_are_not_run_again(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    calls: list[int] = []

    def broken(connection: Connection) -> int:
        calls.append(1)
        return int(connection.execute(text("SELECT * FROM no_such_table")).scalar_one())

    with pytest.raises(Exception, match="no_such_table"):
        read_once_more_on_a_cut(engine, broken)
    assert len(calls) == 1
    engine.dispose()
