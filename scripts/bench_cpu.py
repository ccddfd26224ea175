"""CPU time per chat turn of every process: the product vs bare Rasa, one person.

    make bench-cpu
    .venvs/app/bin/python -m scripts.bench_cpu MODEL [--seconds 20] [--rounds 2] [--production]

Starts the embedded product with one Rasa instance and one bare `rasa run` on
the same model (as `make load` does), warms both, then lets one person talk
without waiting to each side in turn and reads every process's user + system
CPU time from /proc before and after. Prints CPU ms per answered message for
Rasa, the action server and the gateway, and for bare Rasa: where the
overhead of gateway plus actions is spent, without queueing. Figures, not
pass/fail.

--production: the production set-up (PostgreSQL, Redis, two Rasa instances;
bare Rasa on a PostgreSQL tracker database and Redis locks of its own), and
the CPU of the PostgreSQL and Redis servers too. Only one side talks at a
time, so what they use in a side's rounds is that side's.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
from pathlib import Path

from scripts.load import Send, embedded_config, product_and_bare, run_load
from scripts.production import production_config
from scripts.stack import ROOT, in_turns, tree_cpu_s


def measure(
    send: Send, pids: dict[str, int], *, seconds: float
) -> tuple[int, float, dict[str, float]]:
    before = {name: tree_cpu_s(pid) for name, pid in pids.items()}
    result = asyncio.run(run_load(send, users=1, seconds=seconds, think=False))
    after = {name: tree_cpu_s(pid) for name, pid in pids.items()}
    answered = max(1, len(result.latencies_ms))
    per_turn = {name: 1000 * (after[name] - before[name]) / answered for name in pids}
    p50 = statistics.median(result.latencies_ms) if result.latencies_ms else 0.0
    return len(result.latencies_ms), p50, per_turn


def server_pids() -> dict[str, int]:
    """The local PostgreSQL and Redis servers (their oldest process), where they run."""
    pids = {}
    for name, pattern in (
        ("postgres", ["-o", "-x", "postgres"]),
        ("redis", ["-x", "redis-server"]),
    ):
        found = subprocess.run(["pgrep", *pattern], capture_output=True, text=True).stdout.split()
        if found:
            pids[name] = int(found[0])
    return pids


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_cpu")
    parser.add_argument("model", type=Path)
    parser.add_argument("--seconds", type=float, default=20.0, help="per side and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--production", action="store_true", help="PostgreSQL, Redis, 2 Rasa")
    args = parser.parse_args()

    data_dir = ROOT / "var" / "bench-cpu"
    config = (
        production_config(model_path=args.model, data_dir=data_dir)
        if args.production
        else embedded_config(args.model, data_dir, extra_rasa_ports=())
    )
    with product_and_bare(config) as sides:
        pids = {name: process.pid for name, process in sides.stack.processes.items()}
        pids.update({f"bare {n + 1}": pid for n, pid in enumerate(sides.bare_pids)})
        if args.production:
            pids.update(server_pids())
        print("CPU ms per answered message, one person, no wait:")
        for label, send in in_turns(
            [("product", sides.product), ("bare", sides.bare)], args.rounds
        ):
            answered, p50, per_turn = measure(send, pids, seconds=args.seconds)
            shown = "   ".join(f"{name} {ms:5.1f}" for name, ms in per_turn.items())
            print(f"  {label:<8} n={answered:<4} p50 {p50:5.1f} ms   {shown}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
