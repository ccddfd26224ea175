"""The real stack for end-to-end tests: trained Rasa model, action server, gateway."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.stack import ROOT, Stack, StackConfig, free_extra_rasa_ports, free_port

RASA_PYTHON = ROOT / ".venvs" / "rasa" / "bin" / "python"


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The cached model for the current inputs; trained here only if missing.

    LEERWIJZER_TEST_MODEL pins a model file instead (while debugging the actions
    with NLU data in flux; CI never sets it).
    """
    pinned = os.environ.get("LEERWIJZER_TEST_MODEL")
    if pinned:
        return Path(pinned)
    completed = subprocess.run(
        [str(RASA_PYTHON), "scripts/model.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(completed.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def stack(model_path: Path, data_dir: Path, sqlite_url: str) -> Iterator[Stack]:
    config = StackConfig(
        model_path=model_path,
        data_dir=data_dir,
        gateway_port=free_port(),
        rasa_port=free_port(),
        # As many Rasa servers as `make run` starts (two): the suite runs the default.
        extra_rasa_ports=free_extra_rasa_ports(),
        action_port=free_port(),
        database_url=sqlite_url,
        log_dir=data_dir / "logs",
    )
    running = Stack(config)
    running.start()
    try:
        running.wait_ready(timeout_s=360)  # two Rasa instances load side by side
        yield running
    finally:
        running.stop()
