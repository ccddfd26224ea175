"""Load generator: simulated people holding Dutch conversations through /api/chat.

    make load                         # 50 users with 1-3 s think time, then no-wait
    .venvs/app/bin/python -m scripts.load MODEL --users 50 --seconds 60 [--no-wait]
        [--production] [--soak] [--rounds 4] [--bare-with-our-rasa-fixes]

It starts the product (embedded by default; --production: PostgreSQL, Redis
and two Rasa instances) plus as many bare Rasa servers on the same model
without the action server, on the same kind of stores (SQLite; or a
PostgreSQL tracker database and Redis locks of their own), runs the same
conversations against both (taking turns in four rounds, so a drift in the
machine's speed hits both), and prints
throughput, p50/p95/p99 and mean latency and errors, and the overhead of
gateway plus actions over bare Rasa at p50, in mean latency and in capacity,
pooled and for each round (--rounds: how many turns each side takes).
Figures, not pass/fail.

--soak: 25 people with think time for 10 minutes (--seconds to change), no
bare Rasa; the resident memory of every process at start and end, and growth.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time
import uuid
import zlib
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from scripts.production import PRODUCTION_ENDPOINTS, production_config, recreate_database
from scripts.stack import (
    RASA_BIN,
    RASA_SERVER,
    ROOT,
    Stack,
    StackConfig,
    free_extra_rasa_ports,
    free_port,
    in_turns,
    wait_http,
)

CONVERSATIONS = (
    ("hoi", "Zijn er cursussen over warmtepompen bij Enschede?", "hoeveel kost die opleiding?",
     "bedankt"),
    ("Ik werk in de thuiszorg en wil verder, wat kan ik doen?", "ik heb mbo 2",
     "ik woon in Utrecht", "ja", "dank je wel"),
    ("Kom ik in aanmerking voor STAP?", "ik ben 45", "nee", "ja", "doei"),
    ("wat is het verschil tussen bol en bbl?", "ik zoek een bbl-opleiding in de zorg in Utrecht",
     "telt mijn werkervaring mee?", "top, bedankt"),
    ("ik ben 52 en mijn baan in de metaal verdwijnt", "iets met warmtepompen", "Enschede",
     "weet ik niet", "ok"),
)  # fmt: skip

BARE_ENDPOINTS = "bot/rasa/endpoints.bare.yml"
BARE_PRODUCTION_ENDPOINTS = "bot/rasa/endpoints.bare.production.yml"
Send = Callable[[httpx.AsyncClient, str, str], Awaitable[bool]]


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def line(self, label: str) -> str:
        if not self.latencies_ms:
            return f"  {label:<28} no answers, {self.errors} errors"
        ordered = sorted(self.latencies_ms)

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, int(len(ordered) * p))]

        return (
            f"  {label:<28} {self.rate:6.1f} msg/s   p50 {statistics.median(ordered):6.0f} ms"
            f"   p95 {pct(0.95):6.0f} ms   p99 {pct(0.99):6.0f} ms"
            f"   mean {statistics.fmean(ordered):6.0f} ms   n={len(ordered)}   errors={self.errors}"
        )

    @property
    def rate(self) -> float:
        """Answered messages per second."""
        return len(self.latencies_ms) / self.seconds


def gateway_sender(url: str) -> Send:
    async def send(http: httpx.AsyncClient, sender: str, text: str) -> bool:
        response = await http.post(f"{url}/api/chat", json={"sender_id": sender, "message": text})
        return response.status_code == 200 and bool(response.json().get("messages"))

    return send


def rasa_sender(urls: list[str]) -> Send:
    """Straight to Rasa's REST webhooks, a conversation always to the same instance."""

    async def send(http: httpx.AsyncClient, sender: str, text: str) -> bool:
        url = urls[zlib.crc32(sender.encode()) % len(urls)]
        response = await http.post(
            f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}
        )
        return response.status_code == 200

    return send


async def run_load(send: Send, *, users: int, seconds: float, think: bool) -> Result:
    result = Result()
    deadline = time.perf_counter() + seconds

    async def person(number: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(number)  # noqa: S311 - think times, not secrets
        await asyncio.sleep(rng.uniform(0, 2 if think else 0.1))  # people do not all start at once
        while time.perf_counter() < deadline:
            sender = f"load-{uuid.uuid4().hex[:12]}"
            for text in rng.choice(CONVERSATIONS):
                if time.perf_counter() >= deadline:
                    return
                started = time.perf_counter()
                try:
                    ok = await send(http, sender, text)
                except httpx.HTTPError:
                    ok = False
                if ok:
                    result.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    result.errors += 1
                if think:
                    await asyncio.sleep(rng.uniform(1.0, 3.0))

    limits = httpx.Limits(max_connections=users + 10, max_keepalive_connections=users + 10)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(person(n, http) for n in range(users)))
    result.seconds = time.perf_counter() - started
    return result


def bare_rasa_environments(config: StackConfig, *, instances: int) -> list[dict[str, str]]:
    """Each bare Rasa's environment, on the same kind of stores as the product."""
    if config.endpoints == PRODUCTION_ENDPOINTS:
        # One PostgreSQL tracker database of its own, shared as the product shares its one.
        env = config.environment()
        env["LEERWIJZER_TRACKER_PG_DB"] = f"{env['LEERWIJZER_TRACKER_PG_DB']}_bare"
        recreate_database(env["LEERWIJZER_TRACKER_PG_DB"])
        return [env] * instances
    environments = []
    for number in range(instances):
        env = config.environment()
        env["LEERWIJZER_TRACKER_DB"] = str(config.data_dir / f"bare-tracker-{number}.db")
        environments.append(env)
    return environments


def start_bare_rasa(
    config: StackConfig, *, our_rasa_fixes: bool = False
) -> tuple[list[subprocess.Popen[bytes]], list[str]]:
    """As many plain `rasa run` servers as the product has, with no action server.

    our_rasa_fixes: started as the product starts Rasa (`bot.rasa.launch`: its
    tracker store, event lookup and log changes; of the action-call changes
    only one acts without an action server: `action_advice_resume` with
    nothing to do answers without a call, where stock Rasa fails the call),
    still with no action server, so the overhead measured is the gateway and
    the actions alone.
    """
    rasa = [*RASA_SERVER, "run"] if our_rasa_fixes else [str(RASA_BIN), "run"]
    config.data_dir.mkdir(parents=True, exist_ok=True)
    production = config.endpoints == PRODUCTION_ENDPOINTS
    endpoints = BARE_PRODUCTION_ENDPOINTS if production else BARE_ENDPOINTS
    processes, urls = [], []
    environments = bare_rasa_environments(config, instances=len(config.rasa_ports))
    for number, env in enumerate(environments):
        port = free_port()
        log = (config.data_dir / f"bare-rasa-{number}.log").open("ab")
        processes.append(subprocess.Popen(
            [*rasa, "--interface", "127.0.0.1", "--port", str(port),
             "--model", str(config.model_path), "--endpoints", endpoints,
             "--credentials", "bot/rasa/credentials.yml"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        ))  # fmt: skip
        urls.append(f"http://127.0.0.1:{port}")
    return processes, urls


def embedded_config(
    model: Path, data_dir: Path, *, extra_rasa_ports: tuple[int, ...]
) -> StackConfig:
    """The embedded default on free ports, on the catalogue `make catalogue` built."""
    return StackConfig(
        model_path=model,
        data_dir=data_dir,
        gateway_port=free_port(),
        rasa_port=free_port(),
        extra_rasa_ports=extra_rasa_ports,
        action_port=free_port(),
        # This run's other files stay apart from the catalogue.
        database_url=f"sqlite:///{ROOT / 'var' / 'catalogue.db'}",
        log_dir=data_dir / "logs",
    )


@dataclass
class BothSides:
    """The running product and as many bare Rasa servers, warmed up."""

    stack: Stack
    bare_pids: list[int]
    product: Send
    bare: Send


@contextmanager
def product_and_bare(config: StackConfig, *, our_rasa_fixes: bool = False) -> Iterator[BothSides]:
    stack = Stack(config)
    stack.start()
    bare, bare_urls = start_bare_rasa(config, our_rasa_fixes=our_rasa_fixes)
    try:
        stack.wait_ready(timeout_s=360)
        for url in bare_urls:
            wait_http(f"{url}/", timeout_s=360)
        sides = BothSides(
            stack=stack,
            bare_pids=[process.pid for process in bare],
            product=gateway_sender(config.gateway_url),
            bare=rasa_sender(bare_urls),
        )
        # A short warm-up so both sides have loaded their models and caches.
        for send in (sides.product, sides.bare):
            asyncio.run(run_load(send, users=4, seconds=5, think=False))
        yield sides
    finally:
        for process in bare:
            process.terminate()
            process.wait(timeout=30)
        stack.stop()


def compare(
    full_side: Send, bare_side: Send, *, users: int, seconds: float, think: bool, rounds: int = 4
) -> None:
    """The same load on both sides, in short rounds taking turns, and the overhead.

    Each side's rounds are pooled. With think time (an open load) the overhead
    is the ratio at p50. Without (every person sends again at once: a closed
    loop at full capacity) latency is the number of people over the capacity
    (Little's law): the ratio of capacities (msg/s), which equals the ratio of
    the mean latencies, says what each message costs. The p50 there says more
    about how fairly each side orders its queue.
    """
    full_runs: list[Result] = []
    bare_runs: list[Result] = []
    for send, runs in in_turns([(full_side, full_runs), (bare_side, bare_runs)], rounds):
        runs.append(asyncio.run(run_load(send, users=users, seconds=seconds / rounds, think=think)))
    full, base = pooled(full_runs), pooled(bare_runs)
    print(full.line("gateway + actions"))
    print(base.line("bare Rasa (no actions)"))
    if full.latencies_ms and base.latencies_ms:
        print(
            f"  overhead of gateway + actions: x{p50_ratio(full, base):.2f} at p50,"
            f" x{statistics.fmean(full.latencies_ms) / statistics.fmean(base.latencies_ms):.2f}"
            f" in mean latency, x{base.rate / full.rate:.2f} in capacity (msg/s)"
        )
    # How much one round pair differs from the next: a pooled ratio inside
    # that spread is a measurement, one outside it would be luck.
    rounds_run = zip(full_runs, bare_runs, strict=True)
    pairs = [(f, b) for f, b in rounds_run if f.latencies_ms and b.latencies_ms]
    if len(pairs) > 1:
        at_p50 = " ".join(f"x{p50_ratio(f, b):.2f}" for f, b in pairs)
        in_capacity = " ".join(f"x{b.rate / f.rate:.2f}" for f, b in pairs)
        print(f"  each round: at p50 {at_p50}, in capacity {in_capacity}")


def pooled(runs: Sequence[Result]) -> Result:
    """One side's rounds as one result."""
    return Result(
        latencies_ms=[ms for run in runs for ms in run.latencies_ms],
        errors=sum(run.errors for run in runs),
        seconds=sum(run.seconds for run in runs),
    )


def p50_ratio(full: Result, base: Result) -> float:
    return statistics.median(full.latencies_ms) / statistics.median(base.latencies_ms)


def soak(stack: Stack, *, users: int, seconds: float) -> int:
    """Moderate load for a long time: does memory keep growing?"""
    stack.start()
    try:
        stack.wait_ready(timeout_s=360)
        send = gateway_sender(stack.config.gateway_url)
        asyncio.run(run_load(send, users=4, seconds=10, think=False))  # warm
        start = stack.resident_mib()
        print(f"soak: {users} people with 1-3 s think time for {seconds:.0f} s")
        result = asyncio.run(run_load(send, users=users, seconds=seconds, think=True))
        end = stack.resident_mib()
        print(result.line("gateway + actions"))
        print("resident memory (MiB)   start     end   growth")
        for name, before in start.items():
            after = end.get(name, 0.0)
            growth = 100 * (after - before) / before
            print(f"  {name:<20} {before:7.0f} {after:7.0f}   {growth:+5.1f}%")
    finally:
        stack.stop()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.load")
    parser.add_argument("model", type=Path)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, help="per run (default 60; soak 600)")
    parser.add_argument("--no-wait", action="store_true", help="only the no-think-time run")
    parser.add_argument("--production", action="store_true", help="PostgreSQL, Redis, 2 Rasa")
    parser.add_argument("--soak", action="store_true", help="25 people for 10 minutes, memory")
    parser.add_argument("--rounds", type=int, default=4, help="turns each side takes per load")
    parser.add_argument(
        "--bare-with-our-rasa-fixes",
        action="store_true",
        help="bare Rasa started as the product starts it (tracker store, event lookup)",
    )
    args = parser.parse_args()

    data_dir = ROOT / "var" / "load"
    config = (
        production_config(model_path=args.model, data_dir=data_dir)
        if args.production
        else embedded_config(args.model, data_dir, extra_rasa_ports=free_extra_rasa_ports())
    )
    if args.soak:
        return soak(Stack(config), users=25, seconds=args.seconds or 600)
    seconds = args.seconds or 60
    instances = len(config.rasa_ports)
    with product_and_bare(config, our_rasa_fixes=args.bare_with_our_rasa_fixes) as sides:
        setup = "production (PostgreSQL, Redis)" if args.production else "embedded (SQLite)"
        bare = "with our Rasa fixes" if args.bare_with_our_rasa_fixes else "stock `rasa run`"
        print(f"set-up: {setup}, {instances} Rasa instances; bare Rasa ({bare}): {instances}")
        print(f"{args.users} users; {seconds:.0f} s per run")
        print("one person at a time (no queueing: what each turn costs):")
        compare(
            sides.product, sides.bare, users=1, seconds=min(seconds, 20), think=False,
            rounds=args.rounds,
        )  # fmt: skip
        for think in [False] if args.no_wait else [True, False]:
            print("think 1-3 s:" if think else "no wait (raw capacity):")
            compare(
                sides.product, sides.bare, users=args.users, seconds=seconds, think=think,
                rounds=args.rounds,
            )  # fmt: skip
        print("resident memory (MiB):")
        for name, mib in sides.stack.resident_mib().items():
            print(f"  {name:<10} {mib:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
