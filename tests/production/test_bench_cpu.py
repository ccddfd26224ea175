"""The CPU reading of the benchmarks (scripts/stack.py) counts a process's live children too."""

from __future__ import annotations

import subprocess
import sys
import time

from scripts.stack import tree_cpu_s

# Spins 0.4 s of CPU, then sleeps (stays alive, so it is still in the tree).
SPIN_THEN_SLEEP = (
    "import time\nend = time.process_time() + 0.4\n"
    "while time.process_time() < end: pass\ntime.sleep(10)\n"
)


def test_the_cpu_of_a_busy_child_counts_for_its_waiting_parent() -> None:
    # `; true` keeps the shell from replacing itself with Python: it waits, idle.
    shell = subprocess.Popen(["sh", "-c", f'"{sys.executable}" -c "$0"; true', SPIN_THEN_SLEEP])
    try:
        time.sleep(1.5)
        seen = tree_cpu_s(shell.pid)
    finally:
        subprocess.run(["pkill", "-P", str(shell.pid)], check=False)
        shell.wait(timeout=10)
    assert 0.35 <= seen <= 1.0


def test_a_process_that_is_gone_has_used_nothing() -> None:
    assert tree_cpu_s(2**22 + 1) == 0.0  # above Linux's largest pid
