"""The highest diploma, as people type it: levels, unfinished schools, diplomas from abroad."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogue.reading.words import normalise, own_words

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
    "iran irak somalie ethiopie spanje portugal brazilie india suriname belgie vlaanderen "
    "duitsland "
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
