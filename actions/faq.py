"""Answers to questions about Dutch vocational education, by the term asked about."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

# The first term found decides the answer; more specific terms come first
# ("bbl en deeltijd" is about BBL, "mbo-certificaat" about certificates).
_TERMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"kwalificatieplicht|leerplicht|startkwalificatie"),
        "utter_faq_qualification_duty",
    ),
    (re.compile(r"crebo|kwalificatiedossier"), "utter_faq_crebo"),
    (re.compile(r"certifica"), "utter_faq_certificate"),
    (re.compile(r"keuzede"), "utter_faq_keuzedeel"),
    (
        re.compile(r"\b(bol|bbl|bbel)\b|leerweg|leerwerk|werken en leren"),
        "utter_faq_bol_bbl",
    ),
    (re.compile(r"\bbpv\b|stage|beroepspraktijk|\bsbb\b|leerbedrijf"), "utter_faq_practice"),
    (re.compile(r"deeltijd"), "utter_faq_part_time"),
    (re.compile(r"\b(hbo|wo|universiteit)\b"), "utter_faq_mbo_hbo"),
    (re.compile(r"niveau|entree"), "utter_faq_levels"),
    (re.compile(r"\b(roc|vakschool|aoc)\b|intake"), "utter_faq_school"),
)
GENERAL = "utter_faq_slice"


def faq_response(text: str) -> str:
    lowered = text.lower()
    return next((name for pattern, name in _TERMS if pattern.search(lowered)), GENERAL)


class ActionAnswerFaq(Action):
    """Say what a term means: BOL/BBL, levels, certificates, keuzedelen, schools."""

    def name(self) -> str:
        return "action_answer_faq"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response=faq_response(tracker.latest_message.get("text") or ""))
        return []
