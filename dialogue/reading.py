"""Reading typed Dutch answers: yes/no, amounts, years, education, time.

The one place that reads free text beside the NLU (the entities and intents
come from Rasa). Every reader takes the text as typed and returns what it
found with the words that said it, or None. Number words come from
`nlu.numbers`, which the NLU components use too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

import yaml

from nlu.numbers import TEENS, TENS, UNITS, parse_number_at, parse_number_word
from nlu.text import fold
from nlu.vocabulary import VOCABULARY_DIR

YesNo = Literal["yes", "no", "unknown"]


@functools.cache
def _spellings() -> dict[str, str]:
    """Chat spelling -> standard word ("k" -> "ik", "nie" -> "niet")."""
    with (VOCABULARY_DIR / "spelling.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    table: dict[str, str] = {}
    for standard, variants in (data.get("values") or {}).items():
        for variant in variants or []:
            table[fold(str(variant))] = fold(str(standard))
    # Forms the reader needs that the NLU's table keeps apart on purpose.
    table.update({"nee": "nee", "neen": "nee", "nop": "nee", "nope": "nee", "jep": "ja"})
    return table


_WORD = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]")
# Drawn-out chat words: "jaaa" -> "ja", "neeee" -> "nee", "okeee" -> "oke".
_DRAWN_OUT = (
    (re.compile(r"^ja{2,}$"), "ja"),
    (re.compile(r"^ne{3,}$"), "nee"),
    (re.compile(r"^oke{2,}$"), "oke"),
)
# Words the NLU spelling table folds that must stay as they are here.
_KEEP = {"werken", "baan", "kunnen", "kun", "kunt", "me", "hele", "erg", "zin", "job"}


def normalise(text: str) -> str:
    """Folded text with chat spellings replaced word by word: "k wil nie" -> "ik wil niet"."""
    folded = fold(text).replace("’", "'")
    table = _spellings()
    words = []
    for token in _WORD.findall(folded):
        for drawn_out, plain in _DRAWN_OUT:
            if drawn_out.match(token):
                token = plain
        words.append(token if token in _KEEP else table.get(token, token))
    joined = " ".join(words)
    # Keep amounts and years together again: "1 . 500" -> "1.500", "2 , 5" -> "2,5".
    joined = re.sub(r"(?<=\d) ([.,]) (?=\d)", r"\1", joined)
    return re.sub(r"' s ", "'s ", joined)


# --- yes / no -----------------------------------------------------------------

_UNKNOWN = re.compile(
    r"\b(weet (ik )?(het |dat )?(nog |echt )?niet|weet niet|geen (flauw )?idee|misschien|"
    r"twijfel|hangt (er ?van )?af|geen flauw|wie weet|kweenie|weetniet|onzeker|weet ik veel|"
    r"dat moet ik (nog )?(vragen|navragen|uitzoeken)|nog niet zeker|zou (het )?niet weten|"
    r"zou kunnen|wellicht|mogelijk)\b"
)
_DENIAL = re.compile(
    r"\b(nee|niet|geen|nooit|liever niet|nah|neuh|nein|no|helaas|zeker niet|"
    r"absoluut niet|ben ik niet|heb ik niet|niks|niets)\b"
)
_AFFIRMATION = re.compile(
    r"\b(ja|jawel|jazeker|jaja|yes|yep|jup|klopt|zeker|tuurlijk|natuurlijk|inderdaad|"
    r"prima|graag|doe maar|is goed|goed|oke|ok|okay|okido|akkoord|precies|correct|"
    r"dat wil ik|dat klopt|wel|zeker weten|absoluut|uiteraard|top|prima)\b"
)


def read_yes_no(text: str) -> YesNo | None:
    """ "ja hoor" -> yes; "nee, dat betaal ik zelf" -> no; "weet ik nog niet" -> unknown."""
    words = normalise(text)
    if re.search(r"\b(ik )?denk het (wel|van wel)\b", words):
        return "yes"
    if re.search(r"\b(ik )?denk (het )?(niet|van niet)\b", words):
        return "no"
    if _UNKNOWN.search(words):
        return "unknown"
    if re.search(r"\b(ik )?denk het\b", words):
        # "ik denk het": I think so.
        return "yes"
    no, yes = _DENIAL.search(words), _AFFIRMATION.search(words)
    if no and yes:
        # The first word decides: "ja, maar geen ..." is yes, "nee hoor, wel ..." is no;
        # "niet zo goed" against "goed" needs the denial before it.
        return "yes" if yes.start() < no.start() else "no"
    if no:
        return "no"
    if yes:
        return "yes"
    return None


# --- amounts ------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    euros: int
    said: str


_NOTHING = re.compile(
    r"\b(niks|niets|nul|geen (geld|cent|euro|budget|rooie cent)|0 euro|helemaal niks|"
    r"kan ik niet betalen|heb ik niet)\b|^(0|geen)( [.!])?$"
)
# "1.500", "1500", "2.000,-", "2,5k", "2.5k", "2k", "€ 2000"
_NUMBER = re.compile(
    r"(\d+\.\d{1,2}(?=\s*(?:k|duizend)\b)|\d+(?:\.\d{3})*(?:,\d+)?)\s*(k|duizend|\.?000)?\b"
)
_FEW = re.compile(r"\b(een )?paar (honderd|duizend)\b")
_WORD_AMOUNT = re.compile(
    r"\b((?:" + "|".join([*UNITS, *TEENS, *TENS]) + r")?)\s*(honderd|duizend)\b"
)


def _euros(number: str, suffix: str | None) -> int | None:
    # "2.5k": a decimal point before thousands; otherwise the dot groups thousands.
    plain = number if re.fullmatch(r"\d+\.\d{1,2}", number) else number.replace(".", "")
    try:
        value = float(plain.replace(",", "."))
    except ValueError:
        return None
    if suffix in ("k", "duizend"):
        value *= 1000
    return round(value)


def read_amount(text: str) -> Amount | None:
    """Euros someone can spend: "2k" 2000, "tussen de 500 en 1000" 1000, "niks" 0."""
    words = normalise(text)
    numbers = [
        value
        for match in _NUMBER.finditer(words)
        if (value := _euros(match.group(1), match.group(2))) is not None
    ]
    said = text.strip()[:60]
    if numbers:
        # A range is a ceiling: the most they said they can spend.
        return Amount(max(numbers), said)
    few = _FEW.search(words)
    if few:
        return Amount(300 if few.group(2) == "honderd" else 2000, said)
    spelled = _WORD_AMOUNT.search(words)
    if spelled:
        base = parse_number_word(spelled.group(1)) if spelled.group(1) else 1
        unit = 100 if spelled.group(2) == "honderd" else 1000
        return Amount((base or 1) * unit, said)
    if _NOTHING.search(words):
        return Amount(0, said)
    return None


# --- years and durations -------------------------------------------------------


@dataclass(frozen=True)
class Years:
    years: int
    said: str


_NUMBER_WORD = "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True))
_YEARS = re.compile(
    r"\b((?:meer dan|ruim|bijna|zo'?n|ongeveer|minstens|wel|al|pas|net)\s+)?"
    r"(\d{1,2}|(?:" + _NUMBER_WORD + r")(?: ?en ?(?:" + "|".join(TENS) + r"))?)"
    r"\s*(?:jaar|jr|jaren)\b"
)
_YEAR_OR_SO = re.compile(r"\been jaar of (\d{1,2}|" + _NUMBER_WORD + r")\b")
_SINCE = re.compile(r"\b(?:sinds|vanaf|sedert|in)\s+((?:19|20)\d\d)\b")
_AGE_BEFORE = re.compile(r"\b(ik ben|ben ik|leeftijd|ik word)\s*(al\s*|nu\s*|bijna\s*)?$")
# After "ik ben 45 jaar" an age ends the clause; "ik ben al 20 jaar kapper" is experience.
_AGE_AFTER = re.compile(r"^\s*($|oud\b|jong\b|[,.;!?]|(en|maar|want|dus|of)\b)")
# Said before any count of years: "minder dan een jaar" is not one year.
_UNDER_A_YEAR = re.compile(r"\b(nog geen|minder dan (een|1)) (heel )?jaar\b")
_FEW_MONTHS = re.compile(
    r"\b(een )?half jaar\b|\bpaar maanden\b|\bpas (net|kort)\b|\bnet begonnen\b|\bsinds dit jaar\b"
)


def read_years(text: str, today: dt.date) -> Years | None:
    """Years of experience: "al tien jaar" 10, "sinds 2015", "een jaar of acht" 8."""
    words = normalise(text)
    since = _SINCE.search(words)
    if since and int(since.group(1)) <= today.year:
        return Years(today.year - int(since.group(1)), f"sinds {since.group(1)}")
    if re.search(r"\bsinds (vorig|verleden) jaar\b", words):
        return Years(1, "sinds vorig jaar")
    if _UNDER_A_YEAR.search(words):
        return Years(0, "minder dan een jaar")
    so = _YEAR_OR_SO.search(words)
    if so:
        value = parse_number_word(so.group(1))
        if value is not None:
            return Years(value, f"een jaar of {value}")
    for match in _YEARS.finditer(words):
        before = words[: match.start()]
        after = words[match.end() :]
        if after.startswith((" oud", "oud", " geleden")) or (
            _AGE_BEFORE.search(before) and _AGE_AFTER.match(after)
        ):
            continue
        # "ik woon nu drie jaar in nederland", "3 jaar thuis geweest": not years of work.
        clause = re.split(r"[,.;!?]|\b(?:en|maar|want|dus)\b", before)[-1] + after[:30]
        if re.search(r"\b(woon|wonen|woonde|thuis|in nederland|hier|getrouwd|kinderen)\b", clause):
            continue
        value = parse_number_word(match.group(2).replace(" ", ""))
        if value is None or value > 50:
            continue
        lead = (match.group(1) or "").strip()
        return Years(
            value,
            f"{lead} {value} jaar".strip()
            if lead in ("meer dan", "ruim", "bijna", "ongeveer", "minstens")
            else f"{value} jaar",
        )
    if _FEW_MONTHS.search(words):
        return Years(0, "minder dan een jaar")
    if re.search(r"\bgeen (werk)?ervaring\b|\bnog nooit (gedaan|gewerkt)\b", words):
        return Years(0, "geen ervaring")
    if re.search(r"\b(een )?paar jaar\b", words):
        return Years(3, "een paar jaar")
    if re.search(r"\b(al )?(heel )?(veel |vele )?jaren\b|\bheel lang\b|\bal lang\b", words):
        return Years(10, "al jaren")
    return None


# --- education -------------------------------------------------------------------


@dataclass(frozen=True)
class Education:
    # One of advice.profile.EDUCATION_LEVELS, or None when only "foreign" is known.
    level: str | None
    said: str
    foreign: bool = False


_MBO_LEVEL = re.compile(
    r"\bmbo\s*[- ]?\s*(?:niveau\s*)?([1-4])\b|\bniveau\s*([1-4])\b|\bmbo([1-4])\b"
)
_SCHOOL_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("wo", re.compile(r"\b(universiteit|uni|wo|master|msc|ma|doctoraal|phd)\b")),
    ("hbo", re.compile(r"\b(hbo|hogeschool|bachelor|bsc|ingenieur|hts|heao|pabo)\b")),
    ("vwo", re.compile(r"\b(vwo|atheneum|gymnasium|lyceum)\b")),
    ("havo", re.compile(r"\bhavo\b")),
    ("vmbo", re.compile(r"\b(vmbo|mavo|lbo|vbo|lts|huishoudschool|vmbo-?[tkbg]|kader|tl)\b")),
    ("entree", re.compile(r"\b(entree|entreeopleiding)\b")),
)
_NO_DIPLOMA = re.compile(
    r"\b(geen (enkel )?diploma|geen opleiding|geen papieren|nooit (een )?diploma|"
    r"niks afgemaakt|niets afgemaakt|nooit afgemaakt)\b|^(geen|niks|niets)( [.!])?$"
)
# Primary school only: no diploma, also when it was abroad.
_PRIMARY_ONLY = re.compile(r"\b(basisschool|lagere school)\b")
_UNFINISHED = re.compile(r"\b(niet afgemaakt|niet gehaald|afgebroken|gestopt|niet afgerond|half)\b")
# Countries by name: "in psychologie", "in economie" or "in friesland" are not abroad.
_COUNTRIES = (  # noqa: SIM905 (a list of words reads better as text)
    "buitenland polen syrie eritrea turkije marokko oekraine roemenie bulgarije afghanistan "
    "iran irak somalie ethiopie spanje portugal brazilie india suriname belgie duitsland "
    "frankrijk engeland schotland ierland italie griekenland hongarije litouwen letland estland "
    "tsjechie slowakije kroatie servie bosnie albanie kosovo macedonie moldavie rusland belarus "
    "georgie armenie azerbeidzjan pakistan bangladesh nepal china vietnam thailand indonesie "
    "filipijnen japan korea egypte libie tunesie algerije soedan sudan jemen jordanie libanon "
    "palestina israel arabie koeweit nigeria ghana kenia oeganda congo kameroen angola afrika "
    "senegal gambia guinee liberia mexico colombia venezuela peru chili argentinie cuba amerika "
    "usa canada australie zweden noorwegen denemarken finland oostenrijk zwitserland kirgizie"
).split()
_FOREIGN = re.compile(
    r"\b(uit|in) (het )?(" + "|".join(_COUNTRIES) + r"|[a-z]+stan)\b|"
    r"\bbuitenlands\w*\b|\bin mijn (eigen )?(land|thuisland)\b|\buit mijn (eigen )?land\b|"
    r"\b(pools|poolse|syrisch|syrische|turks|turkse|marokkaans|marokkaanse|oekraiens|oekraiense|"
    r"roemeens|roemeense|eritrees|eritrese|afghaans|afghaanse|iraans|iraanse|belgisch|belgische|"
    r"duits|duitse) (diploma|opleiding|getuigschrift|papieren)\b"
)
_BELOW = {
    "havo": "vmbo",
    "vwo": "havo",
    "hbo": "4",
    "wo": "hbo",
    "4": "3",
    "3": "2",
    "2": "entree",
    "vmbo": "geen",
    "entree": "geen",
    "1": "geen",
}


def own_words(text: str, *, limit: int = 40) -> str | None:
    """The person's words as a fact's "said", when the message is that short answer."""
    stripped = text.strip()
    return stripped if len(stripped) <= limit else None


def read_education(text: str) -> Education | None:
    """Highest diploma: "mbo 2 helpende" 2, "havo niet afgemaakt" vmbo, "diploma uit Polen"."""
    words = normalise(text)
    said = own_words(text) or ""
    foreign = bool(_FOREIGN.search(words))
    level: str | None = None
    mbo = _MBO_LEVEL.search(words)
    if mbo:
        digit = next(group for group in mbo.groups() if group)
        level = digit
    else:
        for name, pattern in _SCHOOL_LEVELS:
            if pattern.search(words):
                level = name
                break
        if level is None and re.search(r"\bmbo\b", words):
            level = "2"
    if level is not None and _UNFINISHED.search(words):
        level = _BELOW.get(level, level)
    no_diploma = bool(_NO_DIPLOMA.search(words)) and not foreign
    if level is None and (no_diploma or _PRIMARY_ONLY.search(words)):
        level = "geen"
    if level is None and not foreign:
        return None
    return Education(level, said, foreign)


# --- time ---------------------------------------------------------------------------


_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag)?"
_TIMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "avond",
        re.compile(
            r"\b('?s ?avonds|savonds|" + _WEEKDAY + r"avond\w*|na het eten|"
            r"na (mijn |het )?werk|na werktijd|buiten werktijd)\b"
        ),
    ),
    ("weekend", re.compile(r"\b(weekend\w*|zaterdag\w*|zondag\w*)\b")),
    (
        "overdag",
        re.compile(
            r"\b(overdag|" + _WEEKDAY + r"(ochtend|middag)\w*|'?s ?morgens|'?s ?middags|"
            r"onder schooltijd|als de kinderen op school zijn|schooltijd)\b"
        ),
    ),
)
_CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:en|maar|want|omdat|dus|of)\b")
# Work named as a noun ("na mijn werk", "naast het werk") says nothing about when one works.
_WORK_AS_NOUN = re.compile(
    r"\b(na|naast|buiten|voor|van|klaar (ben )?met) (mijn |het |m'n )?werk\w*"
)
_WORKS = re.compile(r"\b(werk|werkt|werken|gewerkt|dienst|diensten)\b")
_NOT_BEFORE = re.compile(r"\b(niet|geen|nooit)\b")
# "als ik niet werk", "als ik vrij ben": when one does not work.
_NOT_WORKING = re.compile(
    r"\b(als|wanneer) ik (niet|geen|vrij)( hoef te)? ?(werk\w*|dienst\w*|ben)?"
)
_NOT_AFTER = re.compile(
    r"^\s*((?!(?:wel|als|wanneer)\b)\w+\s+){0,3}(niet|nee|nooit)\b|"
    r"^\s*(gaat|lukt|kan|past)\s+(ik |me |mij )?niet\b"
)


def _clause_around(words: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before and after words[start:end]."""
    breaks = [b for b in _CLAUSE_BREAK.finditer(words) if b.end() <= start]
    left = breaks[-1].end() if breaks else 0
    after = _CLAUSE_BREAK.search(words, end)
    right = after.start() if after else len(words)
    return words[left:start], words[end:right]


def _about_work(before: str, after: str) -> bool:
    """ "ik werk 32 uur", "overdag werk ik": when or how long one works, not learns."""
    clause = _NOT_WORKING.sub(" ", _WORK_AS_NOUN.sub(" ", f"{before} {after}"))
    return bool(_WORKS.search(clause))


def read_times(text: str) -> list[str]:
    """When someone can learn: "alleen 's avonds" [avond]; "ik werk overdag" [] (working hours)."""
    words = normalise(text)
    found = []
    for name, pattern in _TIMES:
        for match in pattern.finditer(words):
            before, after = _clause_around(words, match.start(), match.end())
            if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after):
                continue
            if _about_work(before, after.replace(match.group(0), " ")):
                # "ik werk overdag": when one works, so not when one can learn.
                continue
            found.append(name)
            break
    return found


_HOURS = re.compile(r"\b(\d{1,2}|" + _NUMBER_WORD + r")\s*(uur|uurtjes|uurtje|u)\b")
_HOURS_OR_SO = re.compile(r"\been uur(tje)? of (\d{1,2}|" + _NUMBER_WORD + r")\b")
_PER_DAY = re.compile(r"^\s*(per|elke|iedere|a) dag\b")
_PARTS = re.compile(
    r"\b(een|1|twee|2|drie|3|vier|4|vijf|5)\s*"
    r"(dag|dagen|avond|avonden|ochtend|ochtenden|middag|middagen|dagdelen|dagdeel)\b"
)
_PART_HOURS = {
    "dag": 8,
    "dagen": 8,
    "avond": 3,
    "avonden": 3,
    "ochtend": 4,
    "ochtenden": 4,
    "middag": 4,
    "middagen": 4,
    "dagdeel": 4,
    "dagdelen": 4,
}


def read_hours(text: str) -> int | None:
    """Hours a week: "8 uur" 8, "twee avonden per week" 6, "een dag" 8, "fulltime" 40."""
    words = normalise(text)
    so = _HOURS_OR_SO.search(words)
    if so:
        value = parse_number_word(so.group(2))
        if value is not None and 0 < value <= 60:
            return value
    for hours in _HOURS.finditer(words):
        before, after = _clause_around(words, hours.start(), hours.end())
        if _about_work(before, after):
            continue
        value = parse_number_word(hours.group(1))
        if value is not None and _PER_DAY.match(after):
            value *= 5
        if value is not None and 0 < value <= 60:
            return value
    for parts in _PARTS.finditer(words):
        before, after = _clause_around(words, parts.start(), parts.end())
        if _about_work(before, after):
            continue
        count = parse_number_word(parts.group(1)) or 1
        return count * _PART_HOURS[parts.group(2)]
    if re.search(r"\b(fulltime|voltijd|hele week|40 uur)\b", words):
        return 40
    if re.search(r"\b(paar uur(tjes)?|weinig tijd|niet veel tijd)\b", words):
        return 4
    return None


def read_number(text: str) -> int | None:
    """A bare number in the text ("45", "vijfenveertig", "twee en dertig")."""
    tokens = normalise(text).split()
    for start in range(len(tokens)):
        found = parse_number_at(tokens, start)
        if found is not None:
            return found[0]
    return None
