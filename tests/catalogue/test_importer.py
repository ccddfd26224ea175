"""The offerings import, on SQLite and PostgreSQL.

The import writes, so these tests get their own catalogue per backend instead of
the session-wide one the other tests read; every test puts it back as it was.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from catalogue.build import build_catalogue
from catalogue.db import make_engine
from catalogue.import_cli import ProgressBar
from catalogue.importer import ImportReport, import_offerings
from catalogue.models import (
    Base,
    Offering,
    OfferingTopic,
    PlaceAlias,
    Provider,
    ProviderLocation,
)
from catalogue.reference import DATA_DIR
from catalogue.schemas import CourseQuery
from catalogue.search import search_courses
from catalogue.text import index_text
from tests.conftest import POSTGRES_TEST_DB, drop_postgres_database, fresh_postgres_database

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = DATA_DIR / "import_example.csv"
EXAMPLE_JSON = DATA_DIR / "import_example.json"
POSTGRES_IMPORT_DB = POSTGRES_TEST_DB + "_import"


@dataclass(frozen=True)
class Catalogue:
    url: str
    engine: Engine
    # Rows above these ids were made by a test and are removed after it.
    last_provider_id: int
    last_location_id: int


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def catalogue(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Catalogue]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('import') / 'catalogue.db'}"
    else:
        url = fresh_postgres_database(POSTGRES_IMPORT_DB)
    build_catalogue(database_url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        last_provider = session.scalars(select(func.max(Provider.id))).one() or 0
        last_location = session.scalars(select(func.max(ProviderLocation.id))).one() or 0
    yield Catalogue(url, engine, last_provider, last_location)
    engine.dispose()
    if request.param == "postgresql":
        drop_postgres_database(POSTGRES_IMPORT_DB)


@pytest.fixture
def db(catalogue: Catalogue) -> Iterator[Session]:
    session = Session(catalogue.engine)
    try:
        yield session
    finally:
        session.rollback()
        imported = select(Offering.id).where(Offering.is_sample.is_(False))
        session.execute(delete(OfferingTopic).where(OfferingTopic.offering_id.in_(imported)))
        session.execute(delete(Offering).where(Offering.is_sample.is_(False)))
        session.execute(
            delete(ProviderLocation).where(ProviderLocation.id > catalogue.last_location_id)
        )
        session.execute(delete(Provider).where(Provider.id > catalogue.last_provider_id))
        session.commit()
        session.close()


def counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.scalars(select(func.count()).select_from(table)).one()
        for table in Base.metadata.sorted_tables
    }


def imported(session: Session) -> dict[str, Offering]:
    rows = session.scalars(select(Offering).where(Offering.is_sample.is_(False)))
    return {offering.external_ref: offering for offering in rows}


def example_rows() -> list[dict[str, str]]:
    with EXAMPLE_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path


def variant(path: Path, **changes: dict[str, str]) -> Path:
    """The example CSV with some cells changed: row_1={"town": "Atlantis"}."""
    rows = example_rows()
    for key, cells in changes.items():
        rows[int(key.removeprefix("row_"))].update(cells)
    return write_csv(path, rows)


def test_example_csv_imports_with_catalogue_columns(db: Session) -> None:
    steps: list[tuple[int, int]] = []
    report = import_offerings(db, path=EXAMPLE_CSV, progress=lambda *step: steps.append(step))
    assert report.ok, report.errors
    assert (report.rows, report.created, report.updated, report.unchanged) == (4, 4, 0, 0)
    assert (report.providers_created, report.locations_created) == (0, 0)
    assert steps[-1] == (4, 4)

    offerings = imported(db)
    course = offerings["RVT-CUR-0412"]
    alias = db.get(PlaceAlias, "hengelo")
    assert alias is not None
    assert course.provider.name == "ROC van Twente"
    assert course.location.town == course.town == "Hengelo"
    assert (course.place_id, course.region_code) == (alias.place_id, alias.place.region_code)
    assert (course.province, course.lat, course.lon) == ("Overijssel", alias.lat, alias.lon)
    assert course.learning_modes == "deeltijd,avond"
    assert course.start_dates == "2027-01-11,2027-03-08"
    assert course.price_eur == 1195.0
    assert course.is_sample is False
    assert course.search_title == index_text(course.title)
    assert {topic.name for topic in course.topics} == {"warmtepomp", "installatietechniek"}

    evc = offerings["RVT-EVC-25656"]
    assert (evc.kind, evc.crebo, evc.level, evc.in_stap_register) == ("evc", "25656", 3, True)
    assert evc.admission_level is None
    # No topics in the file: derived from the title and description.
    assert {topic.name for topic in evc.topics} == {"zorg", "verzorgende ig"}
    # The crebo's level is used when the file gives none.
    assert offerings["RVT-BBL-27074-HGL"].level == 2


def test_imported_offerings_are_searchable(db: Session) -> None:
    assert import_offerings(db, path=EXAMPLE_CSV).ok
    ids = {ref: offering.id for ref, offering in imported(db).items()}

    found = search_courses(db, query=CourseQuery(q="zonnestroomsystemen"))
    assert [card.id for card in found.items] == [ids["RVT-KD-ZONNESTROOM"]]
    assert found.items[0].is_sample is False

    near = search_courses(db, query=CourseQuery(q="installateurs", place="Hengelo", radius_km=5))
    assert ids["RVT-CUR-0412"] in {card.id for card in near.items}
    card = next(card for card in near.items if card.id == ids["RVT-CUR-0412"])
    assert (card.provider, card.region, card.price_eur) == ("ROC van Twente", "Twente", 1195.0)


def test_example_json_is_the_same_as_the_csv(db: Session) -> None:
    first = import_offerings(db, path=EXAMPLE_JSON)
    assert first.ok, first.errors
    assert (first.rows, first.created) == (4, 4)
    again = import_offerings(db, path=EXAMPLE_CSV)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_reimport_changes_nothing(db: Session) -> None:
    import_offerings(db, path=EXAMPLE_CSV)
    before = counts(db)
    ids = {ref: offering.id for ref, offering in imported(db).items()}

    report = import_offerings(db, path=EXAMPLE_CSV)

    assert report.ok
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)
    assert counts(db) == before
    assert {ref: offering.id for ref, offering in imported(db).items()} == ids


def test_changed_row_is_updated_in_place_and_reindexed(db: Session, tmp_path: Path) -> None:
    import_offerings(db, path=EXAMPLE_CSV)
    old_id = imported(db)["RVT-CUR-0412"].id
    title = "Warmtepompen en hybride systemen voor installateurs"
    changed = variant(tmp_path / "changed.csv", row_0={"price_eur": "1295", "title": title})

    report = import_offerings(db, path=changed)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 3)
    db.expire_all()
    course = imported(db)["RVT-CUR-0412"]
    assert (course.id, course.price_eur, course.title) == (old_id, 1295.0, title)
    same_ref = (
        select(func.count()).select_from(Offering).where(Offering.external_ref == "RVT-CUR-0412")
    )
    assert db.scalars(same_ref).one() == 1
    found = search_courses(db, query=CourseQuery(q="hybride installateurs"))
    assert old_id in {card.id for card in found.items}


def test_new_provider_and_locations_are_created(db: Session, tmp_path: Path) -> None:
    rows = example_rows()
    for row in rows:
        row.update(provider="Opleidingscentrum Oost", provider_kind="private")
    rows[0]["provider_website"] = "https://oost.example.nl"
    rows[1]["town"] = "Almelo"
    report = import_offerings(db, path=write_csv(tmp_path / "new.csv", rows))

    assert report.ok, report.errors
    assert (report.created, report.providers_created, report.locations_created) == (4, 1, 3)
    provider = db.scalars(select(Provider).where(Provider.name == "Opleidingscentrum Oost")).one()
    assert (provider.kind, provider.website) == ("private", "https://oost.example.nl")
    assert {location.town for location in provider.locations} == {"Hengelo", "Enschede", "Almelo"}
    again = import_offerings(db, path=tmp_path / "new.csv")
    assert (again.unchanged, again.providers_created, again.locations_created) == (4, 0, 0)


BAD_ROWS: list[tuple[dict[str, dict[str, str]], int, str | None, str]] = [
    ({"row_1": {"town": "Atlantis"}}, 3, "town", "unknown place 'Atlantis'"),
    ({"row_1": {"start_dates": "2027-01-04;2027-02-30"}}, 3, "start_dates", "not a date"),
    ({"row_1": {"start_dates": "4 januari"}}, 3, "start_dates", "not a date"),
    ({"row_1": {"price_eur": "-5"}}, 3, "price_eur", "greater than or equal to 0"),
    ({"row_1": {"kind": "workshop"}}, 3, "kind", "'workshop'"),
    ({"row_1": {"crebo": "99999"}}, 3, "crebo", "unknown crebo '99999'"),
    ({"row_1": {"level": "2"}}, 3, "level", "crebo 25656 is level 3"),
    ({"row_2": {"external_ref": "RVT-CUR-0412"}}, 4, "external_ref", "duplicate of line 2"),
    ({"row_1": {"title": ""}}, 3, "title", "required"),
    ({"row_1": {"colour": "red"}}, 1, "colour", "unknown column"),
    ({"row_1": {"learning_modes": "deeltijd;fiets"}}, 3, "learning_modes", "'fiets'"),
    ({"row_1": {"topics": "zorg;astrologie"}}, 3, "topics", "unknown topic 'astrologie'"),
    ({"row_1": {"url": "www.rocvantwente.nl"}}, 3, "url", "http"),
    ({"row_1": {"in_stap_register": "misschien"}}, 3, "in_stap_register", "ja, nee"),
    ({"row_1": {"provider_kind": "private"}}, 3, "provider_kind", "registered as 'roc'"),
    ({"row_1": {"provider": "Onbekende School", "provider_kind": ""}}, 3, "provider", "unknown"),
]


@pytest.mark.parametrize(("changes", "line", "field", "reason"), BAD_ROWS)
def test_one_bad_row_rejects_the_whole_file(
    db: Session,
    tmp_path: Path,
    changes: dict[str, dict[str, str]],
    line: int,
    field: str | None,
    reason: str,
) -> None:
    before = counts(db)
    report = import_offerings(db, path=variant(tmp_path / "bad.csv", **changes))

    assert not report.ok
    assert [(error.line, error.field) for error in report.errors] == [(line, field)]
    assert reason in report.errors[0].reason
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert not db.in_transaction()
    assert counts(db) == before


def test_every_error_of_a_file_is_reported(db: Session, tmp_path: Path) -> None:
    path = variant(
        tmp_path / "bad.csv",
        row_0={"price_eur": "gratis", "sector": "zorgen"},
        row_2={"town": "Atlantis"},
        row_3={"crebo": "12345"},
    )
    errors = import_offerings(db, path=path).errors
    assert [(error.line, error.field) for error in errors] == [
        (2, "sector"),
        (2, "price_eur"),
        (4, "town"),
        (5, "crebo"),
    ]


def test_a_multiline_cell_keeps_the_physical_line_numbers(db: Session, tmp_path: Path) -> None:
    rows = example_rows()
    rows[0]["description"] = "Eerste regel.\nTweede regel."
    rows[1]["town"] = "Atlantis"
    errors = import_offerings(db, path=write_csv(tmp_path / "multi.csv", rows)).errors
    assert [(error.line, error.field) for error in errors] == [(4, "town")]


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_json_errors_name_the_item(db: Session, tmp_path: Path) -> None:
    items = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))["offerings"]
    items[1]["colour"] = "red"
    items[2]["start_dates"] = ["2027-02-01", 20270301]
    items[3] = "Airco/warmtepompmonteur"
    errors = import_offerings(db, path=write_json(tmp_path / "bad.json", items)).errors
    assert [(error.line, error.field, error.reason) for error in errors] == [
        (2, "colour", "unknown field"),
        (3, "start_dates", "20270301 is not a date (YYYY-MM-DD)"),
        (4, None, "expected an object"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", "", "the file is empty"),
        ("empty.json", "  \n", "the file is empty"),
        ("header.csv", EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()[0] + "\n", "no offer"),
        ("none.json", '{"offerings": []}', "no offerings"),
        ("broken.json", '[{"provider": "ROC van Twente",}]', "invalid JSON at line 1"),
        ("object.json", '{"rows": []}', "expected a list of offerings"),
        ("offerings.xlsx", "PK", "unsupported file type '.xlsx'"),
        ("offerings", "", "unsupported file type"),
    ],
)
def test_unreadable_files_are_rejected(
    db: Session, tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = counts(db)
    report = import_offerings(db, path=path)
    assert len(report.errors) == 1
    assert (report.errors[0].line, report.errors[0].field) == (0, None)
    assert reason in report.errors[0].reason
    assert counts(db) == before


def test_a_csv_with_byte_order_mark_and_crlf_imports(db: Session, tmp_path: Path) -> None:
    content = EXAMPLE_CSV.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    report: ImportReport = import_offerings(db, path=path)
    assert report.ok, report.errors
    assert report.created == 4


def test_progress_bar_draws_long_imports_only() -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return False

    short, long = Stream(), Stream()
    for bar, total in ((ProgressBar("import a.csv", short), 4), (ProgressBar("b", long), 600)):
        for done in range(1, total + 1):
            bar(done, total)
        bar.close()
    assert short.getvalue() == ""
    frames = long.getvalue().split("\r")
    assert frames[-1] == "b  [" + "#" * 30 + "]  600/600\n"
    assert frames[1] == "b  [" + "-" * 30 + "]  1/600"
    # One frame per percent: 0 .. 100.
    assert len(frames) == 1 + 101


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "catalogue.import_cli", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_reports_errors_with_file_and_line(
    db: Session, catalogue: Catalogue, tmp_path: Path
) -> None:
    bad = variant(tmp_path / "bad.csv", row_1={"town": "Atlantis"})
    before = counts(db)
    db.rollback()

    result = run_cli(str(EXAMPLE_CSV), str(bad), "--database-url", catalogue.url)

    assert result.returncode == 1, result.stderr
    assert f"{bad}:3: town: unknown place 'Atlantis'" in result.stderr.splitlines()
    assert "4 created" in result.stdout
    assert "nothing imported" in result.stdout
    # Each file is its own transaction: the good one is in, the bad one is not.
    after = counts(db)
    assert after["offerings"] == before["offerings"] + 4


def test_cli_imports_and_reimports(db: Session, catalogue: Catalogue) -> None:
    db.rollback()
    first = run_cli(str(EXAMPLE_JSON), "--database-url", catalogue.url)
    second = run_cli(str(EXAMPLE_JSON), "--database-url", catalogue.url)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "4 created, 0 updated, 0 unchanged" in first.stdout
    assert "0 created, 0 updated, 4 unchanged" in second.stdout
    # Four rows are too few for a bar when stderr is not a terminal.
    assert first.stderr == ""
    assert len(imported(db)) == 4


def test_spreadsheet_habits_are_handled(db: Session, tmp_path: Path) -> None:
    lines = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    # Trailing columns without a name, as spreadsheets save them.
    padded = tmp_path / "padded.csv"
    padded.write_text("\n".join(line + ",," for line in lines) + "\n", encoding="utf-8")
    assert import_offerings(db, path=padded).created == 4
    # Dutch Excel separates with semicolons: one clear error instead of twenty.
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text("provider;external_ref;title\nROC van Twente;1;X\n", encoding="utf-8")
    errors = import_offerings(db, path=semicolons).errors
    assert [(error.line, error.field) for error in errors] == [(1, None)]
    assert "separated by ';'" in errors[0].reason


def test_json_null_means_not_given(db: Session, tmp_path: Path) -> None:
    items = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))["offerings"]
    items[0].update(price_eur=None, description=None, topics=None)
    report = import_offerings(db, path=write_json(tmp_path / "nulls.json", items))
    assert report.ok, report.errors
    course = imported(db)["RVT-CUR-0412"]
    assert (course.price_eur, course.description) == (None, "")
    assert {topic.name for topic in course.topics} >= {"warmtepomp", "installatietechniek"}


def test_a_new_provider_needs_one_kind(db: Session, tmp_path: Path) -> None:
    rows = example_rows()
    for row in rows:
        row.update(provider="Opleidingscentrum Oost", provider_kind="")
    rows[1]["provider_kind"] = "private"
    rows[3]["provider_kind"] = "vakinstelling"
    errors = import_offerings(db, path=write_csv(tmp_path / "kinds.csv", rows)).errors
    assert [(error.line, error.field, error.reason) for error in errors] == [
        (5, "provider_kind", "'Opleidingscentrum Oost' is 'private' on line 3")
    ]
