"""The console's schema and services on PostgreSQL, next to the catalogue's tables."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from bot.console.accounts import create_account, create_organisation, sign_in
from bot.console.erasure import erase_console_data
from bot.console.handoff import active_handoff, open_handoff, take_over
from bot.console.models import Account
from bot.console.schema import VERSION_TABLE, upgrade_console
from tests.conftest import drop_postgres_database, fresh_postgres_database

DB = "leerwijzer_console_test"


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = fresh_postgres_database(DB)
    yield url
    drop_postgres_database(DB)


def test_migrations_and_a_handoff_on_postgresql(pg_url: str) -> None:
    upgrade_console(pg_url)
    upgrade_console(pg_url)  # idempotent
    engine = create_engine(pg_url)
    with Session(engine) as session, session.begin():
        roc = create_organisation(session, slug="roc-a", name="ROC A")
        anna = create_account(
            session, organisation_slug="roc-a", email="anna@roc-a.nl", name="Anna",
            role="counsellor", password="een-goed-wachtwoord-1",
        )  # fmt: skip
        handoff, new = open_handoff(
            session, sender_id="web-pg", organisation=roc, channel="widget", reason="fallback"
        )
        assert new
        take_over(session, handoff=handoff, account=anna)
    with Session(engine) as session, session.begin():
        assert isinstance(
            sign_in(session, email="anna@roc-a.nl", password="een-goed-wachtwoord-1"), Account
        )
        found = active_handoff(session, sender_id="web-pg")
        assert found is not None
        assert found.status == "assigned"
        assert erase_console_data(session, sender_id="web-pg") == 1
    with engine.connect() as connection:
        version = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        assert version == "c0004"
        assert connection.execute(select(Account.email)).scalars().all() == ["anna@roc-a.nl"]
    engine.dispose()
