"""Fault drills on the production set-up (short versions of `make drills`).

Each breaks one part in the middle of a small load run and mends it: every
request must get an answer or the gateway's Dutch apology, and afterwards
every conversation must go on with all its turns, in order, in one session.
"""

from __future__ import annotations

import asyncio

import pytest

from scripts.drills import DRILLS, run_drill
from scripts.stack import Stack

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", list(DRILLS))
def test_drill(stack: Stack, name: str) -> None:
    report = asyncio.run(run_drill(stack, name, users=8, seconds=24, fault=DRILLS[name]))
    assert report.failures == []
    assert report.conversations == 8
    assert report.intact == report.conversations, report.line()
    # The fault happened while people were talking, and they were answered.
    assert report.answered > report.conversations
