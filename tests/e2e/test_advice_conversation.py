"""Advice conversations through /api/chat with the trained model, the actions and the catalogue.

Each persona answers the bot's questions from a small answer sheet (keyword in
the question -> reply). A question the sheet does not expect fails the test:
the bot must ask only what the advice needs, and never the same thing twice.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scripts.stack import Stack
from tests.e2e.typed import INTAKE_QUESTIONS
from tests.language.readability import assert_b1

pytestmark = pytest.mark.slow

MAX_TURNS = 12
Messages = list[dict[str, Any]]

# Question keyword -> fact; used to report which facts the bot asked for.
QUESTION_KEYS = INTAKE_QUESTIONS


# Openings more than one test uses.
ALL_AT_ONCE = (
    "ik ben 45, werk 10 jaar in de kinderopvang in Utrecht en heb mbo 3. Ik wil doorgroeien."
)
CARE_CERTIFICATE = "Ik werk in de zorg en wil het certificaat Gastvrijheid in de zorg halen"


def chat(stack: Stack, sender: str, message: str) -> Messages:
    response = httpx.post(
        f"{stack.config.gateway_url}/api/chat",
        json={"sender_id": sender, "message": message},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    messages: Messages = response.json()["messages"]
    for m in messages:
        # Path summaries list course names; their reasons are checked in the payload.
        if m.get("text") and not m["text"].startswith("Route "):
            assert_b1(m["text"])
    for path in paths(messages):
        for step in path["steps"]:
            assert_b1(step["why"])
    return messages


def paths(messages: Messages) -> list[dict[str, Any]]:
    return [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "path"]


def text_of(messages: Messages) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def question_fact(messages: Messages) -> str | None:
    last = (messages[-1].get("text") or "").lower() if messages else ""
    return next((fact for key, fact in QUESTION_KEYS.items() if key in last), None)


def converse(
    stack: Stack, sender: str, opening: str, sheet: dict[str, str]
) -> tuple[list[dict[str, Any]], list[str], Messages]:
    """Answer every question from the sheet until paths come; return paths and facts asked."""
    asked: list[str] = []
    messages = chat(stack, sender, opening)
    for _ in range(MAX_TURNS):
        found = paths(messages)
        if found:
            return found, asked, messages
        fact = question_fact(messages)
        assert fact is not None, f"no question and no path: {text_of(messages)}"
        assert fact in sheet, f"asked {fact!r} which this person's advice does not need"
        assert fact not in asked, f"asked {fact!r} twice"
        asked.append(fact)
        messages = chat(stack, sender, sheet[fact])
    raise AssertionError(f"no paths after {MAX_TURNS} turns: {asked}")


def steps(path: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None]]:
    return [(step["kind"], step.get("course")) for step in path["steps"]]


def kinds(path: dict[str, Any]) -> list[str]:
    return [step["kind"] for step in path["steps"]]


def funding_ids(path: dict[str, Any]) -> set[str]:
    return {option["id"] for step in path["steps"] for option in step.get("funding", [])}


# --- the people this product is for -------------------------------------------


def test_pedagogisch_medewerker_to_gespecialiseerd(stack: Stack) -> None:
    found, asked, _ = converse(
        stack,
        "adv-pm",
        "Ik ben pedagogisch medewerker en wil doorgroeien naar gespecialiseerd pedagogisch "
        "medewerker",
        {
            "years_experience": "al 8 jaar",
            "education": "mbo 3",
            "location": "Utrecht",
            "payer": "ja",
        },
    )
    main = found[0]
    assert kinds(main) == ["evc", "diploma"]
    assert main["steps"][-1]["course"]["crebo"] == "25697"
    assert "8 jaar" in main["steps"][0]["why"]
    assert "werkgever" in funding_ids(main)
    assert "learning_mode" not in asked
    assert "hours" not in asked


def test_metal_worker_werk_naar_werk_into_heat_pumps(stack: Stack) -> None:
    found, _asked, _ = converse(
        stack,
        "adv-metal",
        "Ik ben 52 en mijn baan in de metaal verdwijnt. Ik wil naar de installatietechniek, "
        "iets met warmtepompen.",
        {
            "current_work": "ik ben metaalbewerker",
            "years_experience": "30 jaar",
            "education": "vmbo",
            "location": "Enschede",
            "learning_mode": "werken en leren",
            "payer": "ja",
        },
    )
    main = found[0]
    assert main["steps"][-1]["course"]["sector"] == "installatietechniek"
    assert "baan verdwijnt" in main["steps"][-1]["why"]
    assert any("warmtepomp" in s["title"].lower() for p in found for s in p["steps"])


def test_supermarket_employee_into_care(stack: Stack) -> None:
    found, asked, _ = converse(
        stack,
        "adv-super",
        "Ik werk bij de supermarkt en wil de zorg in",
        {
            "goal": "iets anders gaan doen",
            "education": "vmbo",
            "location": "Tilburg",
            "learning_mode": "werken en leren",
            "payer": "nee",
            "budget": "niks",
        },
    )
    assert "years_experience" not in asked  # shop work does not count in care
    main, quick = found[0], found[1]
    assert main["steps"][-1]["course"]["crebo"] == "25656"  # verzorgende-IG, niveau 3
    assert "certificaat" in kinds(quick)


def test_statushouder_into_techniek(stack: Stack) -> None:
    found, _asked, _ = converse(
        stack,
        "adv-status",
        "Ik ben statushouder en wil werken in de techniek",
        {
            "goal": "werk vinden",
            "current_work": "ik heb hier nog geen werk",
            "education": "geen diploma",
            "location": "Amersfoort",
            "dutch": "nog niet zo goed",
            "learning_mode": "werken en leren",
        },
    )
    main = found[0]
    assert kinds(main) == ["taal", "entree", "diploma"]
    assert "uwv_gemeente" in funding_ids(main)


def test_job_seeker_in_the_ww(stack: Stack) -> None:
    found, asked, _ = converse(
        stack,
        "adv-ww",
        "Ik zit in de WW en wil weer aan het werk",
        {
            "target": "logistiek",
            "education": "mbo 2",
            "location": "Rotterdam",
            "learning_mode": "werken en leren",
        },
    )
    assert "payer" not in asked
    assert "budget" not in asked
    assert all("uwv_gemeente" in funding_ids(p) for p in found)
    assert any(c and c["sector"] in ("logistiek", "transport") for p in found for _, c in steps(p))


def test_care_worker_wants_gastvrijheid_in_de_zorg(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-gast",
        CARE_CERTIFICATE,
        {
            "education": "mbo 2",
            "location": "Zwolle",
            "times": "maakt niet uit",
            "payer": "ja",
        },
    )
    assert found[0]["steps"][0]["title"] == "Gastvrijheid in de zorg"
    assert found[0]["steps"][0]["kind"] == "certificaat"


def test_library_employee_informatiedienstverlening(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-bieb",
        "Ik werk in de bibliotheek en wil me bijscholen in informatiedienstverlening",
        {"location": "Groningen", "times": "'s avonds", "payer": "ja"},
    )
    titles = [s["title"] for p in found for s in p["steps"]]
    assert "Informatiedienstverlening in de nieuwe bibliotheek" in titles


def test_no_diploma_wants_to_start(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-start",
        "Ik heb geen diploma en wil graag beginnen met een opleiding",
        {
            "goal": "werk vinden",
            "target": "de zorg",
            "current_work": "ik heb geen werk",
            "location": "Almere",
            "learning_mode": "werken en leren",
        },
    )
    main = found[0]
    assert kinds(main)[:2] == ["entree", "diploma"]
    assert main["steps"][0]["course"]["level"] == 1
    assert main["steps"][1]["course"]["level"] == 2


# --- how the conversation behaves ------------------------------------------------


def test_everything_at_once_is_not_asked_again(stack: Stack) -> None:
    found, asked, _ = converse(
        stack,
        "adv-once",
        ALL_AT_ONCE,
        {"payer": "ja"},
    )
    assert asked == ["payer"]
    assert found[0]["steps"][-1]["course"]["level"] == 4


def test_answers_in_another_order(stack: Stack) -> None:
    messages = chat(stack, "adv-order", "welke opleiding past bij mij?")
    assert question_fact(messages) == "goal"
    # Answers the place and level first, then the goal.
    chat(stack, "adv-order", "ik woon in Breda en heb mbo 2")
    found, asked, _ = converse(
        stack,
        "adv-order",
        "ik wil omscholen naar de logistiek",
        {"current_work": "ik heb nu geen werk", "learning_mode": "werken en leren"},
    )
    assert "location" not in asked
    assert "education" not in asked
    course = found[0]["steps"][-1]["course"]
    assert course["distance_km"] is not None
    assert course["distance_km"] < 40


def test_correction_during_the_intake(stack: Stack) -> None:
    chat(stack, "adv-fix", "ik wil omscholen naar de zorg")
    chat(stack, "adv-fix", "ik heb geen werk")
    chat(stack, "adv-fix", "vmbo")
    chat(stack, "adv-fix", "Utrecht")
    messages = chat(stack, "adv-fix", "nee, ik woon in Tilburg")
    assert "aangepast" in text_of(messages)
    found, _, _ = converse(stack, "adv-fix", "werken en leren", {})
    assert found[0]["steps"][-1]["course"]["place"] != "Utrecht"


def test_correction_after_the_paths_replans(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-replan",
        CARE_CERTIFICATE,
        {"education": "mbo 2", "location": "Zwolle", "times": "maakt niet uit", "payer": "ja"},
    )
    assert found[0]["steps"][0]["course"]["place"] == "Zwolle"
    messages = chat(stack, "adv-replan", "oh nee, ik woon in Maastricht")
    assert "aangepast" in text_of(messages)
    new = paths(messages)
    assert new
    assert new[0]["steps"][0]["course"]["place"] != "Zwolle"


def test_faq_in_between_then_the_same_question(stack: Stack) -> None:
    first = chat(stack, "adv-faq", "ik wil omscholen")
    fact = question_fact(first)
    messages = chat(stack, "adv-faq", "wat is het verschil tussen bol en bbl?")
    assert "BBL" in text_of(messages)
    assert question_fact(messages) == fact
    assert "Dan gaan we verder." in text_of(messages)


def test_evc_question_in_between(stack: Stack) -> None:
    first = chat(stack, "adv-evc", "ik wil doorgroeien in de kinderopvang")
    fact = question_fact(first)
    messages = chat(stack, "adv-evc", "telt mijn werkervaring mee?")
    assert "EVC" in text_of(messages)
    assert question_fact(messages) == fact


def test_funding_question_in_between_then_back(stack: Stack) -> None:
    first = chat(stack, "adv-fund", "ik wil omscholen naar de techniek")
    fact = question_fact(first)
    messages = chat(stack, "adv-fund", "kom ik eigenlijk in aanmerking voor STAP?")
    assert "1 januari 2024" in text_of(messages)
    for reply in ("bbl, werken en leren", "ik ben 40", "nee", "ja"):
        if any((m.get("custom") or {}).get("type") == "eligibility" for m in messages):
            break
        messages = chat(stack, "adv-fund", reply)
    assert any((m.get("custom") or {}).get("type") == "eligibility" for m in messages)
    assert question_fact(messages) == fact


def test_dont_know_where_to_go_gives_fields_with_work(stack: Stack) -> None:
    found, _asked, _ = converse(
        stack,
        "adv-anyfield",
        "ik ben mijn baan kwijt en wil werk vinden",
        {
            "target": "weet ik niet",
            "education": "mbo 2",
            "location": "Zwolle",
            "learning_mode": "maakt niet uit",
            "hours": "weet ik niet",
        },
    )
    assert len(found) >= 2
    assert len({p["title"] for p in found}) == len(found)


def test_no_preference_for_the_mode_is_an_answer(stack: Stack) -> None:
    found, asked, _ = converse(
        stack,
        "adv-nopref",
        "ik wil omscholen naar de logistiek",
        {
            "current_work": "ik heb geen werk",
            "education": "vmbo",
            "location": "Venlo",
            "learning_mode": "maakt niet uit",
            "hours": "20 uur",
        },
    )
    assert asked.count("learning_mode") == 1
    assert found


def test_own_budget_too_small_is_said(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-budget",
        CARE_CERTIFICATE,
        {
            "education": "mbo 2",
            "location": "Zwolle",
            "times": "maakt niet uit",
            "payer": "nee",
            "budget": "ik kan 100 euro betalen",
        },
    )
    assert any("meer dan je zelf" in note for note in found[0]["notes"])


def test_bot_challenge_in_between(stack: Stack) -> None:
    first = chat(stack, "adv-bot", "ik wil bijscholen")
    fact = question_fact(first)
    messages = chat(stack, "adv-bot", "ben jij een robot?")
    assert "chatbot" in text_of(messages)
    assert question_fact(messages) == fact


def test_restart_forgets_the_intake(stack: Stack) -> None:
    chat(stack, "adv-restart", "ik wil omscholen naar de zorg")
    chat(stack, "adv-restart", "opnieuw beginnen")
    messages = chat(stack, "adv-restart", "welke opleiding past bij mij?")
    assert question_fact(messages) == "goal"


def test_path_payload_follows_the_contract(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-shape",
        ALL_AT_ONCE,
        {"payer": "ja"},
    )
    card_fields = {
        "id", "title", "kind", "level", "crebo", "sector", "provider", "place", "region",
        "learning_modes", "duration_weeks", "price_eur", "start_dates", "url",
    }  # fmt: skip
    for path in found:
        assert path["type"] == "path"
        for step in path["steps"]:
            assert {"title", "kind", "why"} <= set(step)
            assert step["why"]
            if step.get("course"):
                assert card_fields <= set(step["course"])
            for option in step.get("funding", []):
                assert {"id", "title", "text"} <= set(option)


def test_little_time_for_bol_becomes_bbl(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-hours",
        "ik wil omscholen naar de zorg",
        {
            "current_work": "ik heb geen werk",
            "education": "vmbo",
            "location": "Arnhem",
            "learning_mode": "naar school",
            "hours": "maar 8 uur per week",
        },
    )
    assert any("8 uur" in note for note in found[0]["notes"])


def test_unclear_answer_asks_the_same_question(stack: Stack) -> None:
    chat(stack, "adv-unclear", "ik wil omscholen naar de zorg")
    chat(stack, "adv-unclear", "ik heb geen werk")
    messages = chat(stack, "adv-unclear", "banaan")
    assert question_fact(messages) == "education"
    # Something out of scope next: said so, and (the second answer it cannot use)
    # the question is skipped, not asked a third time.
    messages = chat(stack, "adv-unclear", "zet een wekker om zeven uur")
    assert "niet mee helpen" in text_of(messages)
    assert "sla deze vraag over" in text_of(messages)
    assert question_fact(messages) != "education"


def test_the_age_from_the_intake_is_used_for_funding(stack: Stack) -> None:
    converse(
        stack,
        "adv-age",
        ALL_AT_ONCE,
        {"payer": "ja"},
    )
    messages = chat(stack, "adv-age", "kan ik levenlanglerenkrediet krijgen?")
    for _ in range(6):
        if any((m.get("custom") or {}).get("type") == "eligibility" for m in messages):
            break
        assert "hoe oud" not in text_of(messages).lower()
        fact_text = text_of(messages).lower()
        reply = '/inform{"funding_answer": "mbo_bol_fulltime"}' if "wat voor" in fact_text else "ja"
        if "studiefinanciering" in fact_text:
            reply = "nee"
        messages = chat(stack, "adv-age", reply)
    assert any((m.get("custom") or {}).get("type") == "eligibility" for m in messages)


def test_goal_button_payload(stack: Stack) -> None:
    chat(stack, "adv-button", "welke opleiding past bij mij?")
    messages = chat(stack, "adv-button", '/inform{"advice_answer": "doorgroeien"}')
    assert question_fact(messages) not in (None, "goal")


def test_childcare_zij_instromer_gets_dutch_3f(stack: Stack) -> None:
    found, _, _ = converse(
        stack,
        "adv-3f",
        "ik werk in de retail en wil zij-instromen in de kinderopvang",
        {
            "education": "havo",
            "location": "Utrecht",
            "learning_mode": "werken en leren",
            "payer": "nee",
            "budget": "ongeveer 2000 euro",
        },
    )
    assert kinds(found[0])[0] == "taal"
    assert "3F" in found[0]["steps"][0]["why"]
