"""`make chat`: rendering of gateway answers, input handling, and the loop over real HTTP."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from advice.schemas import FundingOption, PathStep, TrainingPath
from catalogue.schemas import CourseCard
from scripts.chat import (
    Action,
    Button,
    chat_loop,
    course_line,
    error_detail,
    euros,
    interpret,
    main,
    render_messages,
)
from scripts.stack import free_port

Json = dict[str, Any]


def card(**changes: Any) -> Json:
    """A course card exactly as the gateway serialises it (catalogue.schemas.CourseCard)."""
    values: Json = {
        "id": 17,
        "title": "Verzorgende IG",
        "kind": "diploma",
        "level": 3,
        "crebo": "25655",
        "sector": "zorg",
        "provider": "ROC Midden Nederland",
        "place": "Utrecht",
        "region": "Utrecht",
        "learning_modes": ["bbl"],
        "duration_weeks": 52,
        "price_eur": 1200.0,
        "start_dates": [dt.date(2025, 9, 1)],
        "url": "https://www.rocmn.nl/verzorgende-ig",
        "is_sample": True,
    }
    values.update(changes)
    dumped: Json = CourseCard(**values).model_dump(mode="json")
    return dumped


COURSE_REPLY: list[Json] = [
    {"text": "Ik vond 12 opleidingen over de zorg bij Utrecht. Dit zijn de eerste 2:"},
    {
        "custom": {
            "type": "course_list",
            "courses": [
                card(),
                card(
                    id=18,
                    title="Helpende Zorg en Welzijn",
                    level=2,
                    learning_modes=["bol", "deeltijd"],
                    place="Amersfoort",
                    distance_km=19.6,
                    duration_weeks=None,
                    price_eur=None,
                    is_sample=False,
                ),
            ],
            "total": 12,
        }
    },
    {
        "text": "Wil je meer weten?",
        "buttons": [
            {"title": "Meer opleidingen", "payload": "/more_courses"},
            {"title": "Wie betaalt?", "payload": '/ask_funding{"scheme":"stap"}'},
        ],
    },
]

PATH_REPLY: list[Json] = [
    {
        "text": "Dit is een route die bij je past.",
        "custom": TrainingPath(
            title="Jouw route naar verzorgende IG",
            steps=[
                PathStep(
                    title="Laat zien wat je al kunt",
                    kind="evc",
                    why="Je hebt 5 jaar in de thuiszorg gewerkt.\nDat telt mee.",
                ),
                PathStep(
                    title="Verzorgende IG",
                    kind="diploma",
                    why="Met dit diploma mag je zelfstandig werken.",
                    course=CourseCard(**{**card(), "start_dates": []}),
                    funding=[
                        FundingOption(id="werkgever", title="Je werkgever", text="Vraag het."),
                        FundingOption(id="llo", title="Levenlanglerenkrediet", text="Lenen."),
                    ],
                ),
            ],
            cost_eur=1200.0,
            weeks=78,
            notes=["Prijzen zijn voorbeelden."],
        ).payload(),
    }
]

ELIGIBILITY_REPLY: list[Json] = [
    {
        "custom": {
            "type": "eligibility",
            "result": {
                "scheme": "levenlanglerenkrediet",
                "outcome": "unknown",
                "amount_eur": 2000.5,
                "scheme_active": True,
                "reasons": [
                    {
                        "rule": "age",
                        "status": "pass",
                        "explanation": "Je bent jonger dan 55 jaar.",
                        "source": "https://duo.nl/llk",
                    },
                    {
                        "rule": "programme",
                        "status": "unknown",
                        "explanation": "Ik weet nog niet welke opleiding je doet.",
                        "source": "https://duo.nl/llk",
                    },
                    {"rule": "nationality", "status": "unknown", "explanation": "Nationaliteit."},
                    {"rule": "finance", "status": "pass", "explanation": "Geen studie."},
                ],
                "missing": ["programme_kind", "nationality_ok"],
            },
        }
    },
    {"text": "Welke opleiding ga je doen?"},
]


# --- rendering ------------------------------------------------------------------


def test_course_cards_one_line_each_with_total() -> None:
    rendered = render_messages(COURSE_REPLY)
    assert rendered.lines == (
        "bot> Ik vond 12 opleidingen over de zorg bij Utrecht. Dit zijn de eerste 2:",
        "  courses: 12 found, 2 shown",
        "  - Verzorgende IG (diploma, niveau 3, BBL) · ROC Midden Nederland, Utrecht"
        " · 52 weken · € 1.200 · voorbeeld",
        "  - Helpende Zorg en Welzijn (diploma, niveau 2, BOL/DEELTIJD)"
        " · ROC Midden Nederland, Amersfoort (20 km) · prijs: vraag de school",
        "bot> Wil je meer weten?",
        "  [1] Meer opleidingen  [2] Wie betaalt?",
    )
    assert rendered.buttons == (
        Button("Meer opleidingen", "/more_courses"),
        Button("Wie betaalt?", '/ask_funding{"scheme":"stap"}'),
    )


def test_card_without_level_or_provider() -> None:
    line = course_line({"title": "EHBO", "kind": "cursus", "level": None, "price_eur": 95})
    assert line == "EHBO (cursus) · € 95"


def test_path_as_numbered_steps_with_why_course_and_totals() -> None:
    assert render_messages(PATH_REPLY).lines == (
        "bot> Dit is een route die bij je past.",
        "  path: Jouw route naar verzorgende IG (2 steps)",
        "  1. Laat zien wat je al kunt [evc]",
        "     why: Je hebt 5 jaar in de thuiszorg gewerkt. Dat telt mee.",
        "  2. Verzorgende IG [diploma]",
        "     why: Met dit diploma mag je zelfstandig werken.",
        "     course: Verzorgende IG (diploma, niveau 3, BBL) · ROC Midden Nederland, Utrecht"
        " · 52 weken · € 1.200 · voorbeeld",
        "     funding: Je werkgever, Levenlanglerenkrediet",
        "  total: cost € 1.200 · about 78 weeks",
        "  note: Prijzen zijn voorbeelden.",
    )


def test_eligibility_outcome_and_first_reasons() -> None:
    assert render_messages(ELIGIBILITY_REPLY).lines == (
        "  eligibility levenlanglerenkrediet: unknown · € 2.000,50",
        "    - pass: Je bent jonger dan 55 jaar.",
        "    - unknown: Ik weet nog niet welke opleiding je doet.",
        "    - unknown: Nationaliteit.",
        "    (+1 more reasons)",
        "    missing: programme_kind, nationality_ok",
        "bot> Welke opleiding ga je doen?",
    )


def test_handoff_erased_unknown_and_empty() -> None:
    handoff: list[Json] = [
        {
            "text": "Ik geef je vraag door aan een adviseur.\nDe adviseur antwoordt hier.",
            "custom": {"type": "handoff", "status": "queued", "ticket": "K7M2PQ"},
        },
        {"text": "Ik heb je gesprek gewist.", "custom": {"type": "erased"}},
        {"custom": {"type": "map", "lat": 52.1, "lon": 5.1}},
        {"image": "https://example.org/kaart.png"},
    ]
    assert render_messages(handoff).lines == (
        "bot> Ik geef je vraag door aan een adviseur.",
        "     De adviseur antwoordt hier.",
        "  handoff: queued · ticket K7M2PQ",
        "bot> Ik heb je gesprek gewist.",
        "  (conversation erased)",
        "  [map] lat, lon",
        "  image: https://example.org/kaart.png",
    )
    assert render_messages([]).lines == ("bot> (no answer)",)
    assert render_messages([{"text": "  "}]).lines == ("bot> (no answer)",)


def test_buttons_numbered_across_messages() -> None:
    rendered = render_messages(
        [
            {"text": "Ja of nee?", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
            {"buttons": [{"title": "Nee", "payload": "/deny"}, {"title": "x"}]},
        ]
    )
    assert rendered.lines == ("bot> Ja of nee?", "  [1] Ja", "  [2] Nee")
    assert [b.payload for b in rendered.buttons] == ["/affirm", "/deny"]


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(1200, "€ 1.200"), (1200.5, "€ 1.200,50"), (0, "€ 0"), (1234567.891, "€ 1.234.567,89")],
)
def test_euros(amount: float, shown: str) -> None:
    assert euros(amount) == shown


def test_interpret() -> None:
    buttons = [Button("Ja", "/affirm"), Button("Nee", "/deny")]
    assert interpret("2", buttons) == Action("send", "/deny")
    assert interpret(" 1 ", buttons) == Action("send", "/affirm")
    assert interpret("3", buttons) == Action("send", "3")  # no such button: an answer
    assert interpret("25", []) == Action("send", "25")
    assert interpret("/say 2", buttons) == Action("send", "2")
    assert interpret("/greet", buttons) == Action("send", "/greet")
    assert interpret("ik zoek een opleiding", buttons) == Action("send", "ik zoek een opleiding")
    assert interpret("/QUIT", buttons) == Action("quit")
    assert interpret("/new", buttons) == Action("new")
    assert interpret("/raw", buttons) == Action("raw")
    assert interpret("   ", buttons) == Action("nothing")


def test_error_detail() -> None:
    assert error_detail(503, {"detail": "Sorry."}) == "gateway answered 503: Sorry."
    validation = {"detail": [{"loc": ["body", "sender_id"], "msg": "too long", "type": "x"}]}
    assert error_detail(422, validation) == "gateway answered 422: body.sender_id: too long"
    assert error_detail(502, None) == "gateway answered 502"


# --- the loop against a local HTTP server -------------------------------------------


@dataclass
class FakeGateway:
    """A tiny stand-in for the gateway's /api/chat and /healthz."""

    url: str
    requests: list[Json] = field(default_factory=list)


def fake_gateway_app(requests: list[Json]) -> FastAPI:
    app = FastAPI()

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        dependencies = {"database": "ok", "rasa": "down", "action_server": "ok"}
        return JSONResponse({"status": "degraded", "dependencies": dependencies}, 503)

    @app.post("/api/chat")
    async def chat(request: Request) -> Json:
        body: Json = await request.json()
        requests.append(body)
        message = body["message"]
        if message == "kapot":
            raise HTTPException(503, "Sorry, de assistent is nu even niet bereikbaar.")
        if message == "lang":
            raise HTTPException(422, "message is longer than 2000 characters")
        if message == "/more_courses":
            return {"sender_id": body["sender_id"], "messages": COURSE_REPLY[1:2]}
        if message == "route":
            return {"sender_id": body["sender_id"], "messages": PATH_REPLY}
        return {"sender_id": body["sender_id"], "messages": COURSE_REPLY}

    return app


@pytest.fixture(scope="module")
def gateway() -> Iterator[FakeGateway]:
    requests: list[Json] = []
    port = free_port()
    config = uvicorn.Config(
        fake_gateway_app(requests), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "fake gateway did not start"
        time.sleep(0.02)
    try:
        yield FakeGateway(url=f"http://127.0.0.1:{port}", requests=requests)
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def run_loop(url: str, lines: list[str], *, raw: bool = False) -> list[str]:
    """The loop with typed lines (then Ctrl-D); what it printed, line by line."""
    typed = iter(lines)
    printed: list[str] = []

    def read(prompt: str) -> str:
        assert prompt == "jij> "
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    with httpx.Client(base_url=url, timeout=5) as client:
        assert chat_loop(client, read=read, write=printed.append, raw=raw) == 0
    return "\n".join(printed).splitlines()


def test_loop_sends_text_and_button_payloads(gateway: FakeGateway) -> None:
    gateway.requests.clear()
    printed = run_loop(gateway.url, ["zorg in utrecht", "1", "", "/new", "2"])
    sent = [(r["message"], r["sender_id"], r["metadata"]) for r in gateway.requests]
    assert [s[0] for s in sent] == ["zorg in utrecht", "/more_courses", "2"]
    # One sender id until /new, a fresh one after; always the cli channel.
    assert sent[0][1] == sent[1][1] != sent[2][1]
    assert all(s[1].startswith("cli-") for s in sent)
    assert all(s[2] == {"channel": "cli"} for s in sent)
    # "2" after /new: no buttons shown in this conversation yet, so it is text.
    assert printed[0] == f"Chatting with {gateway.url} as {sent[0][1]}. /help lists the commands."
    assert printed[1] == "! the stack is degraded: rasa=down"
    assert "  courses: 12 found, 2 shown" in printed
    assert "  [1] Meer opleidingen  [2] Wie betaalt?" in printed
    assert f"New conversation as {sent[2][1]}." in printed


def test_loop_prints_errors_and_goes_on(gateway: FakeGateway) -> None:
    printed = run_loop(gateway.url, ["kapot", "lang", "route", "/quit", "never sent"])
    assert "! gateway answered 503: Sorry, de assistent is nu even niet bereikbaar." in printed
    assert "! gateway answered 422: message is longer than 2000 characters" in printed
    assert "  path: Jouw route naar verzorgende IG (2 steps)" in printed
    assert gateway.requests[-1]["message"] == "route"


def test_loop_raw_toggle(gateway: FakeGateway) -> None:
    printed = run_loop(gateway.url, ["/raw", "/more_courses", "/raw", "/more_courses"])
    assert sum('"type": "course_list"' in line for line in printed) == 1
    assert printed[printed.index("Raw JSON on.") + 1] == "{"
    assert "Raw JSON on." in printed
    assert "Raw JSON off." in printed
    assert printed.count("  courses: 12 found, 2 shown") == 2


def test_unreachable_gateway_is_a_clear_message() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    printed = run_loop(url, ["hallo"])
    expected = f"! cannot reach the gateway at {url}"
    assert printed[1].startswith(expected)
    assert printed[2].startswith(expected)
    assert "make run" in printed[2]
    assert not any("Traceback" in line for line in printed)


def test_main_with_url_and_end_of_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], gateway: FakeGateway
) -> None:
    lines = iter(["zorg"])

    def fake_input(prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    assert main(["--url", gateway.url]) == 0
    out = capsys.readouterr().out
    assert "bot> Wil je meer weten?" in out


def test_main_rejects_a_url_that_is_not_http(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--url", "ftp://127.0.0.1:1"]) == 2
    assert "must be http:// or https://" in capsys.readouterr().err
