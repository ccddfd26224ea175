"""CPU time per chat turn of every process: the product vs bare Rasa, one person.

    make bench-cpu
    .venvs/app/bin/python -m scripts.bench_cpu MODEL [--seconds 20] [--rounds 2]

Starts the embedded product with one Rasa instance and one bare `rasa run` on
the same model (as `make load` does), warms both, then lets one person talk
without waiting to each side in turn and reads every process's user + system
CPU time from /proc before and after. Prints CPU ms per answered message for
Rasa, the action server and the gateway, and for bare Rasa: where the
overhead of gateway plus actions is spent, without queueing. Figures, not
pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

from scripts.load import Send, embedded_config, in_turns, product_and_bare, run_load
from scripts.stack import ROOT, tree_cpu_s


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


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_cpu")
    parser.add_argument("model", type=Path)
    parser.add_argument("--seconds", type=float, default=20.0, help="per side and round")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    config = embedded_config(args.model, ROOT / "var" / "bench-cpu", extra_rasa_ports=())
    with product_and_bare(config) as sides:
        pids = {name: process.pid for name, process in sides.stack.processes.items()}
        pids["bare rasa"] = sides.bare_pids[0]
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
