"""Fault drills: break one part of the production set-up in the middle of a load run.

    make drills
    .venvs/app/bin/python -m scripts.drills MODEL [--users 20] [--seconds 30]

Three drills on PostgreSQL + Redis + two Rasa instances: the action server is
killed, one Rasa instance is killed, every PostgreSQL connection is
terminated. Each runs simulated people through /api/chat; a third of the way
in the part fails, two thirds in it is back. Then each conversation sends one
more message. A drill passes when:

- every request got an answer or the gateway's Dutch "try again" (503), never
  silence, a 500 or a dropped connection;
- after recovery every conversation answers again, its tracker holds every
  answered message once and in order, and no new session was started.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.gateway.routes.chat import UNAVAILABLE_DETAIL
from scripts.load import CONVERSATIONS
from scripts.pg_cut import cut_connections
from scripts.production import POSTGRES_ADMIN_URL, production_config
from scripts.stack import ROOT, Stack

FOLLOW_UP = "bedankt"


@dataclass
class Conversation:
    sender: str
    sent: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)


@dataclass
class DrillReport:
    name: str
    requests: int = 0
    answered: int = 0
    apologies: int = 0
    # Where the drill is; apologies are counted per phase, to see what caused them.
    phase: str = "before the fault"
    apologies_by_phase: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    conversations: int = 0
    intact: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures and self.intact == self.conversations

    def line(self) -> str:
        verdict = "pass" if self.passed else "FAIL"
        return (
            f"  {self.name:<26} {verdict}: {self.requests} requests, {self.answered} answered,"
            f" {self.apologies} Dutch apologies (503), {len(self.failures)} failures;"
            f" {self.intact}/{self.conversations} conversations intact after recovery"
            + "".join(f"\n    apologies {p}: {n}" for p, n in self.apologies_by_phase.items())
        )


def _kill(stack: Stack, name: str) -> Callable[[], None]:
    # The whole process group: Sanic's workers too, or they keep the port.
    os.killpg(stack.processes[name].pid, signal.SIGKILL)

    def recover() -> None:
        stack.processes.pop(name).wait()
        stack.start(name)

    return recover


def kill_action_server(stack: Stack) -> Callable[[], None]:
    return _kill(stack, "actions")


def kill_one_rasa(stack: Stack) -> Callable[[], None]:
    return _kill(stack, "rasa")  # the first instance


def terminate_postgres_connections(stack: Stack) -> Callable[[], None]:
    """Every connection of every process to the tracker, app and catalogue databases."""
    databases = [
        url.rsplit("/", 1)[1]
        for url in (
            stack.config.database_url,
            stack.config.extra_env["LEERWIJZER_TRACKER_DATABASE_URL"],
            stack.config.extra_env["LEERWIJZER_APP_DATABASE_URL"],
        )
    ]
    cut_connections(POSTGRES_ADMIN_URL, databases)
    return lambda: None  # the pools reconnect on their own


DRILLS = {
    "action server killed": kill_action_server,
    "one Rasa instance killed": kill_one_rasa,
    "PostgreSQL connections cut": terminate_postgres_connections,
}


async def _turn(
    http: httpx.AsyncClient, url: str, report: DrillReport, chat: Conversation, text_: str
) -> None:
    report.requests += 1
    chat.sent.append(text_)
    try:
        response = await http.post(
            f"{url}/api/chat", json={"sender_id": chat.sender, "message": text_}
        )
    except httpx.HTTPError as error:
        report.failures.append(f"{type(error).__name__} on '{text_}'")
        return
    try:
        body: Any = response.json()
    except ValueError:  # an HTML error page, or nothing at all
        body = response.text
    if response.status_code == 200 and body and body.get("messages"):
        report.answered += 1
        chat.answered.append(text_)
    elif (
        response.status_code == 503
        and isinstance(body, dict)
        and (body.get("detail") == UNAVAILABLE_DETAIL)
    ):
        report.apologies += 1
        report.apologies_by_phase[report.phase] = report.apologies_by_phase.get(report.phase, 0) + 1
    else:
        report.failures.append(f"{response.status_code} {str(body)[:80]} on '{text_}'")


def _in_order_within(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(any(item == other for other in remaining) for item in part)


def damage(tracker: dict[str, Any], chat: Conversation) -> str:
    """What is wrong with the conversation's tracker; "" when it is intact.

    Intact: every answered message there, in order; nothing twice; one
    session. A message the gateway apologised for may be there or not (Rasa
    may have saved the turn before the part failed), never twice or out of order.
    """
    events = tracker.get("events") or []
    said = [str(e.get("text")) for e in events if e.get("event") == "user"]
    sessions = sum(1 for e in events if e.get("event") == "session_started")
    if not _in_order_within(chat.answered, said):
        return f"answered turns missing: {len(chat.answered)} answered, {len(said)} kept"
    if not _in_order_within(said, chat.sent):
        return "turns twice or out of order"
    if sessions != 1:
        return f"{sessions} sessions"
    return ""


async def run_drill(
    stack: Stack,
    name: str,
    *,
    users: int,
    seconds: float,
    fault: Callable[[Stack], Callable[[], None]],
) -> DrillReport:
    report = DrillReport(name=name)
    url = stack.config.gateway_url
    chats = [Conversation(sender=f"drill-{uuid.uuid4().hex[:10]}") for _ in range(users)]
    deadline = time.perf_counter() + seconds

    async def person(number: int, chat: Conversation, http: httpx.AsyncClient) -> None:
        rng = random.Random(number)  # noqa: S311 - think times, not secrets
        script = rng.choice(CONVERSATIONS)
        await asyncio.sleep(rng.uniform(0, 1))
        for text_ in script * 3:
            if time.perf_counter() >= deadline:
                return
            await _turn(http, url, report, chat, text_)
            await asyncio.sleep(rng.uniform(0.5, 1.5))

    async def break_and_mend() -> None:
        await asyncio.sleep(seconds / 3)
        report.phase = "while broken"
        recover = await asyncio.to_thread(fault, stack)
        await asyncio.sleep(seconds / 3)
        report.phase = "while it restarts"
        await asyncio.to_thread(recover)
        await asyncio.to_thread(stack.wait_ready, 360)
        report.phase = "after it is back"

    async with httpx.AsyncClient(timeout=30) as http:
        await asyncio.gather(break_and_mend(), *(person(n, c, http) for n, c in enumerate(chats)))
        # Recovered: every conversation goes on where it was.
        for chat in chats:
            await _turn(http, url, report, chat, FOLLOW_UP)
            found = await http.get(
                f"{stack.config.rasa_urls[-1]}/conversations/{chat.sender}/tracker"
            )
            report.conversations += 1
            problem = damage(found.json(), chat) if found.status_code == 200 else "no tracker"
            if problem:
                report.failures.append(f"{chat.sender}: {problem}")
            else:
                report.intact += 1
    return report


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.drills")
    parser.add_argument("model", type=Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--only", choices=list(DRILLS), help="one drill")
    args = parser.parse_args()

    data_dir = ROOT / "var" / "drills"
    stack = Stack(production_config(model_path=args.model, data_dir=data_dir, redis_db=7))
    stack.start()
    reports = []
    try:
        stack.wait_ready(timeout_s=360)
        print(f"{args.users} people, {args.seconds:.0f} s per drill; fault at 1/3, back at 2/3")
        for name, fault in DRILLS.items():
            if args.only and name != args.only:
                continue
            report = asyncio.run(
                run_drill(stack, name, users=args.users, seconds=args.seconds, fault=fault)
            )
            reports.append(report)
            print(report.line(), flush=True)
            for failure in report.failures[:5]:
                print(f"    {failure}")
    finally:
        stack.stop()
    return 0 if all(r.passed for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
