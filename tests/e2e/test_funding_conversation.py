"""Funding conversations through /api/chat with the trained model and the real rules."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from scripts.stack import Stack
from tests.language.readability import assert_b1

pytestmark = pytest.mark.slow

MAX_TURNS = 10


def chat(stack: Stack, sender: str, message: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{stack.config.gateway_url}/api/chat",
        json={"sender_id": sender, "message": message},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    for reply in messages:
        # Every text the funding conversation generates is checked at B1.
        if reply.get("text"):
            assert_b1(reply["text"])
    return messages


def eligibility(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    for message in messages:
        if (message.get("custom") or {}).get("type") == "eligibility":
            result: dict[str, Any] = message["custom"]["result"]
            return result
    return None


def answer_for(question: dict[str, Any], answers: dict[str, str]) -> str:
    """What a person would say to this question, from a few keywords."""
    text = question.get("text", "").lower()
    for keyword, reply in answers.items():
        if keyword in text:
            return reply
    raise AssertionError(f"unexpected question: {question}")


def converse(
    stack: Stack, sender: str, opening: str, answers: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """Answer every question until the bot gives a result; return it and the questions."""
    asked: list[str] = []
    messages = chat(stack, sender, opening)
    for _ in range(MAX_TURNS):
        result = eligibility(messages)
        if result is not None:
            return result, asked
        question = messages[-1]
        asked.append(question.get("text", ""))
        messages = chat(stack, sender, answer_for(question, answers))
    raise AssertionError(f"no result after {MAX_TURNS} turns: {asked}")


BOL_FULLTIME = '/inform{"funding_answer": "mbo_bol_fulltime"}'
EVERYTHING_FINE = {
    "wat voor opleiding": BOL_FULLTIME,
    "hoe oud": "ik ben 45",
    "studiefinanciering": "nee hoor",
    "nationaliteit": "ja",
}


def test_stap_today_ends_and_the_loan_is_checked(stack: Stack) -> None:
    messages = chat(stack, "fund-stap", "Kom ik in aanmerking voor STAP?")
    text = " ".join(m.get("text") or "" for m in messages)
    assert "1 januari 2024" in text
    assert messages[-1].get("text")  # a question about the loan follows


def test_loan_conversation_asks_only_what_it_needs(stack: Stack) -> None:
    result, asked = converse(
        stack, "fund-loan", "kan ik levenlanglerenkrediet krijgen?", EVERYTHING_FINE
    )
    assert result["outcome"] == "eligible"
    assert result["scheme"] == "levenlanglerenkrediet"
    assert len(asked) == len(set(asked)), asked  # nothing asked twice


def test_age_said_earlier_is_not_asked(stack: Stack) -> None:
    chat(stack, "fund-known", "ik ben 45")
    result, asked = converse(
        stack, "fund-known", "kan ik levenlanglerenkrediet krijgen?", EVERYTHING_FINE
    )
    assert result["outcome"] == "eligible"
    assert not any("hoe oud" in q.lower() for q in asked), asked


def test_dont_know_leads_to_an_honest_unknown(stack: Stack) -> None:
    answers = {**EVERYTHING_FINE, "nationaliteit": "weet ik niet"}
    result, _ = converse(stack, "fund-unknown", "kan ik levenlanglerenkrediet krijgen?", answers)
    assert result["outcome"] == "unknown"
    assert "nationality_ok" in result["missing"]


def test_a_correction_changes_the_result(stack: Stack) -> None:
    # Says 45 first, then corrects to 60 while answering another question.
    answers = {**EVERYTHING_FINE, "studiefinanciering": "nee, en ik ben trouwens 60"}
    result, _ = converse(stack, "fund-correct", "kan ik levenlanglerenkrediet krijgen?", answers)
    assert result["outcome"] == "not_eligible"
    assert any(r["status"] == "fail" for r in result["reasons"])
    assert json.dumps(result)  # the payload is plain JSON


def test_the_chosen_course_answers_its_own_questions(stack: Stack) -> None:
    courses = httpx.get(
        f"{stack.config.gateway_url}/api/courses",
        params={"kind": "diploma", "mode": "bbl", "limit": 100},
        timeout=10,
    ).json()["items"]
    bbl_only = next(c for c in courses if c["learning_modes"] == ["bbl"])
    response = httpx.post(
        f"{stack.config.gateway_url}/api/chat",
        json={
            "sender_id": "fund-course",
            "message": "kan ik levenlanglerenkrediet krijgen?",
            "metadata": {"course_id": bbl_only["id"]},
        },
        timeout=30,
    )
    result = eligibility(response.json()["messages"])
    assert result is not None, response.json()
    # BBL does not qualify for the loan: decided without asking anything.
    assert result["outcome"] == "not_eligible"
