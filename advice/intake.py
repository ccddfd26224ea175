"""Which intake question comes next: only what the advice needs and is not known."""

from __future__ import annotations

from dataclasses import dataclass

from advice.fields import Field, Knowledge
from advice.profile import Fact, Profile

ANSWER_ENTITY = "advice_answer"


def _button(title: str, value: str) -> dict[str, str]:
    return {"title": title, "payload": f'/inform{{"{ANSWER_ENTITY}": "{value}"}}'}


DONT_KNOW = {"title": "Weet ik niet", "payload": "/dont_know"}
NO_PREFERENCE = {"title": "Maakt niet uit", "payload": "/dont_know"}


@dataclass(frozen=True)
class Question:
    fact: Fact
    text: str
    buttons: tuple[dict[str, str], ...] = ()


QUESTIONS: dict[Fact, Question] = {
    "goal": Question(
        "goal",
        "Wat wil je bereiken?",
        (
            _button("Doorgroeien in mijn vak", "doorgroeien"),
            _button("Iets anders gaan doen", "omscholen"),
            _button("Werk vinden", "werk_vinden"),
            _button("Bijscholen", "bijscholen"),
            _button("Een certificaat halen", "certificaat"),
            DONT_KNOW,
        ),
    ),
    "target": Question(
        "target",
        "In welk vak wil je werken of leren? Bijvoorbeeld zorg, techniek of logistiek.",
        (
            _button("Zorg", "sector:zorg"),
            _button("Kinderopvang", "sector:kinderopvang"),
            _button("Techniek", "sector:techniek"),
            _button("Logistiek", "sector:logistiek"),
            DONT_KNOW,
        ),
    ),
    "current_work": Question(
        "current_work",
        "Wat voor werk doe je nu? Of wat deed je hiervoor?",
        (_button("Ik heb nu geen werk", "no_work"),),
    ),
    "years_experience": Question(
        "years_experience",
        "Hoeveel jaar doe je dit werk al?",
        (
            _button("Minder dan 2 jaar", "1"),
            _button("2 tot 5 jaar", "3"),
            _button("Meer dan 5 jaar", "6"),
        ),
    ),
    "education": Question(
        "education",
        "Wat is je hoogste diploma?",
        (
            _button("Geen diploma", "geen"),
            _button("Vmbo", "vmbo"),
            _button("Mbo 1 of 2", "2"),
            _button("Mbo 3", "3"),
            _button("Mbo 4", "4"),
            _button("Havo, vwo of hoger", "havo"),
        ),
    ),
    "location": Question("location", "In welke plaats woon je?"),
    "dutch": Question(
        "dutch",
        "Spreek je al goed Nederlands?",
        (
            _button("Ja, goed", "dutch:yes"),
            _button("Een beetje", "dutch:no"),
        ),
    ),
    "hours": Question(
        "hours",
        "Hoeveel uur per week kun je leren?",
        (
            _button("Tot 8 uur", "6"),
            _button("8 tot 16 uur", "12"),
            _button("16 tot 24 uur", "20"),
            _button("Meer dan 24 uur", "32"),
        ),
    ),
    "times": Question(
        "times",
        "Wanneer kun je leren?",
        (
            _button("Overdag", "time:overdag"),
            _button("'s Avonds", "time:avond"),
            _button("In het weekend", "time:weekend"),
            NO_PREFERENCE,
        ),
    ),
    "learning_mode": Question(
        "learning_mode",
        "Hoe wil je leren? Bij BBL werk en leer je tegelijk. Bij BOL ga je vooral naar school.",
        (
            _button("Werken en leren (BBL)", "mode:bbl"),
            _button("Naar school (BOL)", "mode:bol"),
            _button("Online", "mode:online"),
            NO_PREFERENCE,
        ),
    ),
    "payer": Question(
        "payer",
        "Wil je werkgever misschien meebetalen?",
        (
            _button("Ja", "payer:werkgever"),
            _button("Nee", "payer:zelf"),
            DONT_KNOW,
        ),
    ),
    "budget": Question(
        "budget",
        "Hoeveel geld kun je zelf aan een opleiding uitgeven?",
        (
            _button("Niets", "budget:0"),
            _button("Tot € 500", "budget:500"),
            _button("Tot € 2.000", "budget:2000"),
            _button("Meer", "budget:5000"),
        ),
    ),
}

# Goals that need a field to move into, and goals that build on current work.
_NEEDS_TARGET = ("omscholen", "zij-instromen", "werk_vinden", "certificaat")
_BUILDS_ON_WORK = ("doorgroeien", "bijscholen")
# Goals whose path may hold a whole mbo programme (so admission and time matter).
_PROGRAMME_GOALS = ("doorgroeien", "omscholen", "zij-instromen", "werk_vinden")


def needs(profile: Profile, knowledge: Knowledge) -> list[Fact]:
    """Every fact the advice for this profile still needs, in the order to ask."""
    wanted: list[Fact] = ["goal"]
    goal = profile.goal
    if goal in _NEEDS_TARGET or (goal == "bijscholen" and not profile.has_current_work):
        wanted.append("target")
    if goal in _BUILDS_ON_WORK or (goal is not None and profile.employment is None):
        wanted.append("current_work")
    if experience_counts(profile, knowledge):
        wanted.append("years_experience")
    if goal in _PROGRAMME_GOALS or goal == "certificaat":
        wanted.append("education")
    if profile.learning_mode != "online":
        wanted.append("location")
    if profile.newcomer:
        wanted.append("dutch")
    # Time only decides between BOL and BBL; working in the field means BBL anyway.
    if goal in _PROGRAMME_GOALS and not bbl_follows(profile, knowledge):
        wanted.append("learning_mode")
        if profile.learning_mode not in ("bbl", "online"):
            wanted.append("hours")
    if goal in ("bijscholen", "certificaat") and profile.employment == "werkend":
        wanted.append("times")
    if profile.employment == "werkend":
        wanted.append("payer")
    if profile.employment != "werkzoekend" and profile.payer in (None, "zelf"):
        wanted.append("budget")
    return [fact for fact in wanted if not _known(profile, fact)]


def next_question(profile: Profile, knowledge: Knowledge) -> Question | None:
    missing = needs(profile, knowledge)
    return QUESTIONS[missing[0]] if missing else None


def experience_counts(profile: Profile, knowledge: Knowledge) -> bool:
    """Current work in the same family as the target: experience may earn exemptions."""
    if not profile.has_current_work or profile.goal in (None, "certificaat", "bijscholen"):
        return False
    current = knowledge.field_of(
        occupation=profile.current_occupation, sector=profile.current_sector, topic=None
    )
    if current is None:
        return False
    target = target_field(profile, knowledge)
    if target is None:
        # Where they want to go decides whether it counts; that is asked first.
        return profile.goal == "doorgroeien"
    return current.family == target.family


def target_field(profile: Profile, knowledge: Knowledge) -> Field | None:
    return knowledge.field_of(
        occupation=profile.target_occupation,
        sector=profile.target_sector,
        topic=profile.target_topic,
    )


def bbl_follows(profile: Profile, knowledge: Knowledge) -> bool:
    """Working in the field you learn for: BBL (learn on the job) is the obvious route."""
    if profile.learning_mode is not None:
        return profile.learning_mode == "bbl"
    if profile.employment != "werkend" or not profile.has_current_work:
        return False
    current = knowledge.field_of(
        occupation=profile.current_occupation, sector=profile.current_sector, topic=None
    )
    target = target_field(profile, knowledge)
    if current is None:
        return False
    if target is None:
        return profile.goal in _BUILDS_ON_WORK
    return target.name == current.name


def _known(profile: Profile, fact: Fact) -> bool:
    if profile.answered(fact):
        return True
    values: dict[Fact, object] = {
        "goal": profile.goal,
        "target": profile.target_occupation or profile.target_sector or profile.target_topic,
        "current_work": profile.current_occupation
        or profile.current_sector
        or (profile.employment == "werkzoekend" or None),
        "years_experience": profile.years_experience,
        "education": profile.education,
        "location": profile.location,
        "dutch": profile.dutch_ok,
        "hours": profile.hours_per_week,
        "times": profile.times or None,
        "learning_mode": profile.learning_mode,
        "payer": profile.payer,
        "budget": profile.budget_eur,
    }
    return values[fact] is not None
