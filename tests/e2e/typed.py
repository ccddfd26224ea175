"""Typed conversations through /api/chat: one person, what they typed, what came back, the state.

`Person.say` sends one message as someone types it and checks every reply the
way a person reads it: there is always something to read, no code or intent
name shows, no counsellor is called in unless asked for, and the text is B1.
`state(stack, sender)` reads the one conversation state Rasa keeps in the
`dialogue` slot.

`Person.expect` notes a wrong reply and lets the conversation go on, so one
run shows everything a person ran into; `Person.done` fails the test with all
of them and the whole conversation. A plain `assert ..., person.why(...)` stops
at once (for what the rest of the conversation needs).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from scripts.stack import Stack
from tests.language.readability import assert_b1

Messages = list[dict[str, Any]]

# Intent and action names the bot knows: a person must never read them.
_INTENTS = (
    "greet|goodbye|affirm|deny|thank|bot_challenge|ask_capabilities|search_course|ask_advice|"
    "inform|ask_funding|ask_validation|ask_course_details|faq|request_human|forget_me|restart|"
    "out_of_scope|dont_know|nlu_fallback"
)
LEAKS = re.compile(r"\{|/inform|/ask_|\butter_|\baction_|\b(" + _INTENTS + r")\b")

# Words in the bot's question -> the intake fact it asks for.
INTAKE_QUESTIONS = {
    "wat wil je bereiken": "goal",
    "in welk vak": "target",
    "wat voor werk doe je": "current_work",
    "hoeveel jaar": "years_experience",
    "hoogste diploma": "education",
    "in welke plaats": "location",
    "nederlands": "dutch",
    "hoeveel uur": "hours",
    "wanneer kun je": "times",
    "hoe wil je leren": "learning_mode",
    "werkgever misschien": "payer",
    "hoeveel geld": "budget",
}
# The same for the questions of a funding check.
FUNDING_QUESTIONS = {
    "hoe oud": "age",
    "wat voor opleiding wil je doen": "programme_kind",
    "half jaar in nederland": "insured_months",
    "nu studiefinanciering": "receives_study_support",
    "recht op gewone studiefinanciering": "has_right_to_student_finance",
    "nationaliteit": "nationality_ok",
    "betaalt iemand anders": "other_funding_same_costs",
    "stap-budget gekregen": "stap_used_this_year",
}


def state(stack: Stack, sender: str) -> dict[str, Any]:
    """The conversation state in the tracker (`dialogue` slot); {} when there is none."""
    response = httpx.get(f"{stack.config.rasa_url}/conversations/{sender}/tracker", timeout=30)
    assert response.status_code == 200, response.text
    slots = response.json().get("slots") or {}
    return slots.get("dialogue") or {}


@dataclass
class Reply:
    messages: Messages

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages if m.get("text")]

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    @property
    def lower(self) -> str:
        return self.text.lower()

    def customs(self, kind: str) -> list[dict[str, Any]]:
        return [m["custom"] for m in self.messages if (m.get("custom") or {}).get("type") == kind]

    @property
    def paths(self) -> list[dict[str, Any]]:
        return self.customs("path")

    @property
    def courses(self) -> list[dict[str, Any]]:
        return [card for listing in self.customs("course_list") for card in listing["courses"]]

    @property
    def erased(self) -> bool:
        return bool(self.customs("erased"))

    @property
    def question(self) -> str | None:
        """The intake or funding fact the last text asks for, if it asks one."""
        last = self.texts[-1].lower() if self.texts else ""
        # Funding first: "de Nederlandse nationaliteit" is not the Dutch question.
        for key, fact in {**FUNDING_QUESTIONS, **INTAKE_QUESTIONS}.items():
            if key in last:
                return fact
        return None


@dataclass
class Person:
    stack: Stack
    sender: str
    # Whether this person asked for a counsellor (only then may a handoff come).
    asked_for_human: bool = False
    log: list[str] = field(default_factory=list)
    # Intake facts the bot asked for while `answer` ran, in order.
    asked: list[str] = field(default_factory=list)
    # What went wrong so far (see `expect`).
    problems: list[str] = field(default_factory=list)

    # --- talking -----------------------------------------------------------

    def say(self, message: str) -> Reply:
        self.log.append(f"  person: {message}")
        response = httpx.post(
            f"{self.stack.config.gateway_url}/api/chat",
            json={"sender_id": self.sender, "message": message},
            timeout=60,
        )
        assert response.status_code == 200, self.why(f"HTTP {response.status_code}")
        reply = Reply(response.json()["messages"])
        for m in reply.messages:
            if m.get("text"):
                self.log.append("  bot:    " + m["text"].replace("\n", "\n          "))
            custom = m.get("custom") or {}
            if custom.get("type") == "path":
                steps = [
                    (s["kind"], s["title"], (s.get("course") or {}).get("level"))
                    for s in custom["steps"]
                ]
                self.log.append(f"  bot:    [path] {custom['title']} {steps}")
            elif custom.get("type") == "course_list":
                cards = [(c["title"], c["level"], c["learning_modes"], c["place"]) for c in
                         custom["courses"]]  # fmt: skip
                self.log.append(f"  bot:    [course_list {custom.get('total')}] {cards}")
            elif custom:
                self.log.append(f"  bot:    [{custom.get('type')}]")
        self._check(reply)
        return reply

    def _check(self, reply: Reply) -> None:
        assert reply.messages, self.why("no reply at all")
        for m in reply.messages:
            words = m.get("text") or ""
            if "text" in m or not m.get("custom"):
                self.expect(bool(words.strip()), "an empty reply text")
            leak = LEAKS.search(words)
            self.expect(leak is None, f"a reply shows code: {leak.group(0) if leak else ''!r}")
            if words and not words.startswith("Route "):
                self._b1(words)
        for path in reply.paths:
            for step in path["steps"]:
                self._b1(step["why"])
        if not self.asked_for_human:
            self.expect(not reply.customs("handoff"), "a handoff to a counsellor nobody asked for")

    def _b1(self, words: str) -> None:
        try:
            assert_b1(words)
        except AssertionError as error:
            self.expect(False, str(error))

    # --- judging -----------------------------------------------------------

    def expect(self, condition: object, what: str) -> bool:
        """Note `what` went wrong when `condition` is false; the conversation goes on."""
        if not condition:
            turn = sum(1 for line in self.log if line.startswith("  person:"))
            self.problems.append(f"after turn {turn}: {what}")
        return bool(condition)

    def done(self) -> None:
        transcript = os.environ.get("LEERWIJZER_TYPED_TRANSCRIPTS")
        if transcript:
            # While writing or judging tests: every conversation, passed or not.
            with open(transcript, "a", encoding="utf-8") as out:
                out.write(self.why(f"{len(self.problems)} problem(s)") + "\n\n")
        assert not self.problems, self.why(f"{len(self.problems)} problem(s)")

    def answer(
        self,
        sheet: Mapping[str, str | list[str]],
        reply: Reply,
        *,
        until: str | None = None,
        max_turns: int = 12,
    ) -> Reply:
        """Answer the bot's questions from the sheet until paths come (or it asks `until`).

        A list in the sheet gives the answers to the same question asked again.
        A question the sheet does not hold fails: this person would not know why.
        """
        answers = {fact: [a] if isinstance(a, str) else list(a) for fact, a in sheet.items()}
        for _ in range(max_turns):
            if reply.paths:
                return reply
            fact = reply.question
            if until is not None and fact == until:
                return reply
            assert fact is not None, self.why("no question and no route")
            self.asked.append(fact)
            assert self.asked.count(fact) <= 2, self.why(f"asked {fact!r} a third time")
            assert fact in answers, self.why(f"asked {fact!r}, which this person did not expect")
            said = answers[fact].pop(0) if len(answers[fact]) > 1 else answers[fact][0]
            reply = self.say(said)
        raise AssertionError(self.why(f"no route after {max_turns} answers"))

    # --- what the bot knows ------------------------------------------------

    def state(self) -> dict[str, Any]:
        return state(self.stack, self.sender)

    def facts(self) -> dict[str, Any]:
        return {name: fact.get("value") for name, fact in self.state().get("facts", {}).items()}

    def said(self, name: str) -> str | None:
        fact = self.state().get("facts", {}).get(name) or {}
        return fact.get("said")

    def why(self, what: str) -> str:
        noted = "".join(f"\n  - {problem}" for problem in self.problems)
        return f"{what}{noted}\nconversation of {self.sender}:\n" + "\n".join(self.log)


# --- reading routes ----------------------------------------------------------


def diploma_steps(path: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in path["steps"] if s["kind"] in ("diploma", "entree")]


def final_course(path: dict[str, Any]) -> dict[str, Any] | None:
    courses = [s.get("course") for s in path["steps"] if s.get("course")]
    return courses[-1] if courses else None


def path_words(paths: Iterable[dict[str, Any]]) -> str:
    """Everything a route says: titles, reasons and notes."""
    parts: list[str] = []
    for path in paths:
        parts.append(path["title"])
        parts += path.get("notes", [])
        for step in path["steps"]:
            parts += [step["title"], step["why"]]
    return " ".join(parts)


def funding_ids(path: dict[str, Any]) -> set[str]:
    return {option["id"] for step in path["steps"] for option in step.get("funding", [])}


def sectors(paths: Iterable[dict[str, Any]]) -> set[str]:
    return {
        (step.get("course") or {}).get("sector") or ""
        for path in paths
        for step in path["steps"]
        if step.get("course")
    } - {""}
