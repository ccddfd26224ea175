"""Create the gateway app: ``uvicorn bot.gateway.main:create_app --factory``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from bot.console import routes as console_routes
from bot.console import routes_assist as console_assist_routes
from bot.console import routes_handoff as console_handoff_routes
from bot.console.db import make_app_engine
from bot.console.delivery import Delivery
from bot.console.schema import upgrade_console
from bot.console.throttle import LoginThrottle
from bot.conversations.live import LiveHub
from bot.conversations.ordering import SenderLocks
from bot.conversations.turns import make_turn_service
from bot.gateway.errors import install_error_handlers
from bot.gateway.log_privacy import install_access_log_privacy
from bot.gateway.rasa_client import RasaClient, make_http_session
from bot.gateway.routes import chat, conversations, courses, funding, health, pages
from bot.telegram.webhook import TelegramWebhook
from catalogue.db import make_engine, make_session_factory
from core.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    webhook = (
        TelegramWebhook(settings=settings)
        if settings.telegram_token is not None and settings.telegram_mode == "webhook"
        else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        tracker_engine = make_engine(settings.tracker_database_url)
        # The embedded default makes its own tables; production runs the same migration.
        await asyncio.to_thread(upgrade_console, settings.app_database_url)
        console_engine = make_app_engine(settings.app_database_url)
        handoff_reader = make_app_engine(settings.app_database_url, reader=True)
        async with make_http_session(
            timeout_s=settings.rasa_timeout_s, connect_timeout_s=settings.connect_timeout_s
        ) as http:
            app.state.settings = settings
            app.state.session_factory = make_session_factory(engine)
            app.state.tracker_engine = tracker_engine
            app.state.sender_locks = SenderLocks()
            app.state.console_engine = console_engine
            app.state.handoff_reader = handoff_reader
            app.state.console_sessions = make_session_factory(console_engine)
            app.state.login_throttle = LoginThrottle()
            app.state.live = LiveHub()
            app.state.delivery = Delivery(live=app.state.live, settings=settings)
            app.state.rasa = RasaClient(
                http=http,
                rasa_urls=settings.rasa_instances,
                action_server_url=settings.action_server_url,
                health_timeout_s=settings.health_timeout_s,
                turns_in_flight=settings.rasa_turns_in_flight,
                slot_timeout_s=settings.rasa_timeout_s,
                slot_lease_s=settings.rasa_slot_lease_s,
            )
            # Every door's turns (chat, console, phone); reads the domain's intents now.
            app.state.turns = make_turn_service(
                rasa=app.state.rasa,
                locks=app.state.sender_locks,
                live=app.state.live,
                settings=settings,
                tracker_engine=tracker_engine,
                app_sessions=app.state.console_sessions,
                handoff_reader=handoff_reader,
            )
            if webhook is not None:
                await webhook.start()
            try:
                yield
            finally:
                if webhook is not None:
                    await webhook.stop()
                await app.state.delivery.close()
        handoff_reader.dispose()
        console_engine.dispose()
        tracker_engine.dispose()
        engine.dispose()

    logging.basicConfig(level=logging.INFO)
    # httpx logs every call (Telegram delivery) at INFO, with ids in the URL:
    # lines that say nothing an operator needs and put pseudonymous ids in the log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    install_access_log_privacy()
    app = FastAPI(title="Leerwijzer gateway", lifespan=lifespan)
    install_error_handlers(app)
    # Host pages of other sites may embed the widget: only the origins configured.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.allowed_origins,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    app.include_router(chat.router)
    app.include_router(conversations.router)
    app.include_router(courses.router)
    app.include_router(funding.router)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(console_routes.router)
    app.include_router(console_handoff_routes.router)
    app.include_router(console_assist_routes.router)
    if webhook is not None:
        app.include_router(webhook.router)
    return app
