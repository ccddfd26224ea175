"""Error handlers: clear 4xx details, never the user's input echoed back."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unhandled_error)
