"""The console's app database for actions (handoffs), created on first use."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from bot.console.db import make_app_engine
from catalogue.db import make_session_factory
from core.settings import get_settings


@lru_cache(maxsize=1)
def app_sessions() -> sessionmaker[Session]:
    # The gateway creates the tables at start-up; messages only come through it.
    return make_session_factory(make_app_engine(get_settings().app_database_url))
