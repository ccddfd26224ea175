"""Error handlers: clear 4xx details, never the user's input echoed back."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError

logger = logging.getLogger(__name__)


async def validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    detail = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ())]
        message = str(item.get("msg", "invalid"))
        if item.get("type") == "json_invalid":
            message = "Request body is not valid JSON"
        elif item.get("type") == "extra_forbidden":
            message = "Unknown field"
        detail.append({"loc": location, "msg": message, "type": item.get("type")})
    return JSONResponse(status_code=422, content={"detail": detail})


async def unhandled_error(request: Request, error: Exception) -> JSONResponse:
    # Logged without the request body: it may hold personal data.
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse(
        status_code=500,
        content={"detail": "Er ging iets mis aan onze kant. Probeer het later opnieuw."},
    )


DATABASE_DOWN_DETAIL = "Sorry, dit lukt nu even niet. Probeer het over een minuut opnieuw."
# Long enough for a PostgreSQL restart or fail-over; clients may try again then.
DATABASE_RETRY_AFTER_S = 30
SQLITE_TRANSIENT = ("database is locked", "unable to open database file")


def _transient(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    if not isinstance(error, OperationalError):
        return False
    if type(error.orig).__module__ == "sqlite3":
        # SQLite calls a missing table an OperationalError too; only these pass.
        return any(sign in str(error.orig) for sign in SQLITE_TRANSIENT)
    return True


async def database_error(request: Request, error: Exception) -> JSONResponse:
    """A database that cannot be reached now is a retryable 503; another database error is a bug."""
    assert isinstance(error, DBAPIError)
    if not _transient(error):
        return await unhandled_error(request, error)
    # The driver's exception class only: the statement's parameters may hold personal data.
    logger.warning(
        "database unavailable on %s %s: %s",
        request.method,
        request.url.path,
        type(error.orig).__name__,
    )
    return JSONResponse(
        status_code=503,
        content={"detail": DATABASE_DOWN_DETAIL},
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_S)},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(DBAPIError, database_error)
    app.add_exception_handler(Exception, unhandled_error)
