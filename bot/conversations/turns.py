"""One turn of a conversation, whichever door it came through.

The widget and Telegram (``POST /api/chat``), the console's "typ voor de
klant" and the client's phone in an assisted session all take a turn here, so
every turn gets the same treatment:

- input hygiene: lone surrogates and control characters are dropped, a text
  that looks like a Rasa payload for an intent the domain does not have goes
  as plain text, metadata the actions cannot use is left out;
- one turn at a time per conversation (the sender lock);
- the counsellor first: while one has the conversation, Rasa is not asked;
- Rasa, then erasure when the reply asks for it (confirmed ``forget_me``);
- the empty-reply guard: no answer, or one outside the contract, becomes a
  short apology instead of silence;
- live events for the console, the queue and a joined phone.

A Rasa or action server that cannot be reached raises
``AssistantUnavailableError``; the route turns that into its 503.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Mapping
from functools import partial
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.console.delivery import remember_telegram_chat
from bot.console.handoff import has_active_handoff
from bot.console.takeover import intercept_turn
from bot.conversations.forget import ERASE_REQUEST, ERASED, forget_conversation
from bot.conversations.live import QUEUE_TOPIC, LiveHub, chat_topic, console_topic
from bot.conversations.ordering import SenderLocks
from bot.gateway.rasa_client import AssistantUnavailableError, InvalidReplyError, RasaClient
from bot.gateway.schemas import Message
from catalogue.db import read_once_more_on_a_cut
from core.settings import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)

DOMAIN_FILE = PROJECT_ROOT / "bot" / "domain.yml"
# Said instead of silence when Rasa had nothing (a failed action) or a broken reply (B1).
APOLOGY = (
    "Sorry, er ging iets mis bij mij. Probeer het nog een keer, of zeg het op een andere manier."
)
# Metadata the Telegram adapter adds so counsellors can reply; kept from Rasa.
TELEGRAM_CHAT_ID = "telegram_chat_id"
COURSE_ID = "course_id"
# Catalogue ids are 32-bit: a larger one makes the action's query fail.
MAX_COURSE_ID = 2**31 - 1

# Where a turn came from: the person's own channel, or a counsellor typing for them.
Door = Literal["chat", "console"]

# Lone surrogates (JSON allows "\ud800") cannot be encoded for Rasa's tracker
# store; C0 controls other than tab and newline, and DEL, are not text either.
_NOT_TEXT = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
# Rasa's own reading of "/intent@0.9{...}": the intent runs up to "{" or "@".
_PAYLOAD = re.compile(r"/(?P<intent>[^{@]+)")


def load_intents(domain_path: Path = DOMAIN_FILE) -> frozenset[str]:
    """The intents of the Rasa domain: one file, or every YAML file of a domain folder."""
    files = sorted(domain_path.glob("**/*.yml")) if domain_path.is_dir() else [domain_path]
    intents: set[str] = set()
    for file in files:
        domain = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for entry in domain.get("intents") or []:
            if isinstance(entry, str):  # `- greet`
                intents.add(entry)
            elif isinstance(entry, dict):  # `- greet: {use_entities: [...]}`
                intents.update(str(name) for name in entry)
    return frozenset(intents)


def clean_text(text: str, *, intents: Collection[str]) -> str:
    """The text as Rasa should get it; may be empty when nothing readable was left."""
    text = _NOT_TEXT.sub("", text).strip()
    match = _PAYLOAD.match(text)
    if match is not None and match["intent"].strip() in intents:
        return text  # a button payload: Rasa sets the intent and entities itself
    # Not a payload Rasa knows: it would keep the slash and its NLU would read
    # "/iets{...}" as is. Without the slash it is what the person typed.
    return text.lstrip("/").strip() if text.startswith("/") else text


def clean_metadata(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata without values the actions cannot use (a course id outside the catalogue's)."""
    cleaned = {str(key): _clean_value(value) for key, value in metadata.items()}
    course_id = cleaned.get(COURSE_ID)
    if COURSE_ID in cleaned and not _is_course_id(course_id):
        del cleaned[COURSE_ID]
    return cleaned


def _is_course_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_COURSE_ID


def _clean_value(value: object) -> object:
    if isinstance(value, str):
        return _NOT_TEXT.sub("", value)
    if isinstance(value, dict):
        return {_NOT_TEXT.sub("", str(k)): _clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(item) for item in value]
    return value


def apology() -> Message:
    return Message(text=APOLOGY)


class TurnService:
    """Takes turns for every door; one per gateway process (``app.state.turns``)."""

    def __init__(
        self,
        *,
        rasa: RasaClient,
        locks: SenderLocks,
        live: LiveHub,
        settings: Settings,
        tracker_engine: Engine,
        app_sessions: sessionmaker[Session],
        handoff_reader: Engine,
        intents: Collection[str],
    ) -> None:
        self._rasa = rasa
        self._locks = locks
        self._live = live
        self._settings = settings
        self._tracker_engine = tracker_engine
        self._app_sessions = app_sessions
        self._handoff_reader = handoff_reader
        self._intents = frozenset(intents)

    @property
    def intents(self) -> frozenset[str]:
        return self._intents

    async def take_turn(
        self,
        *,
        sender_id: str,
        text: str,
        metadata: Mapping[str, Any] | None = None,
        door: Door = "chat",
    ) -> list[Message]:
        """What the person sees after saying `text`; never empty unless a counsellor answers.

        Raises AssistantUnavailableError when Rasa or the action server cannot be reached.
        """
        data = dict(metadata or {})
        chat_id = data.pop(TELEGRAM_CHAT_ID, None)
        data = clean_metadata(data)
        said = clean_text(text, intents=self._intents)
        if not said:
            # Only unreadable characters: Rasa would answer an empty message at random.
            logger.warning("turn without readable text: apology")
            return [apology()]
        erased = False
        try:
            # Turns of one conversation go to Rasa one after the other, in order.
            async with self._locks.hold(sender_id):
                intercepted = self._counsellor_turn(sender_id=sender_id, text=said, chat_id=chat_id)
                if intercepted is not None:
                    messages = replies_as_messages(intercepted, from_rasa=False)
                else:
                    replies = await self._rasa.send_message(
                        sender_id=sender_id, message=said, metadata=data
                    )
                    if any(reply.get("custom") == ERASE_REQUEST for reply in replies):
                        # Confirmed forget_me: Rasa has saved the turn, now nothing remains.
                        forget_conversation(
                            tracker_engine=self._tracker_engine,
                            app_sessions=self._app_sessions,
                            sender_id=sender_id,
                        )
                        replies = [{"text": ERASED, "custom": {"type": "erased"}}]
                        erased = True
                    messages = replies_as_messages(replies)
        except AssistantUnavailableError as error:
            # Which dependency failed is logged; the message itself is not.
            logger.warning("assistant unavailable: %s", error)
            raise
        except InvalidReplyError as error:
            logger.error("%s: apology", error)
            messages = [apology()]
        self._publish(sender_id, said=said, messages=messages, door=door, erased=erased)
        return messages

    def _counsellor_turn(
        self, *, sender_id: str, text: str, chat_id: object
    ) -> list[dict[str, Any]] | None:
        """The reply without Rasa while a counsellor has the conversation, else None.

        Also remembers a Telegram chat for the counsellor's replies. Its own
        short transaction: holding one open while Rasa runs would block the
        action server's writes to the same SQLite file. Most turns have no
        handoff and no chat to remember: one prepared query answers those.
        """
        if chat_id is None and not read_once_more_on_a_cut(
            self._handoff_reader, partial(has_active_handoff, sender_id=sender_id)
        ):
            return None
        with self._app_sessions() as session, session.begin():
            if chat_id is not None:
                remember_telegram_chat(
                    session, settings=self._settings, sender_id=sender_id, chat_id=chat_id
                )
            return intercept_turn(session, sender_id=sender_id, text=text)

    def _publish(
        self, sender_id: str, *, said: str, messages: list[Message], door: Door, erased: bool
    ) -> None:
        if door == "console":
            # The client's phone, if it joined, shows what the counsellor typed and the answer.
            topic = chat_topic(sender_id)
            self._live.publish(topic, {"role": "user", "text": said})
            for message in messages:
                self._live.publish(topic, message.model_dump(exclude_none=True))
        # A counsellor watching this conversation sees the turn; the queue may have changed.
        self._live.publish(console_topic(sender_id), {"type": "erased" if erased else "turn"})
        self._live.publish(QUEUE_TOPIC, {"type": "queue"})


def replies_as_messages(replies: list[dict[str, Any]], *, from_rasa: bool = True) -> list[Message]:
    """Rasa's replies as contract messages; the apology when there are none or one is broken.

    The log names what was wrong (fields, kinds), never the text. An empty list
    that is not from Rasa (a counsellor has the conversation) stays empty.
    """
    try:
        messages = [
            Message.model_validate({k: v for k, v in reply.items() if k != "recipient_id"})
            for reply in replies
        ]
    except ValidationError as error:
        # A bug in a response or an action: the person gets the apology, not a 500.
        problems = [(e["loc"], e["type"]) for e in error.errors()]
        logger.error("rasa reply outside the contract: %s", problems)
        return [apology()]
    if not messages and from_rasa:
        # Rasa hides a failed custom action (or one that said nothing) behind an empty answer.
        logger.error("rasa answered nothing (an action failed or said nothing): apology")
        return [apology()]
    return messages


def make_turn_service(
    *,
    rasa: RasaClient,
    locks: SenderLocks,
    live: LiveHub,
    settings: Settings,
    tracker_engine: Engine,
    app_sessions: sessionmaker[Session],
    handoff_reader: Engine,
    domain_path: Path = DOMAIN_FILE,
) -> TurnService:
    """The service with the domain's intents, read now (at start-up), not at import."""
    return TurnService(
        rasa=rasa,
        locks=locks,
        live=live,
        settings=settings,
        tracker_engine=tracker_engine,
        app_sessions=app_sessions,
        handoff_reader=handoff_reader,
        intents=load_intents(domain_path),
    )
