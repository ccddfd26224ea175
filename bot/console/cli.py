"""Console administration: `python -m bot.console.cli --help`.

Accounts are made here only; there is no default account and no default
password. The password is typed twice at a prompt, or read from standard
input with --password-stdin (for scripts), never from the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys

from sqlalchemy.orm import Session

from bot.console.accounts import AccountError, create_account, create_organisation
from bot.console.clock import utc_now
from bot.console.db import make_app_engine
from bot.console.models import ROLES
from bot.console.passwords import WeakPasswordError
from bot.console.schema import upgrade_console
from bot.conversations.retention import purge
from catalogue.db import make_engine, make_session_factory
from core.settings import get_settings


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise AccountError("the passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.console.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="create or upgrade the console's tables")
    purge_cmd = commands.add_parser(
        "purge", help="erase conversations idle for longer than the retention period"
    )
    purge_cmd.add_argument(
        "--days", type=int, default=None, help="default: LEERWIJZER_RETENTION_DAYS (90)"
    )
    org = commands.add_parser("create-organisation", help="add a college or leerwerkloket")
    org.add_argument("--slug", required=True, help="short id, e.g. roc-tilburg")
    org.add_argument("--name", required=True)
    account = commands.add_parser("create-account", help="add a counsellor or admin")
    account.add_argument("--organisation", required=True, help="the organisation's slug")
    account.add_argument("--email", required=True)
    account.add_argument("--name", default="")
    account.add_argument("--role", choices=ROLES, default="counsellor")
    account.add_argument("--password-stdin", action="store_true")
    args = parser.parse_args(argv)

    settings = get_settings()
    url = settings.app_database_url
    upgrade_console(url)
    if args.command == "migrate":
        print("console tables are up to date")
        return 0
    if args.command == "purge":
        return _purge(args.days or settings.retention_days)
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            if args.command == "create-organisation":
                made = create_organisation(session, slug=args.slug, name=args.name)
                print(f"organisation {made.slug} created")
            else:
                password = _password(args.password_stdin)
                new = create_account(
                    session,
                    organisation_slug=args.organisation,
                    email=args.email,
                    name=args.name,
                    role=args.role,
                    password=password,
                )
                print(f"{new.role} account {new.email} created")
    except (AccountError, WeakPasswordError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


def _purge(days: int) -> int:
    settings = get_settings()
    tracker_engine = make_engine(settings.tracker_database_url)
    app_engine = make_app_engine(settings.app_database_url)
    try:
        erased = purge(
            tracker_engine=tracker_engine,
            app_sessions=make_session_factory(app_engine),
            cutoff=utc_now() - dt.timedelta(days=days),
        )
    finally:
        tracker_engine.dispose()
        app_engine.dispose()
    print(f"{erased} conversation(s) idle for more than {days} days erased")
    return 0


if __name__ == "__main__":
    sys.exit(main())
