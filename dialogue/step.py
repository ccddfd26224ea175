"""The one place that decides a turn: (state, what the NLU heard) -> replies and the new state.

Order of concerns, first match wins:

1. messages that are no words (emoji only, payload syntax, prompt injection);
2. the erase question and erase requests (erasure by typing, on every door);
3. "stop", and a wish for a person;
4. a funding question that waits;
5. facts in the message (with corrections said back exactly), a question
   asked in passing (answered, then the waiting question again), refining the
   last search, or the task the intent asks for.
"""

from __future__ import annotations

import datetime as dt
import re

from dialogue import advising, cues, funding_turn, search
from dialogue.answers import answer_question
from dialogue.facts import read_facts
from dialogue.found import Found
from dialogue.heard import Heard
from dialogue.reading import normalise
from dialogue.said_back import describe, say_changes
from dialogue.services import Services
from dialogue.state import DialogueState
from dialogue.turn import ERASE_REQUEST, Turn

ERASE_BUTTONS = (
    {"title": "Ja, wis alles", "payload": "/forget_me"},
    {"title": "Nee, niet wissen", "payload": "/deny"},
)
# Facts a question names without saying them about oneself ("wat is bbl?",
# "is dit echte info van de scholen?"): not taken from a question answered in passing.
QUESTION_WORDS_FACTS = (
    "goal", "target_occupation", "target_sector", "target_topic",
    "current_occupation", "current_sector", "employment",
    "learning_mode", "excluded_modes", "times", "hours_per_week",
)  # fmt: skip
SMALL_TALK = {
    "greet": "greet",
    "goodbye": "goodbye",
    "thank": "thanks",
    "bot_challenge": "bot",
    "ask_capabilities": "capabilities",
}
_KNOWN_ABOUT_ME = re.compile(r"\bwat (weet|onthoud|bewaar|heb) (je|jij)\b.*\b(van|over) (mij|me)\b")
_ERASE_CUE = re.compile(
    r"\b(verwijder|wis|wissen|vergeet|delete)\b.*\b(gegevens|gesprek|data|alles|mij|info)\b|"
    r"\b(gegevens|gesprek|alles)\b.*\b(verwijderen|wissen|weg)\b"
)


def step(state: DialogueState, heard: Heard, *, services: Services, today: dt.date) -> Turn:
    turn = Turn(state=state.model_copy(deep=True))
    text = heard.text.strip()
    if _not_words(turn, heard, text):
        return turn
    if _erasure(turn, heard, text):
        return turn
    control = cues.control(text)
    if control == "stop":
        _stop(turn)
        return turn
    if heard.intent == "request_human":
        turn.replies += services.hand_over(
            reason="request_human", place=turn.state.value("location")
        )
        advising.ask_again(turn)
        return turn
    pending = turn.state.pending
    if (
        pending is not None
        and pending.kind == "funding"
        and funding_turn.answers(heard, pending.fact)
    ):
        funding_turn.answer(turn, heard, today=today)
        return turn
    if pending is not None and pending.kind == "funding" and cues.is_question(text):
        # A question in between ("wat is studiefinanciering?"): answered, then the same question.
        passing = answer_question(text, turn.state, intent=heard.intent)
        if passing is not None:
            turn.write(passing)
            advising.ask_again(turn)
            return turn
    if pending is not None and pending.kind == "funding":
        # Something else than the answer: the check waits no longer.
        turn.state.pending = None
        turn.state.task = "idle"
        if turn.state.resume:
            turn.state.task = "intake"
    _decide(turn, heard, text, control, services=services, today=today)
    return turn


def _not_words(turn: Turn, heard: Heard, text: str) -> bool:
    """Emoji only, payload syntax or an instruction to the bot: a short normal answer."""
    if cues.only_symbols(text):
        turn.say("symbols")
    elif (not heard.button and cues.payload_like(text)) or (
        heard.button and heard.intent not in _KNOWN_INTENTS
    ):
        turn.say("payload")
    elif cues.INJECTION.search(normalise(text)):
        turn.say("injection")
    else:
        return False
    advising.ask_again(turn)
    return True


_KNOWN_INTENTS = {
    "greet", "goodbye", "affirm", "deny", "thank", "bot_challenge", "ask_capabilities",
    "search_course", "ask_advice", "inform", "ask_funding", "ask_validation",
    "ask_course_details", "faq", "request_human", "forget_me", "restart", "out_of_scope",
    "dont_know", "nlu_fallback",
}  # fmt: skip


def _erasure(turn: Turn, heard: Heard, text: str) -> bool:
    state = turn.state
    if state.pending is not None and state.pending.kind == "erase":
        confirmed = cues.confirms_erase(text)
        if heard.button:
            confirmed = heard.intent == "forget_me" or (False if heard.intent == "deny" else None)
        if confirmed:
            turn.send({"json_message": ERASE_REQUEST})
            state.pending = None
            return True
        state.pending = None
        if confirmed is False:
            turn.say("erase_kept")
            if not advising.resume(turn):
                turn.say("how_to_help")
            return True
        # Something else: the question is dropped and the message read as usual.
        advising.restore(turn)
        return False
    words = normalise(text)
    if heard.intent == "forget_me" or _ERASE_CUE.search(words):
        if state.pending is not None and state.pending.kind == "intake":
            state.resume = state.pending.fact
        state.ask("erase", "erase")
        turn.say("erase_ask", buttons=ERASE_BUTTONS)
        return True
    return False


def _stop(turn: Turn) -> None:
    state = turn.state
    busy = state.pending is not None or state.task in ("intake", "funding")
    state.pending = None
    state.resume = None
    state.task = "advice_given" if state.paths else "idle"
    turn.say("stopped" if busy else "stopped_nothing")


def _with(state: DialogueState, found: Found) -> DialogueState:
    """The state as it will be with this message's facts (for answers about "you")."""
    preview = state.model_copy(deep=True)
    for name, (value, said, source) in found.values.items():
        preview.learn(name, value, said=said, source=source)
    return preview


def _decide(
    turn: Turn,
    heard: Heard,
    text: str,
    control: cues.Control | None,
    *,
    services: Services,
    today: dt.date,
) -> None:
    state = turn.state
    intake_fact = state.pending.fact if state.pending and state.pending.kind == "intake" else None
    found = read_facts(state, heard, pending=intake_fact, today=today)
    intent = heard.intent

    # Refining the last search: "meer", "dichterbij", "alleen BBL", "in Tilburg".
    if (
        state.task == "search"
        and intake_fact is None
        and (control in ("more", "closer") or search.refines(heard, found))
    ):
        search.refine(turn, heard, found, control, services=services, today=today)
        return
    if control == "more" and intake_fact is None:
        if state.search is not None:
            search.refine(turn, heard, found, control, services=services, today=today)
        else:
            turn.say("search_nothing_before")
        return

    if _KNOWN_ABOUT_ME.search(normalise(text)):
        known = [describe(state, name) for name in state.facts]
        words = [k for k in known if k]
        if words:
            turn.say("known", facts="; ".join(words))
        else:
            turn.say("known_nothing")
        advising.ask_again(turn)
        return
    question = cues.is_question(text) or intent in ("faq", "ask_validation", "ask_course_details")
    passing = answer_question(text, _with(state, found), intent=intent) if question else None
    if intent == "ask_course_details" and (
        heard.course_id or (state.search and state.search.shown)
    ):
        # "hoeveel kost die opleiding?" after a search: that course's own facts first.
        passing = search.course_details(turn, heard, services=services) or passing
    wish = re.search(r"\b(worden|word|wil|zou|graag)\b", normalise(text))
    if passing is not None and not wish:
        # The words of a question name fields without wishing for them
        # ("is dit echte info van de scholen?", "heb ik in de zorg een vog nodig?").
        for name in QUESTION_WORDS_FACTS:
            found.values.pop(name, None)

    scheme = funding_turn.named_scheme(heard)
    # "nee, mijn baas betaalt niks" may sound like a funding question; it answers ours.
    answers_ours = intake_fact is not None and advising.answers(intake_fact, found)
    funding_question = intent == "ask_funding" and passing is None and not answers_ours
    # "kan het ook in bbl?" gives a fact; it is no question about money. An age is a
    # funding fact: "ik ben 45, kan ik geld krijgen?" starts the check.
    if scheme is not None or (funding_question and set(found.values) <= {"age"}):
        changes = advising.apply(turn, found, services=services)
        say_changes(turn, changes)
        if passing is not None:
            # "levenlanglerenkrediet, hoeveel kan ik lenen?": the answer, then the check.
            turn.write(passing)
        funding_turn.start(turn, heard, services=services, today=today)
        return
    if intent == "search_course" and search.wants_search(heard, found, intake_fact):
        search.new_search(turn, heard, found, services=services, today=today)
        return
    if intent in SMALL_TALK and not found.values and passing is None:
        turn.say(SMALL_TALK[intent])
        if intent != "goodbye":
            advising.ask_again(turn)
        return
    if intent == "ask_course_details" and passing is None:
        passing = search.course_details(turn, heard, services=services)
    advising.advance(turn, heard, found, passing=passing, services=services, today=today)
