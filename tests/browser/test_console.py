"""The counsellor console in Chromium: login, lock-out, the live queue, takeover into the widget."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from sqlalchemy.orm import Session

from bot.console.accounts import create_account, create_organisation
from bot.console.schema import upgrade_console
from catalogue.db import make_engine
from scripts.stack import Stack
from tests.browser.test_widget import ALL_AT_ONCE, open_widget, say, wait_idle

PASSWORD = "een-lang-wachtwoord-voor-anna"


@pytest.fixture(scope="module")
def counsellors(stack: Stack) -> dict[str, str]:
    """ROC A with a counsellor, made the way an admin would, in the stack's app database."""
    url = f"sqlite:///{stack.config.data_dir / 'app.db'}"
    upgrade_console(url)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        create_organisation(session, slug="roc-a", name="ROC A")
        for email, name in [("anna@roc-a.nl", "Anna"), ("lock@roc-a.nl", "Lotte")]:
            create_account(
                session, organisation_slug="roc-a", email=email, name=name,
                role="counsellor", password=PASSWORD,
            )  # fmt: skip
    engine.dispose()
    return {"anna": "anna@roc-a.nl", "locked": "lock@roc-a.nl"}


def log_in(page: Page, stack: Stack, email: str, password: str) -> None:
    page.goto(f"{stack.config.gateway_url}/console/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_wrong_password_then_lock_out(page: Page, stack: Stack, counsellors: Any) -> None:
    log_in(page, stack, counsellors["locked"], "niet-het-goede-wachtwoord")
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    for _ in range(4):
        log_in(page, stack, counsellors["locked"], "niet-het-goede-wachtwoord")
    expect(page.get_by_role("alert")).to_contain_text("geblokkeerd")
    log_in(page, stack, counsellors["locked"], PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("geblokkeerd")


def test_handoff_takeover_reply_and_handback(
    browser: Browser, host_site: Any, stack: Stack, counsellors: Any
) -> None:
    client = browser.new_context(locale="nl-NL").new_page()
    counsellor = browser.new_context(locale="nl-NL").new_page()
    try:
        log_in(counsellor, stack, counsellors["anna"], PASSWORD)
        expect(counsellor.get_by_role("heading", name="Welkom, Anna")).to_be_visible()
        expect(counsellor.locator("#queue-empty")).to_be_visible()

        root = open_widget(client, host_site[1])
        say(root, "ik wil met een adviseur praten")
        expect(root.locator(".handoff")).to_contain_text("wachtrij", timeout=30_000)
        ticket = root.locator(".handoff .ticket").inner_text().split(": ")[1]

        # The queue updates live, without a reload.
        link = counsellor.get_by_role("link", name=ticket)
        expect(link).to_be_visible(timeout=15_000)
        link.click()
        expect(counsellor.locator("#transcript")).to_contain_text("adviseur praten")
        expect(counsellor.locator(".nlu").first).to_contain_text("request_human")
        counsellor.get_by_role("button", name="Overnemen").click()
        expect(counsellor.locator("#state")).to_contain_text("De bot zwijgt")
        expect(root.locator(".msg.counsellor").last).to_contain_text("Je praat nu met Anna")

        say(root, "Kan ik ook in de avond les krijgen?")
        expect(counsellor.locator("#transcript")).to_contain_text("in de avond", timeout=15_000)
        wait_idle(root)
        bot_answers = root.locator(".msg.bot").count()
        counsellor.get_by_label("Je antwoord aan de klant").fill(
            "Ja, bij ROC A kan dat op dinsdag."
        )
        counsellor.get_by_role("button", name="Verstuur").click()
        expect(root.locator(".msg.counsellor").last).to_contain_text("op dinsdag")
        # The bot said nothing while the counsellor had the conversation.
        assert root.locator(".msg.bot").count() == bot_answers

        counsellor.get_by_role("button", name="Teruggeven aan de bot").click()
        expect(root.locator(".msg.counsellor").last).to_contain_text("weer met Leerwijzer")
        say(root, "Zijn er cursussen over warmtepompen bij Enschede?")
        expect(root.locator(".card").first).to_be_visible(timeout=30_000)
        # After a reload the person sees the counsellor's part of the conversation too.
        client.reload()
        root = client.locator("[data-leerwijzer]")
        root.get_by_role("button", name="Chat met Studiechat").click()
        expect(root.locator(".msg.counsellor")).to_have_count(3)
    finally:
        client.context.close()
        counsellor.context.close()


def test_assisted_session_on_the_phone_profile_edit_and_plan(
    browser: Browser, stack: Stack, counsellors: Any
) -> None:
    counsellor = browser.new_context(locale="nl-NL").new_page()
    phone = browser.new_context(
        locale="nl-NL", viewport={"width": 375, "height": 667}, is_mobile=True
    ).new_page()
    try:
        log_in(counsellor, stack, counsellors["anna"], PASSWORD)
        counsellor.get_by_role("button", name="Nieuwe sessie met een klant").click()
        expect(counsellor.locator("#state")).to_contain_text("Sessie met een klant")
        qr = counsellor.get_by_role("img", name="QR-code")
        expect(qr).to_be_visible()
        assert qr.evaluate("img => img.naturalWidth") > 0
        code = counsellor.locator("#code").inner_text()
        sender = counsellor.url.rsplit("/", 1)[1]

        # The client's phone joins the same conversation with the code.
        phone.goto(f"{stack.config.gateway_url}/c/{code}")
        widget = phone.locator("[data-leerwijzer]")
        expect(widget.get_by_role("textbox", name="Je bericht")).to_be_visible()
        counsellor.get_by_label("Typ voor de klant").fill(ALL_AT_ONCE)
        counsellor.get_by_role("button", name="Stuur naar de bot").click()
        expect(widget.locator(".msg.user").last).to_contain_text("kinderopvang", timeout=30_000)
        yes = widget.locator(".buttons").last.get_by_role("button", name="Ja")
        expect(yes).to_be_visible(timeout=30_000)
        yes.click()
        expect(widget.locator(".path").first).to_be_visible(timeout=30_000)
        expect(counsellor.locator("#paths li").first).to_be_visible(timeout=15_000)
        # A used code does not open the conversation a second time.
        assert phone.request.get(f"{stack.config.gateway_url}/c/{code}").status == 404

        # The counsellor corrects the place; it flows back into the conversation's state.
        counsellor.get_by_label("Woonplaats").fill("Enschede")
        counsellor.get_by_role("button", name="Opslaan in het gesprek").click()
        expect(counsellor.locator("#profile-state")).to_contain_text("Opgeslagen")
        tracker = httpx.get(f"{stack.config.rasa_url}/conversations/{sender}/tracker").json()
        location = tracker["slots"]["dialogue"]["facts"]["location"]
        assert location == {"value": "Enschede", "said": "Enschede", "source": "counsellor"}
        counsellor.get_by_label("Leren").select_option("bol")
        counsellor.get_by_role("button", name="Wat als? Toon routes").click()
        expect(counsellor.locator("#what-if-paths li").first).to_be_visible(timeout=15_000)

        # "What if" funding: the loan for a full-time BOL course at 45, no student finance.
        counsellor.get_by_label("Leeftijd", exact=True).nth(1).fill("45")
        counsellor.get_by_label("Soort opleiding").select_option("mbo_bol_fulltime")
        counsellor.get_by_label("Recht op studiefinanciering").select_option("false")
        counsellor.get_by_role("button", name="Check financiering").click()
        check = counsellor.locator("#funding-check")
        expect(check).to_contain_text("Levenlanglerenkrediet")
        expect(check.locator("li li").first).to_be_visible()

        counsellor.get_by_label("Nieuwe notitie").fill("Wil na de zomer beginnen.")
        counsellor.get_by_role("button", name="Notitie opslaan").click()
        expect(counsellor.locator("#notes")).to_contain_text("na de zomer")

        # The plan to take home: a printable page and a PDF with the same text.
        counsellor.get_by_role("link", name="Plan om mee te geven").click()
        expect(counsellor.get_by_role("heading", name="Mijn leerplan")).to_be_visible()
        route_title = counsellor.locator(".route h2").first.inner_text()
        pdf = counsellor.request.get(
            f"{stack.config.gateway_url}/console/conversations/{sender}/plan.pdf"
        )
        assert pdf.status == 200
        assert pdf.headers["content-type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
        assert "Mijn leerplan" in text
        assert route_title in text
        assert "Wat ga je nu doen?" in text
        assert "Anna" in text
    finally:
        counsellor.context.close()
        phone.context.close()
