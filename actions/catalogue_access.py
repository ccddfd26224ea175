"""Database access for actions, created on first use in the action server process."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from catalogue.db import make_engine, make_session_factory
from core.settings import get_settings


@lru_cache(maxsize=1)
def catalogue_sessions() -> sessionmaker[Session]:
    return make_session_factory(make_engine(get_settings().database_url))
