"""Typed answers to the intake question that waits: words that only mean something as its answer."""

from __future__ import annotations

import datetime as dt
import re

from dialogue import cues
from dialogue.found import Found
from dialogue.heard import Heard
from dialogue.reading import (
    normalise,
    own_words,
    read_amount,
    read_education,
    read_hours,
    read_number,
    read_times,
    read_years,
    read_yes_no,
)
from dialogue.state import DialogueState

_NO_WORK_NOW = re.compile(
    r"^(nu |op dit moment |momenteel |even )?(nee|niks|niets|geen)\b|\bgeen (werk|baan)\b|"
    r"\b(thuis|huisvrouw|huisman|thuismoeder|thuisvader)\b"
)


def read_answer(
    found: Found, state: DialogueState, heard: Heard, pending: str, today: dt.date
) -> None:
    """Answers that only make sense as the answer to the intake question that waits."""
    text = heard.text
    words = normalise(text)
    if pending == "current_work" and _NO_WORK_NOW.search(words):
        # "nu niks" (the NLU may hear "weet ik niet"): no work now, an answer, not a skip.
        found.put("employment", "werkzoekend", own_words(text))
        return
    if (
        cues.NO_PREFERENCE.search(words)
        or heard.intent == "dont_know"
        or read_yes_no(text) == "unknown"
    ) and (pending not in found.values or pending == "payer"):
        found.skipped = True
        return
    said = own_words(text)
    if pending == "hours" and "hours_per_week" not in found:
        hours = read_hours(text)
        if hours is not None:
            found.put("hours_per_week", hours, said)
    elif pending == "years_experience":
        years = read_years(text, today)
        if years is None:
            number = read_number(words)
            if number is not None and number <= 50:
                found.put("years_experience", number, f"{number} jaar")
        else:
            found.put("years_experience", years.years, years.said)
    elif pending == "budget":
        amount = read_amount(text)
        if amount is not None:
            found.put("budget_eur", amount.euros, amount.said)
        elif read_yes_no(text) == "no":
            found.put("budget_eur", 0, said)
    elif pending == "payer" and cues.NO_EMPLOYER.search(words):
        # "ik heb geen werkgever, ik ben zzp": whatever else the words seemed to say.
        found.put("payer", "zelf", said)
        found.put("has_employer", False, said)
        found.values.pop("target_topic", None)
    elif pending == "payer" and "payer" not in found and _answers_only(found, words):
        answer = read_yes_no(text)
        if answer == "yes":
            found.put("payer", "werkgever", said)
        elif answer == "no":
            found.put("payer", "zelf", said)
    elif pending == "dutch" and "dutch_ok" not in found and _answers_only(found, words):
        answer = read_yes_no(text)
        if re.search(r"\b(beetje|slecht|weinig|matig|a1|a2|gaat wel|niet zo)\b", words):
            found.put("dutch_ok", False, said)
        elif answer is not None and answer != "unknown":
            found.put("dutch_ok", answer == "yes", said)
    elif pending == "education" and "education" not in found:
        education = read_education(text)
        if education is not None:
            if education.level is not None:
                found.put("education", education.level, education.said or None)
            if education.foreign:
                found.put("foreign_diploma", True, education.said)
                if education.level is None:
                    found.skipped = True
    elif pending == "current_work" and not (
        "current_occupation" in found or "current_sector" in found
    ):
        if cues.SEEKER.search(words):
            found.put("employment", "werkzoekend", said)
        elif heard.intent in (
            "inform",
            "nlu_fallback",
            "search_course",
            "ask_advice",
        ) and not (
            found.values
            or cues.control(text) == "correction"
            or cues.is_question(text)
            or cues.goal(text)
            or re.search(r"\b(diploma|papiertje|opleiding|cursus|certificaat|wil|weet)\b", words)
        ):
            # A job the vocabulary does not know is still the answer: keep the words.
            job = re.sub(
                r"^(ik\s+)?(werk|ben|zit|doe)\s+(nu\s+)?(al\s+)?(als|bij|in|op)?\s*(de|het|een)?\s*",
                "",
                words,
            ).strip(" .!?")
            job = re.split(r"\b(en|maar|want|sinds|al)\b|[,.]", job)[0].strip()
            if job and len(job) <= 60:
                found.put("current_occupation", job, job)
                found.put("employment", "werkend", None, "inferred")
    elif pending == "times" and "times" not in found:
        times = read_times(text)
        if times:
            found.put("times", times, said)
    elif pending == "goal" and "goal" not in found:
        if re.search(r"\b(hoger|meer verdienen|promotie|verder in mijn vak)\b", words):
            found.put("goal", "doorgroeien", said)
    elif pending == "learning_mode" and "learning_mode" not in found:
        if re.search(r"\b(werk(en)? (en|&) (leren|school)|leren op (mijn|het) werk|loon)\b", words):
            found.put("learning_mode", "bbl", said)
        elif re.search(r"\b(school|stage)\b", words):
            found.put("learning_mode", "bol", said)
    elif pending == "location" and "location" not in found:
        place = re.sub(r"^(ik woon |woon |in |ik zit in |bij )+", "", words).strip(" .!?")
        if place and len(place.split()) <= 3 and not cues.is_question(text) and place.isascii():
            found.put("location", place, text.strip()[:40])


def _answers_only(found: Found, words: str) -> bool:
    """A yes or no that belongs to the question, not to another fact in the message.

    "bbl gaat niet want ik werk overdag" holds a "niet", but it is about BBL.
    """
    return not found.values or bool(re.match(r"^(ja|nee|neen|nope|jawel|klopt|zeker)\b", words))
