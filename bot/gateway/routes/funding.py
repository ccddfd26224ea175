"""POST /api/funding/{scheme}/check and GET /api/funding/schemes (contracts.md section 4)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError

from bot.gateway.body import NO_BODY, read_json_body
from funding.schemas import EligibilityResult, SchemeList
from funding.service import (
    InvalidFactsError,
    UnknownSchemeError,
    check_eligibility,
    get_scheme,
    list_schemes,
)

router = APIRouter(prefix="/api/funding", tags=["funding"])

# A flat object of a dozen facts is tiny; anything much larger is not one.
MAX_BODY_BYTES = 16 * 1024


def _body_error(message: str) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("body",), "msg": message}])


async def _read_facts(request: Request) -> dict[str, object]:
    """The body as a JSON object whatever the Content-Type says; no body means no facts."""
    data = await read_json_body(request, max_bytes=MAX_BODY_BYTES)
    if data is NO_BODY:
        return {}
    if not isinstance(data, dict):
        raise _body_error('body must be a JSON object of facts, e.g. {"age": 45}')
    return data


@router.get("/schemes", response_model=SchemeList)
def schemes() -> SchemeList:
    return SchemeList(schemes=list_schemes())


@router.post(
    "/{scheme}/check",
    response_model=EligibilityResult,
    responses={404: {"description": "Unknown scheme"}, 422: {"description": "Bad facts"}},
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "Facts, all optional; GET /api/funding/schemes lists them",
                    }
                }
            },
        }
    },
)
async def check(scheme: str, request: Request) -> EligibilityResult:
    try:
        get_scheme(scheme)
    except UnknownSchemeError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    facts = await _read_facts(request)
    try:
        return check_eligibility(scheme=scheme, facts=facts)
    except InvalidFactsError as error:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in error.errors]
        raise RequestValidationError(errors) from error
