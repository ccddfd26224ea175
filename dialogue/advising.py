"""The advice intake in the dialogue: apply facts, say what changed, ask the next question, plan.

A question that could not be read twice is not asked a third time: the bot
skips it and goes on (advice.intake then treats it as answered).
"""

from __future__ import annotations

import datetime as dt

from advice.fields import load_knowledge
from advice.intake import QUESTIONS, next_question
from advice.messages import path_messages
from dialogue.answers import PASSING
from dialogue.found import Found
from dialogue.funding import question_for
from dialogue.heard import Heard
from dialogue.said_back import QUIET, describe, said_again, say_changes
from dialogue.services import CatalogueUnavailableError, Services
from dialogue.state import FLAGS, DialogueState
from dialogue.texts import text
from dialogue.turn import Turn

# Which profile fields answer which intake question.
ANSWERED_BY: dict[str, tuple[str, ...]] = {
    "goal": ("goal",),
    "target": ("target_occupation", "target_sector", "target_topic"),
    "current_work": ("current_occupation", "current_sector", "employment"),
    "years_experience": ("years_experience",),
    "education": ("education", "foreign_diploma"),
    "location": ("location",),
    "dutch": ("dutch_ok",),
    "hours": ("hours_per_week",),
    "times": ("times",),
    "learning_mode": ("learning_mode", "excluded_modes"),
    "payer": ("payer", "has_employer"),
    "budget": ("budget_eur",),
}


def apply(turn: Turn, found: Found, *, services: Services) -> list[tuple[str, bool]]:
    """Store what the message said; (field, was a correction) for every fact that changed."""
    state = turn.state
    changes: list[tuple[str, bool]] = []
    for name, (value, said, source) in found.values.items():
        if name == "location" and source == "typed" and said and not services.place_known(value):
            continue
        before = state.value(name)
        known_before = (
            before is not None and before != [] and not (before is False and name in FLAGS)
        )
        if state.learn(name, value, said=said, source=source):
            changes.append((name, known_before))
    _rule_out(state, found)
    return changes


def _rule_out(state: DialogueState, found: Found) -> None:
    """Fields the person ruled out stay out of every later search and route."""
    ruled_out = [s for s in state.value("not_sectors") or [] if s != state.value("target_sector")]
    ruled_out += [s for s in found.not_sectors if s not in ruled_out]
    state.learn("not_sectors", ruled_out, said=None, source="typed")


def ask_again(turn: Turn) -> None:
    """After a side answer: the waiting intake question once more (not counted as a miss)."""
    state = turn.state
    if state.pending is None:
        return
    if state.pending.kind == "funding":
        asked = question_for(state.pending.fact)
        turn.write(asked.text, buttons=asked.buttons)
    elif state.pending.kind == "intake" and state.pending.fact in QUESTIONS:
        question = QUESTIONS[state.pending.fact]
        turn.write(question.text, buttons=question.buttons)


def resume(turn: Turn) -> bool:
    """After an interruption (a funding check, the erase question): the put-aside question."""
    if restore(turn):
        turn.say("resume")
        ask_again(turn)
        return True
    return False


def restore(turn: Turn) -> bool:
    state = turn.state
    if state.resume and state.resume in QUESTIONS:
        state.ask("intake", state.resume)
        state.task = "intake"
        state.resume = None
        return True
    state.resume = None
    return False


def _infer_goal(state: DialogueState) -> None:
    """ "ik wil verzorgende worden" says where to go, not the goal: the goal follows from it."""
    if state.value("goal") is not None:
        return
    profile = state.profile()
    if not profile.has_target:
        return
    knowledge = load_knowledge()
    target = knowledge.field_of(
        occupation=profile.target_occupation,
        sector=profile.target_sector,
        topic=profile.target_topic,
    )
    current = knowledge.field_of(
        occupation=profile.current_occupation, sector=profile.current_sector, topic=None
    )
    if profile.employment == "werkzoekend" and current is None:
        goal = "werk_vinden"
    elif current is not None and target is not None and current.family == target.family:
        goal = "doorgroeien"
    else:
        goal = "omscholen"
    state.learn("goal", goal, said=None, source="inferred")


def answers(fact: str, found: Found) -> bool:
    """Whether the message's facts answer the intake question `fact`."""
    return found.skipped or any(name in found.values for name in ANSWERED_BY.get(fact, ()))


def _answered(
    state: DialogueState, fact: str, changes: list[tuple[str, bool]], found: Found
) -> bool:
    names = {name for name, _ in changes}
    return found.skipped or bool(names & set(ANSWERED_BY.get(fact, ())))


def advance(
    turn: Turn,
    heard: Heard,
    found: Found,
    *,
    passing: str | None,
    services: Services,
    today: dt.date,
) -> None:
    state = turn.state
    pending = (
        state.pending if state.pending is not None and state.pending.kind == "intake" else None
    )
    changes = apply(turn, found, services=services)
    if pending is not None and found.skipped:
        state.skip(pending.fact)
    wish = any(
        name in ("goal", "target_occupation", "target_sector", "target_topic")
        for name, _ in changes
    )
    started = pending is not None or state.task == "intake" or heard.intent == "ask_advice" or wish
    if passing:
        turn.write(passing)
    if (
        state.paths
        and (state.task == "advice_given" or not started or heard.intent == "ask_advice")
        and pending is None
    ):
        _after_paths(turn, heard, changes, found, services=services)
        return
    if not started:
        _outside(turn, heard, changes, found, passing=passing)
        return
    say_changes(turn, changes)
    if any(name == "foreign_diploma" for name, _ in changes):
        turn.write(PASSING["foreign_diploma"])
    if (
        pending is not None
        and not _answered(state, pending.fact, changes, found)
        and passing is None
        # Facts for other questions are noted, not a miss: the question comes again.
        and not changes
        and not said_again(turn, list(found.values))
    ):
        pending.misses += 1
        if heard.intent == "out_of_scope":
            # Said so; it still counts: a question is never asked a third time.
            turn.say("out_of_scope")
        if pending.misses >= 2:
            state.skip(pending.fact)
            turn.say("skip_question")
        elif heard.intent != "out_of_scope":
            turn.say("not_understood")
    elif (
        pending is not None
        and changes
        and not _answered(state, pending.fact, changes, found)
        and not any(correction for _, correction in changes)
    ):
        # Said in passing ("alleen bbl" when asked for a diploma): noted, and said so.
        new = [describe(state, name) for name, _ in changes if name not in QUIET]
        words = [w for w in new if w]
        if words:
            turn.say("noted", facts=", ".join(words))
    elif pending is None and state.task != "intake":
        turn.say("start")
    state.task = "intake"
    _infer_goal(state)
    question = next_question(state.profile(), load_knowledge())
    if (
        question is not None
        and pending is not None
        and question.fact == pending.fact
        and pending.asked >= 2
        and not passing
    ):
        # Asked twice and still open: never a third time; it counts as skipped.
        state.skip(question.fact)
        turn.say("skip_question")
        question = next_question(state.profile(), load_knowledge())
    if question is None:
        give_paths(turn, services=services)
        return
    if passing and pending is not None and question.fact == pending.fact:
        turn.say("resume")
    state.ask("intake", question.fact)
    turn.write(question.text, buttons=question.buttons)


def _after_paths(
    turn: Turn,
    heard: Heard,
    changes: list[tuple[str, bool]],
    found: Found,
    *,
    services: Services,
) -> None:
    """Paths were given: a changed fact re-plans them, asking again shows them again."""
    relevant = [(n, c) for n, c in changes if n not in QUIET or n == "employment"]
    if relevant:
        corrected = [describe(turn.state, n) for n, _ in relevant]
        words = [c for c in corrected if c]
        if words:
            turn.say("changed", changes=", ".join(words))
        turn.say("replanned")
        give_paths(turn, services=services)
        return
    if heard.intent == "ask_advice":
        turn.say("paths_again")
        give_paths(turn, services=services)
        return
    if not turn.replies:
        _outside(turn, heard, changes, found, passing=None)


def _outside(
    turn: Turn,
    heard: Heard,
    changes: list[tuple[str, bool]],
    found: Found,
    *,
    passing: str | None,
) -> None:
    """Facts or a bare yes/no while nothing is going on."""
    state = turn.state
    if changes:
        facts = [describe(state, name) for name, _ in changes if name not in QUIET]
        words = [f for f in facts if f]
        if words:
            turn.say("noted", facts=", ".join(words))
        goal = QUESTIONS["goal"]
        if not state.paths:
            turn.write(text("offer_advice"), buttons=goal.buttons)
        state.unclear = 0
        return
    if passing:
        state.unclear = 0
        return
    if said_again(turn, list(found.values)):
        state.unclear = 0
        return
    intent = heard.intent
    if intent == "affirm":
        turn.say("acknowledge_yes")
    elif intent == "deny":
        turn.say("acknowledge_no")
    elif intent == "dont_know":
        turn.say("acknowledge_dont_know")
    elif intent == "out_of_scope":
        turn.say("out_of_scope")
    else:
        state.unclear += 1
        turn.say("unclear_again" if state.unclear >= 2 else "unclear")
        return
    state.unclear = 0


def give_paths(turn: Turn, *, services: Services) -> None:
    state = turn.state
    try:
        paths = services.plan(state.profile())
    except CatalogueUnavailableError:
        turn.say("catalogue_down")
        state.pending = None
        return
    for message in path_messages(paths):
        turn.send(message)
    state.paths = [path.title for path in paths] or ["(geen route)"]
    state.pending = None
    state.resume = None
    state.task = "advice_given"
