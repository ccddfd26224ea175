"""A stand-in Rasa for the gateway's tests (tests/bot/fake_rasa.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.bot.fake_rasa import FakeRasa


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    """Rasa and the action server's /health on one local port; set `.reply` per test."""
    with FakeRasa().running() as fake:
        yield fake
