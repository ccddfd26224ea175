"""Read a JSON request body whatever its Content-Type says.

`curl -d '{...}'` sends form encoding; clients that forget the header still get
an answer, and bad JSON still gets a clear 422. A size cap comes first.
"""

from __future__ import annotations

import json

from fastapi import HTTPException, Request, status
from fastapi.exceptions import RequestValidationError

# Returned for an empty body: callers decide whether that means "no facts" or an error.
NO_BODY = object()


async def read_json_body(request: Request, *, max_bytes: int) -> object:
    """The parsed body, or `NO_BODY` when it is empty or only white space."""
    body = await request.body()
    if len(body) > max_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE, f"body is larger than {max_bytes} bytes"
        )
    if not body.strip():
        return NO_BODY
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": "invalid JSON"}]
        ) from error
