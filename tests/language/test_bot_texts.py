"""Every bot text the repository holds is B1 Dutch (limits: docs/language.md).

One test case per text; the id says where it comes from:
``domain.yml:utter_greet``, ``stap.yml:no_perks@2022-10-01.fail``,
``alternatives.yml:werkgever.text``, ``funding_questions.py:QUESTIONS.age``,
``advice/texts.py:<key>``. Button titles are exempt: they are labels, not text.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import string
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from bot.console import handoff_messages, plan, routes_handoff
from bot.conversations import forget, turns
from bot.telegram import texts as telegram_texts
from dialogue import answers as dialogue_answers
from dialogue import texts as dialogue_texts
from dialogue.funding import GENERIC, QUESTIONS
from funding.rules import ALTERNATIVES_FILE, SCHEMES_DIR, load_alternatives, load_scheme
from tests.language.readability import check

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_FILE = ROOT / "bot" / "domain.yml"

# Placeholders are filled with a short neutral word before the check:
# a number for these (and names ending in them), "X" for everything else.
_NUMBER_FIELDS = (
    "age",
    "amount",
    "count",
    "days",
    "eur",
    "hours",
    "level",
    "minutes",
    "months",
    "n",
    "number",
    "percent",
    "price",
    "total",
    "weeks",
    "years",
)


class BotText(NamedTuple):
    source: str
    text: str


def fill_placeholders(template: str) -> str:
    """``str.format`` / Rasa ``{slot}`` placeholders replaced by "3" or "X"."""
    parts: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if name is None:
            continue
        base = re.split(r"[.\[]", name, maxsplit=1)[0].lower()
        is_number = base in _NUMBER_FIELDS or base.endswith(
            tuple(f"_{suffix}" for suffix in _NUMBER_FIELDS)
        )
        parts.append("3" if is_number else "X")
    return "".join(parts)


def domain_texts() -> list[BotText]:
    """Each ``text`` of each response variation in bot/domain.yml."""
    domain: Any = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    responses: dict[str, Any] = domain.get("responses") or {}
    found: list[BotText] = []
    for name, variations in responses.items():
        texts = [v["text"] for v in variations if isinstance(v, dict) and "text" in v]
        for index, text in enumerate(texts):
            suffix = f"#{index + 1}" if len(texts) > 1 else ""
            found.append(BotText(f"domain.yml:{name}{suffix}", fill_placeholders(str(text))))
    return found


def scheme_texts() -> list[BotText]:
    """Description, fact questions, rule explanations, amount and notes of each scheme."""
    found: list[BotText] = []
    for path in sorted(SCHEMES_DIR.glob("*.yml")):
        scheme = load_scheme(path)
        prefix = path.name
        found.append(BotText(f"{prefix}:description", scheme.description))
        for fact, spec in scheme.facts.items():
            found.append(BotText(f"{prefix}:facts.{fact}.question", spec.question))
        for rule in scheme.rules:
            version = f"@{rule.in_force.from_}" if rule.in_force.from_ else ""
            if not version and rule.in_force.until:
                version = f"@until-{rule.in_force.until}"
            explanations = rule.explanation
            for status in ("pass", "fail", "unknown"):
                found.append(
                    BotText(
                        f"{prefix}:{rule.id}{version}.{status}", explanations.for_status(status)
                    )
                )
        if scheme.amount is not None:
            found.append(BotText(f"{prefix}:amount.explanation", scheme.amount.explanation))
        for note in scheme.notes:
            found.append(BotText(f"{prefix}:notes.{note.id}", note.text))
    return found


def alternative_texts() -> list[BotText]:
    prefix = ALTERNATIVES_FILE.name
    found: list[BotText] = []
    for alternative in load_alternatives():
        found.append(BotText(f"{prefix}:{alternative.id}.title", alternative.title))
        found.append(BotText(f"{prefix}:{alternative.id}.text", alternative.text))
    return found


def question_texts() -> list[BotText]:
    found = [
        BotText(f"dialogue/funding.py:QUESTIONS.{fact}", question.text)
        for fact, question in QUESTIONS.items()
    ]
    found.append(BotText("dialogue/funding.py:GENERIC", GENERIC.text))
    return found


def dialogue_texts_all() -> list[BotText]:
    """What the dialogue says itself: its templates, term answers and answers in passing."""
    found = [
        BotText(f"dialogue/texts.py:{key}", fill_placeholders(template))
        for key, template in dialogue_texts.TEMPLATES.items()
    ]
    found += [BotText(f"dialogue/answers.py:FAQ.{k}", v) for k, v in dialogue_answers.FAQ.items()]
    found += [
        BotText(f"dialogue/answers.py:PASSING.{k}", v) for k, v in dialogue_answers.PASSING.items()
    ]
    return found


def advice_texts() -> list[BotText]:
    """``advice.texts.TEMPLATES``, placeholders filled; nothing while the module does not exist."""
    try:
        spec = importlib.util.find_spec("advice.texts")
    except ModuleNotFoundError:  # no advice package at all
        return []
    if spec is None:
        return []
    templates: Any = importlib.import_module("advice.texts").TEMPLATES
    found: list[BotText] = []
    for key, template in templates.items():
        variants = [template] if isinstance(template, str) else list(template)
        for index, variant in enumerate(variants):
            suffix = f"#{index + 1}" if len(variants) > 1 else ""
            found.append(BotText(f"advice/texts.py:{key}{suffix}", fill_placeholders(variant)))
    return found


def channel_texts() -> list[BotText]:
    """What the Telegram adapter, the handoff and the console say to the person."""
    found = [
        BotText(f"bot/telegram/texts.py:{name}", value)
        for name, value in telegram_texts.all_texts().items()
    ]
    for name in ("NO_ORGANISATION", "FAILED_TWICE", "CONTACT_SAVED"):
        found.append(BotText(f"handoff_messages.py:{name}", getattr(handoff_messages, name)))
    found.append(BotText("routes_handoff.py:HANDED_BACK", routes_handoff.HANDED_BACK))
    found.append(BotText("forget.py:ERASED", forget.ERASED))
    found.append(BotText("turns.py:APOLOGY", turns.APOLOGY))
    for number, step in enumerate(plan.NEXT_STEPS):
        found.append(BotText(f"plan.py:NEXT_STEPS#{number}", step))
    found.append(
        BotText(
            "routes_handoff.py:HANDED_OVER",
            routes_handoff.HANDED_OVER.format(name="Anna", organisation="ROC Tilburg"),
        )
    )
    return found


SOURCES = {
    "channels": channel_texts,
    "domain": domain_texts,
    "schemes": scheme_texts,
    "alternatives": alternative_texts,
    "questions": question_texts,
    "advice": advice_texts,
    "dialogue": dialogue_texts_all,
}
TEXTS = [text for collect in SOURCES.values() for text in collect()]


@pytest.mark.parametrize("source", [name for name in SOURCES if name != "advice"])
def test_every_source_has_texts(source: str) -> None:
    """A renamed file or field must not leave a source silently unchecked."""
    assert SOURCES[source](), f"no texts collected from {source}"


def test_sources_are_unique() -> None:
    sources = [text.source for text in TEXTS]
    assert len(sources) == len(set(sources))


@pytest.mark.parametrize("text", [pytest.param(t.text, id=t.source) for t in TEXTS])
def test_bot_text_is_b1(text: str) -> None:
    assert text.strip(), "empty bot text"
    problems = check(text)
    assert not problems, "\n".join([text, *problems])


def test_placeholders_are_filled_with_neutral_words() -> None:
    filled = fill_placeholders("Na {years} jaar in de {sector} kun je {course} doen ({price:.2f}).")
    assert filled == "Na 3 jaar in de X kun je X doen (3)."
