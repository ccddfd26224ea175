"""Paths as chat text: steps, cost and duration in plain Dutch."""

from __future__ import annotations

from advice.messages import path_messages, path_text
from advice.schemas import PathStep, TrainingPath


def path(weeks: int | None, cost: float | None) -> TrainingPath:
    step = PathStep(title="Heftruckcertificaat", kind="cursus", why="Kort.")
    return TrainingPath(title="Route 1: snel", steps=[step], cost_eur=cost, weeks=weeks)


def test_short_paths_in_weeks_long_in_months() -> None:
    assert "Duur: ongeveer een week." in path_text(path(1, 295))
    assert "Duur: ongeveer 4 weken." in path_text(path(4, 295))
    assert "Duur: ongeveer 23 maanden." in path_text(path(100, 1500))
    assert "Kosten: ongeveer € 1.500." in path_text(path(100, 1500))
    assert "De kosten weet ik niet precies." in path_text(path(100, None))


def test_every_path_has_text_and_payload_in_order() -> None:
    messages = path_messages([path(4, 295), path(100, None)])
    assert messages[0]["text"].startswith("Ik heb 2 routes")
    assert [("text" in m, "json_message" in m) for m in messages[1:5]] == [
        (True, False),
        (False, True),
        (True, False),
        (False, True),
    ]
    assert messages[2]["json_message"]["type"] == "path"
    assert messages[-1]["text"].startswith("Wat kun je nu doen?")


def test_no_path_sends_to_the_leerwerkloket() -> None:
    assert "leerwerkloket" in path_messages([])[0]["text"]
