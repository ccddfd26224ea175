"""Rasa's own story test on the trained model, failing on any wrong prediction."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.stack import RASA_BIN, ROOT

pytestmark = pytest.mark.slow


def test_stories_predict_without_errors(model_path: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            str(RASA_BIN),
            "test",
            "core",
            "--model",
            str(model_path),
            "--stories",
            "tests/stories",
            "--out",
            str(tmp_path),
            "--fail-on-prediction-errors",
            "--no-plot",
        ],
        cwd=ROOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-3000:]
    report = json.loads((tmp_path / "story_report.json").read_text())
    # Every story in tests/stories was evaluated, and all were right.
    stories = yaml.safe_load((ROOT / "tests/stories/test_stories.yml").read_text())["stories"]
    assert report["conversation_accuracy"]["total"] == len(stories) >= 10
    assert report["conversation_accuracy"]["correct"] == len(stories)
