"""Start and stop the three processes of the embedded product (stdlib only).

Used by `make run` (scripts/run.py) and by the end-to-end tests, so both run
the product the same way: Rasa server, action server, FastAPI gateway.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
APP_PYTHON = ROOT / ".venvs" / "app" / "bin" / "python"
RASA_BIN = ROOT / ".venvs" / "rasa" / "bin" / "rasa"
RASA_PYTHON = ROOT / ".venvs" / "rasa" / "bin" / "python"
# `rasa` with the action response schema compiled once (see bot/rasa/launch.py).
RASA_SERVER = [str(RASA_PYTHON), "-m", "bot.rasa.launch"]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class StackConfig:
    model_path: Path
    data_dir: Path = ROOT / "var"
    gateway_port: int = 8000
    rasa_port: int = 5005
    action_port: int = 5055
    database_url: str = ""
    log_dir: Path = ROOT / "var" / "logs"
    # More LEERWIJZER_* settings for every process (Telegram, widget origins).
    extra_env: dict[str, str] = field(default_factory=dict)
    # Ports of more Rasa instances (production: shared tracker store, Redis locks).
    extra_rasa_ports: tuple[int, ...] = ()
    # bot/rasa/endpoints.yml (SQLite, one instance) or endpoints.production.yml.
    endpoints: str = "bot/rasa/endpoints.yml"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def rasa_ports(self) -> dict[str, int]:
        """Process name -> port of every Rasa instance ("rasa", "rasa-2", ...)."""
        ports = {"rasa": self.rasa_port}
        for number, port in enumerate(self.extra_rasa_ports, start=2):
            ports[f"rasa-{number}"] = port
        return ports

    @property
    def rasa_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.rasa_ports.values()]

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
                # One TensorFlow thread per Rasa process: its models are small,
                # and thread pools per process fight over the cores the other
                # processes need (50 people: p95 462 ms with one
                # thread, 679 ms with TensorFlow's default pools).
                "TF_INTRA_OP_PARALLELISM_THREADS": "1",
                "TF_INTER_OP_PARALLELISM_THREADS": "1",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                "SANIC_HOST": "127.0.0.1",
                "LEERWIJZER_DATA_DIR": str(self.data_dir),
                "LEERWIJZER_RASA_URL": self.rasa_url,
                "LEERWIJZER_RASA_URLS": ",".join(self.rasa_urls),
                "LEERWIJZER_ACTION_SERVER_URL": self.action_url,
                "LEERWIJZER_ACTION_ENDPOINT": f"{self.action_url}/webhook",
                "LEERWIJZER_TRACKER_DIALECT": "sqlite",
                "LEERWIJZER_TRACKER_DB": str(self.data_dir / "tracker.db"),
            }
        )
        if self.database_url:
            env["LEERWIJZER_DATABASE_URL"] = self.database_url
        env["LEERWIJZER_GATEWAY_URL"] = self.gateway_url
        env.update(self.extra_env)
        return env

    @property
    def telegram_polling(self) -> bool:
        """A Telegram token without webhook mode means a polling adapter process."""
        env = self.environment()
        return bool(env.get("LEERWIJZER_TELEGRAM_TOKEN")) and (
            env.get("LEERWIJZER_TELEGRAM_MODE", "polling") == "polling"
        )


@dataclass
class Stack:
    config: StackConfig
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def commands(self) -> dict[str, list[str]]:
        c = self.config
        commands = {
            name: [
                *RASA_SERVER,
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(port),
                "--model",
                str(c.model_path),
                "--endpoints",
                c.endpoints,
                "--credentials",
                "bot/rasa/credentials.yml",
            ]
            for name, port in c.rasa_ports.items()
        }
        commands.update(
            {
                "actions": [str(APP_PYTHON), "-m", "actions.server", "--port", str(c.action_port)],
                "gateway": [
                    str(APP_PYTHON),
                    "-m",
                    "uvicorn",
                    "bot.gateway.main:create_app",
                    "--factory",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(c.gateway_port),
                ],
            }
        )
        if c.telegram_polling:
            commands["telegram"] = [str(APP_PYTHON), "-m", "bot.telegram"]
        return commands

    def start(self, *names: str) -> None:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        env = self.config.environment()
        for name, command in self.commands().items():
            if names and name not in names:
                continue
            log = (self.config.log_dir / f"{name}.log").open("ab")
            # Own process group, so Ctrl-C in the terminal reaches us first and
            # we stop the children in order instead of all at once.
            self.processes[name] = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, timeout_s: float = 240.0) -> None:
        checks = {
            name: f"http://127.0.0.1:{port}/status" for name, port in self.config.rasa_ports.items()
        }
        checks["actions"] = f"{self.config.action_url}/health"
        checks["gateway"] = f"{self.config.gateway_url}/healthz"
        deadline = time.monotonic() + timeout_s
        pending = {name: url for name, url in checks.items() if name in self.processes}
        while pending:
            for name in list(pending):
                process = self.processes[name]
                if process.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with {process.returncode}; "
                        f"see {self.config.log_dir / name}.log"
                    )
                if _http_ok(pending[name]):
                    del pending[name]
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout_s:.0f} s: {', '.join(pending)}")
            time.sleep(0.5)

    def stop(self, *names: str, timeout_s: float = 15.0) -> None:
        targets = [
            n
            for n in ("telegram", "gateway", "actions", *self.config.rasa_ports)
            if n in self.processes and (not names or n in names)
        ]
        for name in targets:
            process = self.processes[name]
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name in targets:
            process = self.processes.pop(name)
            try:
                process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def resident_mib(self) -> dict[str, float]:
        """Resident memory of each running process and its children, from /proc."""
        return {
            name: _tree_rss_kib(process.pid) / 1024
            for name, process in self.processes.items()
            if process.poll() is None
        }

    def first_exited(self) -> str | None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                return name
        return None


def embedded_rasa_instances() -> int:
    """How many Rasa servers the embedded default runs (LEERWIJZER_RASA_INSTANCES, default 2).

    One Rasa process uses one core; with two, a 2-core machine serves 50
    people at once. They share the SQLite tracker store safely because every
    turn comes through the one gateway, which sends a conversation to one
    instance and lets one turn of it run at a time.
    """
    return max(1, int(os.environ.get("LEERWIJZER_RASA_INSTANCES", "2")))


def free_extra_rasa_ports() -> tuple[int, ...]:
    """Free ports for the embedded default's Rasa instances after the first."""
    return tuple(free_port() for _ in range(embedded_rasa_instances() - 1))


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_http(url: str, *, timeout_s: float) -> None:
    """Until the URL answers 200, or TimeoutError."""
    deadline = time.monotonic() + timeout_s
    while not _http_ok(url):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} not ready after {timeout_s:.0f} s")
        time.sleep(0.5)


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local URL
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _tree_rss_kib(pid: int) -> int:
    total = 0
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            total += _tree_rss_kib(int(child))
    return total


def tree_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process and its children."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return 0.0
    # The command name may hold spaces; the fields after it are fixed.
    fields = stat.read_text().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        total += sum(tree_cpu_s(int(child)) for child in children.read_text().split())
    return total


Side = TypeVar("Side")


def in_turns(sides: Sequence[Side], rounds: int) -> Iterator[Side]:
    """A B B A A B ...: the machine's speed drifts over minutes (other tenants,
    CPU clocks), and one side after the other once would measure the drift too."""
    for number in range(rounds):
        yield from sides if number % 2 == 0 else reversed(sides)
