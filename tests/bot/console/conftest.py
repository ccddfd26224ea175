"""A console with its own fresh app database and two organisations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.accounts import create_account, create_organisation
from bot.console.handoff import open_handoff
from bot.console.models import Organisation
from bot.console.schema import upgrade_console
from bot.gateway.main import create_app
from catalogue.db import make_engine
from core.settings import Settings

PASSWORD = "lang-genoeg-wachtwoord-42"


@pytest.fixture(scope="session")
def database_url(sqlite_url: str) -> str:
    """The console does not touch the catalogue: one backend is enough here."""
    return sqlite_url


@pytest.fixture
def console_settings(down_settings: Settings, tmp_path: Path) -> Settings:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_console(url)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        for slug, name in [("roc-a", "ROC A"), ("loket-b", "Leerwerkloket B")]:
            create_organisation(session, slug=slug, name=name)
        create_account(
            session,
            organisation_slug="roc-a",
            email="anna@roc-a.nl",
            name="Anna",
            role="counsellor",
            password=PASSWORD,
        )
        create_account(
            session,
            organisation_slug="roc-a",
            email="ada@roc-a.nl",
            name="Ada",
            role="admin",
            password=PASSWORD,
        )
        create_account(
            session,
            organisation_slug="loket-b",
            email="bram@loket-b.nl",
            name="Bram",
            role="admin",
            password=PASSWORD,
        )
    engine.dispose()
    return down_settings.model_copy(update={"app_database_url": url})


@pytest.fixture
def console(console_settings: Settings) -> Iterator[TestClient]:
    # https: the cookies are Secure, and TestClient sends them over https only.
    with TestClient(create_app(console_settings), base_url="https://testserver") as client:
        yield client


SENDER = "web-klant-1"


@pytest.fixture
def queued(console_settings: Settings) -> str:
    """A conversation of ROC A waiting in its queue."""
    engine = make_engine(console_settings.app_database_url)
    with Session(engine) as session, session.begin():
        roc = session.scalars(select(Organisation).where(Organisation.slug == "roc-a")).one()
        handoff, _ = open_handoff(
            session, sender_id=SENDER, organisation=roc, channel="widget", reason="request_human"
        )
        ticket = handoff.ticket
    engine.dispose()
    return ticket
