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

from scripts.load import Send, gateway_sender, rasa_sender, run_load, start_bare_rasa
from scripts.stack import ROOT, Stack, StackConfig, free_port, tree_cpu_s, wait_http


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

    data_dir = ROOT / "var" / "bench-cpu"
    config = StackConfig(
        model_path=args.model,
        data_dir=data_dir,
        gateway_port=free_port(),
        rasa_port=free_port(),
        action_port=free_port(),
        database_url=f"sqlite:///{ROOT / 'var' / 'catalogue.db'}",
        log_dir=data_dir / "logs",
    )
    stack = Stack(config)
    stack.start()
    bare, bare_urls = start_bare_rasa(args.model, data_dir, instances=1)
    try:
        stack.wait_ready(timeout_s=360)
        wait_http(f"{bare_urls[0]}/", timeout_s=360)
        full_side, bare_side = gateway_sender(config.gateway_url), rasa_sender(bare_urls)
        for send in (full_side, bare_side):
            asyncio.run(run_load(send, users=2, seconds=8, think=False))  # warm
        pids = {name: process.pid for name, process in stack.processes.items()}
        pids["bare rasa"] = bare[0].pid
        print("CPU ms per answered message, one person, no wait:")
        sides = [("product", full_side), ("bare", bare_side)]
        for number in range(args.rounds):
            # A B B A: a drift in the machine's speed hits both sides.
            for label, send in sides if number % 2 == 0 else sides[::-1]:
                answered, p50, per_turn = measure(send, pids, seconds=args.seconds)
                shown = "   ".join(f"{name} {ms:5.1f}" for name, ms in per_turn.items())
                print(f"  {label:<8} n={answered:<4} p50 {p50:5.1f} ms   {shown}", flush=True)
    finally:
        for process in bare:
            process.terminate()
            process.wait(timeout=30)
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
