"""Read and validate a provider's offerings file (CSV or JSON); see docs/import-format.md.

Only the checks that need no database live here; catalogue.importer adds the
database checks and does the writing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from catalogue.schemas import LEARNING_MODES, CourseKind
from catalogue.sectors import CANONICAL_SECTORS

ProviderKind = Literal["roc", "aoc", "vakinstelling", "private", "bedrijfsschool"]
SUFFIXES = (".csv", ".json")
# offerings.start_dates is String(200): 18 comma-separated ISO dates fit.
MAX_START_DATES = 18
_TRUE = frozenset({"true", "ja", "1"})
_FALSE = frozenset({"false", "nee", "0", ""})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class RowError:
    """line: CSV physical line (header = 1) or JSON item (first = 1); 0 = the whole file."""

    line: int
    field: str | None
    reason: str


def _split(value: object) -> object:
    """CSV cells hold lists as "a;b"; JSON may use either form."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


class OfferingRow(BaseModel):
    """One offering as a provider delivers it; the field names are the file's columns."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, allow_inf_nan=False, frozen=True
    )

    provider: str = Field(min_length=1, max_length=200)
    provider_kind: ProviderKind | None = None
    provider_website: str | None = Field(default=None, max_length=300)
    external_ref: str = Field(min_length=1, max_length=100)
    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    kind: CourseKind
    crebo: str | None = Field(default=None, max_length=10)
    level: int | None = Field(default=None, ge=1, le=4)
    sector: str
    town: str = Field(min_length=1, max_length=100)
    learning_modes: list[str] = Field(min_length=1)
    duration_weeks: int | None = Field(default=None, gt=0)
    hours_per_week: float | None = Field(default=None, gt=0)
    price_eur: float | None = Field(default=None, ge=0)
    start_dates: list[dt.date] = Field(default_factory=list, max_length=MAX_START_DATES)
    admission_level: int | None = Field(default=None, ge=1, le=4)
    in_stap_register: bool = False
    url: str | None = Field(default=None, max_length=300)
    topics: list[str] = Field(default_factory=list)

    @field_validator("provider_kind", "kind", "sector", mode="before")
    @classmethod
    def _case_insensitive(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("learning_modes", "topics", mode="before")
    @classmethod
    def _listed(cls, value: object) -> object:
        return _split(value)

    @field_validator("url", "provider_website")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("learning_modes", "topics")
    @classmethod
    def _distinct(cls, values: list[str]) -> list[str]:
        return list(dict.fromkeys(value.lower() for value in values))

    @field_validator("learning_modes")
    @classmethod
    def _known_modes(cls, modes: list[str]) -> list[str]:
        unknown = [mode for mode in modes if mode not in LEARNING_MODES]
        if unknown:
            raise ValueError(f"unknown mode {unknown[0]!r}; use {', '.join(LEARNING_MODES)}")
        return modes

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, sector: str) -> str:
        if sector not in CANONICAL_SECTORS:
            raise ValueError(
                f"unknown sector {sector!r}; use one of {', '.join(CANONICAL_SECTORS)}"
            )
        return sector

    @field_validator("start_dates", mode="before")
    @classmethod
    def _iso_dates(cls, value: object) -> object:
        # pydantic would also take timestamps and datetimes; a provider means a day.
        items = _split(value)
        if not isinstance(items, list):
            return items
        days: set[dt.date] = set()
        for item in items:
            if isinstance(item, dt.date):
                days.add(item)
                continue
            text = item.strip() if isinstance(item, str) else ""
            try:
                if not _ISO_DATE.fullmatch(text):
                    raise ValueError(text)
                days.add(dt.date.fromisoformat(text))
            except ValueError:
                raise ValueError(f"{item!r} is not a date (YYYY-MM-DD)") from None
        return sorted(days)

    @field_validator("in_stap_register", mode="before")
    @classmethod
    def _dutch_bool(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        word = value.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise ValueError(f"{value!r} is not one of true, false, ja, nee, 1, 0")


REQUIRED_FIELDS = tuple(
    name for name, info in OfferingRow.model_fields.items() if info.is_required()
)


@dataclass(frozen=True)
class ParsedFile:
    """Rows that passed validation, with the line or item they came from."""

    rows: list[tuple[int, OfferingRow]]
    # Data rows in the file, valid or not.
    count: int
    errors: list[RowError]
    # What a position is called in messages: "line" (CSV) or "item" (JSON).
    unit: str


def parse_file(path: Path) -> ParsedFile:
    suffix = path.suffix.lower()
    unit = "item" if suffix == ".json" else "line"
    if suffix not in SUFFIXES:
        reason = f"unsupported file type {path.suffix or '(none)'!r}; use .csv or .json"
        return ParsedFile([], 0, [RowError(0, None, reason)], unit)
    try:
        data = path.read_bytes()
    except OSError as error:
        return ParsedFile([], 0, [RowError(0, None, f"cannot read: {error.strerror}")], unit)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1 if suffix == ".csv" else 0
        return ParsedFile([], 0, [RowError(line, None, "not UTF-8; save as UTF-8")], unit)
    if not text.strip():
        return ParsedFile([], 0, [RowError(0, None, "the file is empty")], unit)
    raw, errors = _read_json(text) if suffix == ".json" else _read_csv(text)
    if not raw and not errors:
        errors = [RowError(0, None, "the file has no offerings")]
    rows = []
    for line, values in raw:
        if isinstance(values, RowError):
            errors.append(values)
            continue
        try:
            rows.append((line, OfferingRow.model_validate(values)))
        except ValidationError as error:
            errors += [_row_error(line, detail) for detail in error.errors()]
    errors += _duplicates(raw, unit)
    return ParsedFile(rows, len(raw), sorted(errors, key=lambda e: e.line), unit)


Raw = list[tuple[int, dict[str, Any] | RowError]]


def _read_csv(text: str) -> tuple[Raw, list[RowError]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    raw: Raw = []
    header: list[str] | None = None
    try:
        while True:
            line = reader.line_num + 1
            record = next(reader, None)
            if record is None:
                break
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in record]
                header_errors = _check_header(header, line)
                if header_errors:
                    return [], header_errors
            elif len(record) != len(header):
                cells = f"{len(record)} cells, the header has {len(header)}"
                raw.append((line, RowError(line, None, cells)))
            else:
                values = {k: v for k, v in zip(header, record, strict=True) if v.strip()}
                if "" in values:
                    raw.append((line, RowError(line, None, "a value under a column without name")))
                else:
                    raw.append((line, values))
    except csv.Error as error:
        return raw, [RowError(reader.line_num, None, f"malformed CSV: {error}")]
    return raw, []


def _check_header(header: list[str], line: int) -> list[RowError]:
    if len(header) == 1 and ";" in header[0]:
        return [RowError(line, None, "columns are separated by ';'; use ',' (CSV UTF-8)")]
    errors = [
        RowError(line, column, "duplicate column")
        for index, column in enumerate(header)
        if column and column in header[:index]
    ]
    errors += [
        RowError(line, column, "unknown column")
        for column in header
        # Spreadsheets add empty columns at the end; they are harmless.
        if column and column not in OfferingRow.model_fields
    ]
    errors += [
        RowError(line, column, "required column is missing")
        for column in REQUIRED_FIELDS
        if column not in header
    ]
    return errors


def _read_json(text: str) -> tuple[Raw, list[RowError]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        return [], [RowError(0, None, f"invalid JSON at {where}: {error.msg}")]
    if isinstance(document, dict) and set(document) == {"offerings"}:
        document = document["offerings"]
    if not isinstance(document, list):
        return [], [RowError(0, None, 'expected a list of offerings or {"offerings": [...]}')]
    raw: Raw = []
    for item, value in enumerate(document, start=1):
        if isinstance(value, dict):
            # null means "not given", as an empty CSV cell does.
            raw.append((item, {k: v for k, v in value.items() if v is not None}))
        else:
            raw.append((item, RowError(item, None, "expected an object")))
    return raw, []


def _row_error(line: int, detail: Any) -> RowError:
    field = str(detail["loc"][0]) if detail["loc"] else None
    if detail["type"] == "missing":
        return RowError(line, field, "required")
    if detail["type"] == "extra_forbidden":
        return RowError(line, field, "unknown field")
    reason = str(detail["msg"]).removeprefix("Value error, ")
    given = detail.get("input")
    if detail["type"] != "value_error" and isinstance(given, str | int | float):
        reason += f" (got {given!r})"
    return RowError(line, field, reason)


def _duplicates(raw: Raw, unit: str) -> list[RowError]:
    """Checked on the raw values, so that a row with other errors is compared too."""
    first: dict[tuple[str, str], int] = {}
    errors = []
    for line, values in raw:
        if isinstance(values, RowError):
            continue
        provider, ref = values.get("provider"), values.get("external_ref")
        if not isinstance(provider, str) or not isinstance(ref, str):
            continue
        key = (provider.strip().casefold(), ref.strip())
        if key in first:
            reason = f"duplicate of {unit} {first[key]} for provider {provider.strip()!r}"
            errors.append(RowError(line, "external_ref", reason))
        else:
            first[key] = line
    return errors
