"""Command line for the import: progress bar, per-file transaction, exit status.

python -m catalogue.import_cli FILE [FILE ...] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from catalogue.db import make_engine
from catalogue.import_format import RowError
from catalogue.importer import ImportReport, import_offerings
from core.settings import get_settings


class ProgressBar:
    """`import offerings.csv  [#####-----]  1200/3000` on one line, redrawn in place."""

    WIDTH = 30
    MIN_ROWS = 500

    def __init__(self, label: str, stream: TextIO) -> None:
        self._label = label
        self._stream = stream
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        # A log file gets a bar only when the import is long enough to need one.
        if total <= 0 or not (self._stream.isatty() or total > self.MIN_ROWS):
            return
        percent = done * 100 // total
        if percent == self._shown:
            return
        self._shown = percent
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._stream.write(f"\r{self._label}  [{bar}]  {done}/{total}")
        self._stream.flush()

    def close(self) -> None:
        if self._shown >= 0:
            self._stream.write("\n")
            self._stream.flush()


def format_error(path: Path | str, error: RowError) -> str:
    where = f"{path}:{error.line}:" if error.line else f"{path}:"
    return f"{where} {error.field}: {error.reason}" if error.field else f"{where} {error.reason}"


def summary(report: ImportReport, name: str) -> str:
    if not report.ok:
        return f"{name}: {len(report.errors)} error(s) in {report.rows} row(s); nothing imported"
    text = (
        f"{name}: {report.rows} row(s): {report.created} created, "
        f"{report.updated} updated, {report.unchanged} unchanged"
    )
    if report.providers_created or report.locations_created:
        text += (
            f" ({report.providers_created} provider(s), "
            f"{report.locations_created} location(s) added)"
        )
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m catalogue.import_cli",
        description="Import a provider's offerings (see docs/import-format.md).",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    database_url: str = args.database_url or get_settings().database_url
    url = make_url(database_url)
    # SQLite would silently create an empty database file and then fail on every table.
    if url.get_backend_name() == "sqlite" and not Path(str(url.database or "")).is_file():
        print(f"no catalogue at {url.database}; build it first", file=sys.stderr)
        return 2
    engine = make_engine(database_url)
    failed = False
    try:
        for path in args.files:
            bar = ProgressBar(f"import {path.name}", sys.stderr)
            try:
                with Session(engine) as session:
                    report = import_offerings(session, path=path, progress=bar)
            except SQLAlchemyError as db_error:
                # A schema from another version, a lost connection: say so, no traceback.
                bar.close()
                reason = getattr(db_error, "orig", None) or db_error.__class__.__name__
                print(f"{path}: database error, nothing imported: {reason}", file=sys.stderr)
                failed = True
                continue
            bar.close()
            print(summary(report, str(path)), flush=True)
            for error in report.errors:
                print(format_error(path, error), file=sys.stderr)
            failed = failed or not report.ok
    finally:
        engine.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
