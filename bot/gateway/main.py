"""Create the gateway app: ``uvicorn bot.gateway.main:create_app --factory``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bot.gateway.errors import install_error_handlers
from bot.gateway.rasa_client import RasaClient
from bot.gateway.routes import chat, courses, funding, health, pages
from bot.gateway.routes.pages import STATIC_DIR
from catalogue.db import make_engine, make_session_factory
from core.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        timeout = httpx.Timeout(settings.rasa_timeout_s, connect=settings.connect_timeout_s)
        async with httpx.AsyncClient(timeout=timeout) as http:
            app.state.settings = settings
            app.state.session_factory = make_session_factory(engine)
            app.state.rasa = RasaClient(
                http=http,
                rasa_url=settings.rasa_url,
                action_server_url=settings.action_server_url,
                health_timeout_s=settings.health_timeout_s,
            )
            yield
        engine.dispose()

    logging.basicConfig(level=logging.INFO)
    app = FastAPI(title="Leerwijzer gateway", lifespan=lifespan)
    install_error_handlers(app)
    app.include_router(chat.router)
    app.include_router(courses.router)
    app.include_router(funding.router)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
