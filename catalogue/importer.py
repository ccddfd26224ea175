"""Import a provider's own offerings from CSV or JSON (format: docs/import-format.md).

    python -m catalogue.import_cli FILE [FILE ...] [--database-url URL]

Every row is checked, against the format and against the catalogue, before
anything is written, and a file is written in one transaction: a file with any
error changes nothing. Offerings are keyed by (provider, external_ref), so
importing the same file again changes nothing either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from catalogue.import_format import OfferingRow, RowError, parse_file
from catalogue.indexing import OfferingFacts, add_vocabulary, offering_values, vocabulary_of
from catalogue.models import Offering, PlaceAlias, Provider, ProviderLocation, Qualification, Topic
from catalogue.places import normalise_place_name
from catalogue.topics import load_course_data, topics_in

Progress = Callable[[int, int], None]
Rows = list[tuple[int, OfferingRow]]
# Bound parameters per IN list, and rows per flush so that progress is real.
_CHUNK = 500
_FLUSH_EVERY = 200


@dataclass
class ImportReport:
    file: Path
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    providers_created: int = 0
    locations_created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Known:
    """What the rows refer to, loaded once per file."""

    providers: dict[str, Provider]  # by casefolded name
    aliases: dict[str, PlaceAlias]  # by normalised place name
    qualifications: dict[str, Qualification]
    topics: dict[str, Topic]
    locations: dict[tuple[int, str], ProviderLocation]  # by (provider id, normalised town)


def import_offerings(
    session: Session, *, path: Path, progress: Progress | None = None
) -> ImportReport:
    """Check the whole file, then upsert it: commits on success, writes nothing on any error."""
    parsed = parse_file(path)
    report = ImportReport(file=path, rows=parsed.count, errors=list(parsed.errors))
    try:
        known = _load(session, [row for _, row in parsed.rows])
        report.errors += _check(parsed.rows, known, parsed.unit)
        report.errors.sort(key=lambda error: error.line)
        if report.errors:
            session.rollback()
            return report
        _write(session, parsed.rows, known, report, progress)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return report


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _load(session: Session, rows: list[OfferingRow]) -> _Known:
    aliases: dict[str, PlaceAlias] = {}
    for names in _chunks(normalise_place_name(row.town) for row in rows):
        found = select(PlaceAlias).where(PlaceAlias.alias.in_(names))
        aliases.update(
            {a.alias: a for a in session.scalars(found.options(joinedload(PlaceAlias.place)))}
        )
    qualifications: dict[str, Qualification] = {}
    for crebos in _chunks(row.crebo for row in rows if row.crebo):
        found_q = (
            select(Qualification)
            .where(Qualification.crebo.in_(crebos))
            .options(selectinload(Qualification.sectors))
        )
        qualifications.update({q.crebo: q for q in session.scalars(found_q)})
    providers = {p.name.casefold(): p for p in session.scalars(select(Provider))}
    named = {row.provider.casefold() for row in rows}
    ids = [provider.id for key, provider in providers.items() if key in named]
    where = ProviderLocation.provider_id.in_(ids)
    return _Known(
        providers=providers,
        aliases=aliases,
        qualifications=qualifications,
        topics={topic.name: topic for topic in session.scalars(select(Topic))},
        locations={
            (location.provider_id, normalise_place_name(location.town)): location
            for location in session.scalars(select(ProviderLocation).where(where))
        },
    )


def _check(rows: Rows, known: _Known, unit: str) -> list[RowError]:
    errors: list[RowError] = []
    new_kinds: dict[str, tuple[str, int]] = {}
    for line, row in rows:
        key = row.provider.casefold()
        existing = known.providers.get(key)
        if existing is not None and row.provider_kind not in (None, existing.kind):
            reason = f"{existing.name!r} is registered as {existing.kind!r}"
            errors.append(RowError(line, "provider_kind", reason))
        elif existing is None and row.provider_kind is not None:
            kind, first = new_kinds.setdefault(key, (row.provider_kind, line))
            if kind != row.provider_kind:
                reason = f"{row.provider!r} is {kind!r} on {unit} {first}"
                errors.append(RowError(line, "provider_kind", reason))
    for line, row in rows:
        key = row.provider.casefold()
        if key not in known.providers and key not in new_kinds:
            reason = f"unknown provider {row.provider!r}; give provider_kind to add it"
            errors.append(RowError(line, "provider", reason))
        if normalise_place_name(row.town) not in known.aliases:
            errors.append(RowError(line, "town", f"unknown place {row.town!r}"))
        qualification = known.qualifications.get(row.crebo or "")
        if row.crebo and qualification is None:
            errors.append(RowError(line, "crebo", f"unknown crebo {row.crebo!r}"))
        elif qualification and row.level not in (None, qualification.level):
            reason = f"crebo {row.crebo} is level {qualification.level}, not {row.level}"
            errors.append(RowError(line, "level", reason))
        errors += [
            RowError(line, "topics", f"unknown topic {topic!r}")
            for topic in row.topics
            if topic not in known.topics
        ]
    return errors


def _write(
    session: Session, rows: Rows, known: _Known, report: ImportReport, progress: Progress | None
) -> None:
    providers, locations = _providers_and_locations(session, rows, known, report)
    existing = _existing(session, rows, providers)
    course_topics = load_course_data().topics
    written: list[dict[str, object]] = []
    for done, (_line, row) in enumerate(rows, start=1):
        provider = providers[row.provider.casefold()]
        location = locations[(provider.id, normalise_place_name(row.town))]
        # Without topics the row is still found by topic, as the sample catalogue is.
        names = row.topics or topics_in(f"{row.title} {row.description}", course_topics)
        topics = [known.topics[name] for name in names if name in known.topics]
        values = _values(row, provider, location, known, topics)
        written.append(values)
        offering = existing.get((provider.id, row.external_ref))
        if offering is None:
            session.add(Offering(**values, topics=topics))
            report.created += 1
        elif _same(offering, values, topics):
            report.unchanged += 1
        else:
            for column, value in values.items():
                setattr(offering, column, value)
            offering.topics = topics
            report.updated += 1
        if done % _FLUSH_EVERY == 0:
            session.flush()
        if progress is not None:
            progress(done, len(rows))
    session.flush()
    add_vocabulary(session, vocabulary_of(written))


def _providers_and_locations(
    session: Session, rows: Rows, known: _Known, report: ImportReport
) -> tuple[dict[str, Provider], dict[tuple[int, str], ProviderLocation]]:
    """Create what the rows name and the catalogue lacks; existing ones are left as they are."""
    providers = dict(known.providers)
    for _line, row in rows:
        key = row.provider.casefold()
        if key not in providers and row.provider_kind is not None:
            providers[key] = Provider(name=row.provider, kind=row.provider_kind)
            session.add(providers[key])
            report.providers_created += 1
        if key not in known.providers and key in providers and not providers[key].website:
            providers[key].website = row.provider_website
    session.flush()
    locations = dict(known.locations)
    for _line, row in rows:
        provider = providers[row.provider.casefold()]
        town = normalise_place_name(row.town)
        if (provider.id, town) not in locations:
            alias = known.aliases[town]
            location = ProviderLocation(
                provider_id=provider.id,
                town=row.town,
                place_id=alias.place_id,
                lat=alias.lat,
                lon=alias.lon,
            )
            locations[(provider.id, town)] = location
            session.add(location)
            report.locations_created += 1
    session.flush()
    return providers, locations


def _existing(
    session: Session, rows: Rows, providers: dict[str, Provider]
) -> dict[tuple[int, str], Offering]:
    refs: dict[int, set[str]] = {}
    for _line, row in rows:
        refs.setdefault(providers[row.provider.casefold()].id, set()).add(row.external_ref)
    found: dict[tuple[int, str], Offering] = {}
    for provider_id, wanted in refs.items():
        for chunk in _chunks(wanted):
            statement = (
                select(Offering)
                .where(Offering.provider_id == provider_id, Offering.external_ref.in_(chunk))
                .options(selectinload(Offering.topics))
            )
            found.update({(o.provider_id, o.external_ref): o for o in session.scalars(statement)})
    return found


def _same(offering: Offering, values: dict[str, object], topics: list[Topic]) -> bool:
    if {topic.id for topic in offering.topics} != {topic.id for topic in topics}:
        return False
    return all(getattr(offering, column) == value for column, value in values.items())


def _values(
    row: OfferingRow,
    provider: Provider,
    location: ProviderLocation,
    known: _Known,
    topics: list[Topic],
) -> dict[str, object]:
    """The same columns as catalogue.build writes for a sample offering."""
    place = known.aliases[normalise_place_name(row.town)].place
    qualification = known.qualifications.get(row.crebo) if row.crebo else None
    level = qualification.level if qualification and row.level is None else row.level
    # Sorted: the relationship's load order is not guaranteed, and a re-import must match.
    sectors = sorted(sector.sector for sector in qualification.sectors) if qualification else []
    facts = OfferingFacts(
        external_ref=row.external_ref,
        title=row.title,
        description=row.description,
        kind=row.kind,
        crebo=row.crebo,
        level=level,
        sector=row.sector,
        extra_sectors=tuple(sectors),
        learning_modes=tuple(row.learning_modes),
        duration_weeks=row.duration_weeks,
        hours_per_week=row.hours_per_week,
        price_eur=row.price_eur,
        start_dates=tuple(row.start_dates),
        admission_level=row.admission_level,
        in_stap_register=row.in_stap_register,
        url=row.url,
        is_sample=False,
        topics=tuple(topic.name for topic in topics),
        dossier=qualification.dossier_name if qualification else "",
    )
    return offering_values(facts, provider=provider, location=location, place=place)
