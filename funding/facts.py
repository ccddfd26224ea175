"""Facts in, validated: a pydantic model generated from each scheme's fact list.

Unknown facts, wrong types (``"45"`` for an age, ``"ja"`` for a yes/no),
impossible dates and negative numbers are errors; ``null`` means "not known".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from funding.conditions import AGE_FACT, BIRTH_DATE_FACT
from funding.dates import full_years
from funding.rules import APPLICATION_DATE, FactSpec, Scheme

# Wide enough for any "what if", narrow enough that date arithmetic cannot overflow.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InvalidFactsError(ValueError):
    """Facts that do not fit the scheme; ``errors`` is pydantic's list (loc, msg, type)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors))


def _iso_date(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date (YYYY-MM-DD) without a time")
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"not an existing date ({error})") from None
    else:
        # Not pydantic's lax date: that would read 0 as 1970-01-01.
        raise ValueError("must be a date written as YYYY-MM-DD")
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValueError(f"must be between {DATE_MIN} and {DATE_MAX}")
    return day


FactDate = Annotated[dt.date | None, BeforeValidator(_iso_date)]


def _annotation(spec: FactSpec) -> Any:
    low, high = spec.minimum, spec.maximum
    if spec.type == "date":
        return FactDate
    if spec.type == "integer":
        return Annotated[int, Field(strict=True, ge=low, le=high)] | None
    if spec.type == "number":
        return Annotated[float, Field(strict=True, allow_inf_nan=False, ge=low, le=high)] | None
    if spec.type == "boolean":
        return Annotated[bool, Field(strict=True)] | None
    assert spec.values
    return Literal[tuple(spec.values)] | None


# Schemes are loaded once and cached, so one model per scheme object is enough;
# the scheme is kept in the value so its id() cannot be reused.
_MODELS: dict[int, tuple[Scheme, type[BaseModel]]] = {}


def facts_model(scheme: Scheme) -> type[BaseModel]:
    """The request model of a scheme: every fact optional, nothing else allowed."""
    cached = _MODELS.get(id(scheme))
    if cached is not None:
        return cached[1]
    fields: dict[str, Any] = {
        name: (_annotation(spec), Field(default=None, description=spec.description))
        for name, spec in scheme.facts.items()
    }
    model: type[BaseModel] = create_model(
        f"{scheme.id.title().replace('_', '')}Facts",
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )
    _MODELS[id(scheme)] = (scheme, model)
    return model


def _consistency_errors(facts: Mapping[str, object]) -> list[dict[str, Any]]:
    day = facts[APPLICATION_DATE]
    birth_date = facts.get(BIRTH_DATE_FACT)
    if not isinstance(day, dt.date) or not isinstance(birth_date, dt.date):
        return []
    if birth_date > day:
        msg = f"{BIRTH_DATE_FACT} is after {APPLICATION_DATE}"
        return [{"loc": (BIRTH_DATE_FACT,), "msg": msg, "type": "value_error"}]
    age = facts.get(AGE_FACT)
    if isinstance(age, int) and age != full_years(birth_date, day):
        msg = f"{AGE_FACT} does not match {BIRTH_DATE_FACT} on {APPLICATION_DATE}"
        return [{"loc": (AGE_FACT,), "msg": msg, "type": "value_error"}]
    return []


def validate_facts(
    scheme: Scheme, raw: Mapping[str, object], *, today: dt.date
) -> dict[str, object]:
    """The known facts, typed, with ``application_date`` defaulted to ``today``.

    Raises InvalidFactsError; its errors never carry the input values.
    """
    try:
        parsed = facts_model(scheme).model_validate(dict(raw))
    except ValidationError as error:
        details = error.errors(include_url=False, include_context=False, include_input=False)
        raise InvalidFactsError([dict(e) for e in details]) from error
    facts = {name: value for name, value in parsed.model_dump().items() if value is not None}
    facts.setdefault(APPLICATION_DATE, today)
    errors = _consistency_errors(facts)
    if errors:
        raise InvalidFactsError(errors)
    return facts
