"""FastAPI dependencies: settings, database sessions, the Rasa client, the turn service."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.console.delivery import Delivery
from bot.conversations.live import LiveHub
from bot.conversations.ordering import SenderLocks
from bot.conversations.turns import TurnService
from bot.gateway.rasa_client import RasaClient
from core.settings import Settings


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        yield session


async def get_rasa(request: Request) -> RasaClient:
    client: RasaClient = request.app.state.rasa
    return client


async def get_tracker_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.tracker_engine
    return engine


async def get_locks(request: Request) -> SenderLocks:
    locks: SenderLocks = request.app.state.sender_locks
    return locks


async def get_live(request: Request) -> LiveHub:
    hub: LiveHub = request.app.state.live
    return hub


async def get_turns(request: Request) -> TurnService:
    turns: TurnService = request.app.state.turns
    return turns


async def get_delivery(request: Request) -> Delivery:
    delivery: Delivery = request.app.state.delivery
    return delivery


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
RasaDep = Annotated[RasaClient, Depends(get_rasa)]
TrackerEngineDep = Annotated[Engine, Depends(get_tracker_engine)]
LocksDep = Annotated[SenderLocks, Depends(get_locks)]
LiveDep = Annotated[LiveHub, Depends(get_live)]
DeliveryDep = Annotated[Delivery, Depends(get_delivery)]
TurnsDep = Annotated[TurnService, Depends(get_turns)]
