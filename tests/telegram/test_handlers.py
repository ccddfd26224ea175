"""The real PTB Application against the fake Bot API (HTTP) and a fake gateway."""

from __future__ import annotations

import re

import httpx
import pytest

from bot.telegram import texts
from bot.telegram.app import TelegramApp, build_application
from bot.telegram.gateway import GatewayClient
from bot.telegram.identity import sender_id
from core.settings import Settings
from scripts.stack import free_port
from tests.language.readability import check
from tests.telegram import updates
from tests.telegram.conftest import SECRET, FakeGateway, process
from tests.telegram.fake_bot_api import BOT_USERNAME, FakeBotApi

CHAT = 5550001
LONG_PAYLOAD = (
    '/inform{"advice_answer": "ik wil graag doorgroeien naar een hoger niveau in de zorg"}'
)


def only_text(fake_api: FakeBotApi, chat_id: int = CHAT) -> str:
    (call,) = fake_api.sent(chat_id)
    return call.text


# --- forwarding -------------------------------------------------------------


async def test_text_goes_to_the_gateway_under_a_sender_id_nobody_can_guess(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    await process(application, updates.text(CHAT, "Ik zoek een opleiding in de zorg"))
    ((method, path, body),) = fake_gateway.requests
    assert (method, path) == ("POST", "/api/chat")
    assert body is not None
    assert body["message"] == "Ik zoek een opleiding in de zorg"
    assert body["metadata"] == {"channel": "telegram", "telegram_chat_id": CHAT}
    assert re.fullmatch(r"tg-[0-9a-f]{32}", body["sender_id"])
    assert str(CHAT) not in body["sender_id"]
    assert body["sender_id"] == sender_id(SECRET, CHAT)
    assert body["sender_id"] != sender_id("another-installation", CHAT)
    assert fake_api.calls("sendChatAction", CHAT)
    (reply,) = fake_api.sent(CHAT)
    assert reply.text == "Oké, dat snap ik."
    assert reply.params["parse_mode"] == "HTML"


async def test_an_answer_with_nothing_to_show_is_never_silence(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    fake_gateway.answer([{"custom": {"type": "something_new"}}])
    await process(application, updates.text(CHAT, "hmm"))
    assert only_text(fake_api) == texts.NOT_UNDERSTOOD


async def test_no_answer_while_a_counsellor_has_the_conversation(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    # The gateway answers [] only during a takeover: the counsellor replies later.
    fake_gateway.answer([])
    await process(application, updates.text(CHAT, "Wanneer begint het?"))
    assert fake_api.calls("sendMessage") == []
    assert len(fake_gateway.requests) == 1  # the message did reach the gateway


@pytest.mark.parametrize("status", [400, 422, 500, 503])
async def test_a_gateway_error_gets_a_dutch_apology(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway, status: int
) -> None:
    fake_gateway.answer(httpx.Response(status, json={"detail": "nee"}))
    await process(application, updates.text(CHAT, "hoi"))
    assert only_text(fake_api) == texts.UNAVAILABLE


async def test_a_gateway_that_is_down_gets_a_dutch_apology(
    settings: Settings, fake_api: FakeBotApi
) -> None:
    down = settings.model_copy(update={"gateway_url": f"http://127.0.0.1:{free_port()}"})
    app = build_application(down, polling=False)
    async with app:
        await process(app, updates.text(CHAT, "Is er iemand?"))
    assert only_text(fake_api) == texts.UNAVAILABLE
    assert "Sorry" in texts.UNAVAILABLE


async def test_a_too_long_message_is_not_sent_on(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    await process(application, updates.text(CHAT, "woord " * 500))
    assert fake_gateway.requests == []
    assert only_text(fake_api) == texts.TOO_LONG


# --- buttons ----------------------------------------------------------------


def keyboard(call_markup: dict[str, object] | None) -> list[dict[str, str]]:
    assert call_markup is not None
    rows = call_markup["inline_keyboard"]
    assert isinstance(rows, list)
    return [button for row in rows for button in row]


async def test_buttons_become_a_keyboard_and_a_press_sends_the_payload(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    assert len(LONG_PAYLOAD.encode()) > 64
    fake_gateway.answer(
        [
            {
                "text": "Wat wil je bereiken?",
                "buttons": [
                    {"title": "Doorgroeien", "payload": LONG_PAYLOAD},
                    {"title": "Weet ik niet", "payload": "/dont_know"},
                ],
            }
        ],
        [{"text": "Goed, doorgroeien dus."}],
    )
    await process(application, updates.text(CHAT, "Ik wil verder leren"))
    (question,) = fake_api.sent(CHAT)
    buttons = keyboard(question.reply_markup)
    assert [b["text"] for b in buttons] == ["Doorgroeien", "Weet ik niet"]
    for button in buttons:
        assert len(button["callback_data"].encode()) <= 64
        assert "inform" not in button["callback_data"]

    await process(application, updates.callback(CHAT, buttons[0]["callback_data"]))
    assert fake_gateway.messages == ["Ik wil verder leren", LONG_PAYLOAD]
    (answered,) = fake_api.calls("answerCallbackQuery")
    assert "Doorgroeien" in answered.params["text"]
    assert fake_api.sent(CHAT)[-1].text == "Goed, doorgroeien dus."


@pytest.mark.parametrize("data", ["onbekend", "x" * 64])
async def test_an_unknown_button_asks_to_type_the_answer(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway, data: str
) -> None:
    await process(application, updates.callback(CHAT, data))
    assert fake_gateway.requests == []
    assert fake_api.calls("answerCallbackQuery")
    assert only_text(fake_api) == texts.BUTTON_EXPIRED


async def test_a_button_works_only_in_its_own_chat(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    fake_gateway.answer(
        [{"text": "Ja of nee?", "buttons": [{"title": "Ja", "payload": "/affirm"}]}]
    )
    await process(application, updates.text(CHAT, "vraag"))
    token = keyboard(fake_api.sent(CHAT)[0].reply_markup)[0]["callback_data"]
    await process(application, updates.callback(CHAT + 1, token))
    assert fake_gateway.messages == ["vraag"]
    assert only_text(fake_api, CHAT + 1) == texts.BUTTON_EXPIRED


async def test_a_long_answer_is_split_and_the_buttons_go_under_the_last_part(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    lines = [f"Regel {n}: cursus <veiligheid> & zorg " + "tekst " * 12 for n in range(200)]
    fake_gateway.answer(
        [{"text": "\n".join(lines), "buttons": [{"title": "Meer", "payload": "/more"}]}]
    )
    await process(application, updates.text(CHAT, "alles graag"))
    parts = fake_api.sent(CHAT)
    assert len(parts) > 2
    assert all(len(p.text) <= 4096 for p in parts)
    assert [p.reply_markup is not None for p in parts] == [False] * (len(parts) - 1) + [True]
    sent_lines = "\n".join(p.text for p in parts).split("\n")
    assert len(sent_lines) == len(lines)
    assert sent_lines[7].startswith("Regel 7: cursus &lt;veiligheid&gt; &amp; zorg")


# --- commands ---------------------------------------------------------------


async def test_start_explains_and_gives_the_privacy_notice(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    await process(application, updates.text(CHAT, "/start"))
    text = only_text(fake_api)
    assert "Leerwijzer" in text
    assert "zolang je gesprek loopt, tot je /vergeet stuurt" in text
    assert "BSN" in text
    assert "/opnieuw" in text
    assert fake_gateway.requests == []
    assert not re.search(r"\b[Uu]w?\b", text)


async def test_opnieuw_sends_the_restart_intent(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    fake_gateway.answer([])
    await process(application, updates.text(CHAT, "/opnieuw"))
    assert fake_gateway.messages == ["/restart"]
    assert only_text(fake_api) == texts.RESTARTED


async def test_vergeet_erases_the_conversation_and_the_buttons(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    fake_gateway.answer(
        [{"text": "Ja of nee?", "buttons": [{"title": "Ja", "payload": "/affirm"}]}]
    )
    await process(application, updates.text(CHAT, "vraag"))
    token = keyboard(fake_api.sent(CHAT)[0].reply_markup)[0]["callback_data"]

    await process(application, updates.text(CHAT, "/vergeet"))
    assert fake_gateway.requests[-1] == (
        "DELETE",
        f"/api/conversations/{sender_id(SECRET, CHAT)}",
        None,
    )
    assert fake_api.sent(CHAT)[-1].text == texts.FORGOTTEN

    await process(application, updates.callback(CHAT, token))
    assert fake_api.sent(CHAT)[-1].text == texts.BUTTON_EXPIRED
    assert fake_gateway.messages == ["vraag"]


async def test_vergeet_says_so_when_erasing_fails(settings: Settings, fake_api: FakeBotApi) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    gateway = GatewayClient("http://gateway.test", transport=httpx.MockTransport(refuse))
    async with build_application(settings, gateway=gateway, polling=False) as app:
        await process(app, updates.text(CHAT, "/vergeet"))
    assert only_text(fake_api) == texts.FORGET_FAILED


async def test_an_unknown_command_lists_the_commands(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    await process(application, updates.text(CHAT, "/help_mij"))
    assert only_text(fake_api) == texts.UNKNOWN_COMMAND
    assert fake_gateway.requests == []


# --- other kinds of updates -------------------------------------------------


@pytest.mark.parametrize("kind", sorted(updates.MEDIA))
async def test_media_get_a_reply_that_only_text_is_read(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway, kind: str
) -> None:
    await process(application, updates.media(CHAT, kind))
    text = only_text(fake_api)
    _, noun = updates.MEDIA[kind]
    assert noun in text
    assert "Typ" in text
    assert fake_gateway.requests == []


async def test_an_edited_message_is_read_as_the_newest_answer(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    await process(application, updates.text(CHAT, "ik woon in Utrect"))
    await process(application, updates.edited(CHAT, "ik woon in Utrecht"))
    assert fake_gateway.messages == ["ik woon in Utrect", "ik woon in Utrecht"]
    assert len(fake_api.sent(CHAT)) == 2


async def test_in_a_group_only_a_command_or_mention_gets_one_note(
    application: TelegramApp, fake_api: FakeBotApi, fake_gateway: FakeGateway
) -> None:
    group = -100123
    await process(application, updates.text(group, "Ik zoek een opleiding", chat_type="group"))
    await process(application, updates.text(group, "/start@ander_bot", chat_type="supergroup"))
    assert fake_api.sent(group) == []

    await process(application, updates.text(group, "/start", chat_type="group"))
    await process(application, updates.mention(group, BOT_USERNAME, "welke cursus past bij mij?"))
    notes = fake_api.sent(group)
    assert len(notes) == 2
    for note in notes:
        assert f"https://t.me/{BOT_USERNAME}" in note.text
        assert "groep" in note.text
    assert fake_gateway.requests == []


def test_every_own_text_is_b1() -> None:
    for name, text in texts.all_texts().items():
        assert not check(text.format(kind="foto", link="https://t.me/x")), name
