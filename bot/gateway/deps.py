"""FastAPI dependencies: settings, database sessions, the Rasa client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from bot.gateway.rasa_client import RasaClient
from core.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        yield session


def get_rasa(request: Request) -> RasaClient:
    client: RasaClient = request.app.state.rasa
    return client


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
RasaDep = Annotated[RasaClient, Depends(get_rasa)]
