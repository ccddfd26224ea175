"""GET /healthz: each dependency's state; 503 when one is down."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.gateway.deps import RasaDep, SessionDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz(session: SessionDep, rasa: RasaDep) -> JSONResponse:
    try:
        session.execute(text("SELECT count(*) FROM offerings")).scalar_one()
        database_ok = True
    except SQLAlchemyError:
        database_ok = False
    dependencies = {
        "database": database_ok,
        "rasa": await rasa.rasa_alive(),
        "action_server": await rasa.action_server_alive(),
    }
    healthy = all(dependencies.values())
    return JSONResponse(
        status_code=200 if healthy else 503,
        content={
            "status": "ok" if healthy else "degraded",
            "dependencies": {
                name: "ok" if ok else "unavailable" for name, ok in dependencies.items()
            },
        },
    )
