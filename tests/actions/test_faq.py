"""The faq answer fits the term asked about."""

from __future__ import annotations

import pytest

from actions.faq import ActionAnswerFaq, faq_response
from tests.actions.trackers import make_tracker, run_action


@pytest.mark.parametrize(
    ("question", "response"),
    [
        ("wat is het verschil tussen bol en bbl?", "utter_faq_bol_bbl"),
        ("hoe werkt de beroepsbegeleidende leerweg", "utter_faq_bol_bbl"),
        ("wat is niveau 2", "utter_faq_levels"),
        ("wat is het hoogste niveau op het mbo", "utter_faq_levels"),
        ("is een mbo-certificaat hetzelfde als een diploma", "utter_faq_certificate"),
        ("zijn keuzedelen verplicht", "utter_faq_keuzedeel"),
        ("wat is een roc", "utter_faq_school"),
        ("mbo vs hbo, wat is het verschil?", "utter_faq_mbo_hbo"),
        ("wat is bpv", "utter_faq_practice"),
        ("wat is een crebo nr", "utter_faq_crebo"),
        ("wat is het verschil tussen bbl en deeltijd", "utter_faq_bol_bbl"),
        ("wat is de kwalificatieplicht", "utter_faq_qualification_duty"),
        ("wat betekent dat eigenlijk", "utter_faq_slice"),
    ],
)
def test_term_decides_the_answer(question: str, response: str) -> None:
    assert faq_response(question) == response


def test_action_utters_the_response() -> None:
    tracker = make_tracker("wat is een keuzedeel?", intent="faq")
    messages, slots = run_action(ActionAnswerFaq(), tracker)
    assert slots == {}
    assert messages[0]["response"] == "utter_faq_keuzedeel"
