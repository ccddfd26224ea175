"""Words that steer the conversation: goals, stop, more, corrections, questions, negation.

Read on the normalised text (`dialogue.reading.normalise`).
"""

from __future__ import annotations

import re
from typing import Literal

from dialogue.reading import normalise

CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:en|maar|want|omdat|dus|of)\b")

GOALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zij-instromen", re.compile(r"\bzij-?\s?instro")),
    (
        # "een papiertje voor wat ik kan": recognition of what one already does.
        "doorgroeien",
        re.compile(
            r"\b(papiertje|diploma|bewijs|certificaat|erkenning) (voor|van) (wat|alles wat) ik "
            r"(al )?(kan|doe|weet)|\blaten zien wat ik kan\b|\bervaring (laten )?(tellen|meetellen|erkennen)"
        ),
    ),
    ("certificaat", re.compile(r"\bcertifica")),
    (
        "werk_vinden",
        re.compile(
            r"\b(werk|baan|job) (vinden|zoeken)|\bwerkloos|\b(weer )?aan (het )?werk\b|"
            r"\bnieuwe baan|\bweer aan de slag|\baan de slag\b|\bweer werken\b"
        ),
    ),
    (
        "omscholen",
        re.compile(
            r"\bomscho|\biets anders|\bander (vak|werk|beroep)|\boverstap|\bswitch|\bcarriere ?switch"
        ),
    ),
    (
        "doorgroeien",
        re.compile(r"\bdoor ?groei|\bverder groei|\bhoger niveau|\bverder komen|\bwil verder\b"),
    ),
    (
        "bijscholen",
        re.compile(r"\bbij ?scho|\bbij te leren|\bbijleren|\bbijblijven|\bcursus\w* doen\b"),
    ),
)

TARGET_CUES = re.compile(
    r"\b(wil|wil graag|zou|graag|worden|naar|overstappen|omscholen|lijkt me|droom|"
    r"in de \w+ werken|richting|kant op|interesse|leuk)\b|\bin\s*$"
)
CURRENT_CUES = re.compile(r"\b(werk|werkt|werkte|gewerkt|ben|zit|doe|deed|sinds|jaar|bij|als)\b")
WORKS = re.compile(r"\b(werk|werkt|werkte|gewerkt)\b")
JOB_AT_RISK = re.compile(
    r"\b(verdwijnt|verdwijnen|boventallig|reorganisatie|gaat dicht|ontslag aangezegd)"
)
SEEKER = re.compile(
    r"\b(ww|uitkering|werkloos|geen werk|geen baan|baan kwijt|werk kwijt|ontslagen|"
    r"werkzoekend|bijstand|zoek werk|thuis gezeten|thuis gezeten)\b"
)
NO_EMPLOYER = re.compile(r"\bgeen (werkgever|baas|werk|baan)\b|\bzzp|\bvoor mezelf\b|\bzelfstandig")
NEWCOMER = re.compile(r"\b(statushouder|nieuwkomer|vluchteling|inburger\w*|asiel\w*|gevlucht)")
DUTCH_WEAK = re.compile(
    r"\b(nederlands|taal)\b.*\b(niet (zo )?goed|slecht|beetje|weinig|moeilijk|nog niet|a1|a2)|"
    r"\b(niet (zo )?goed|slecht|beetje|weinig|nog niet)\b.*\bnederlands"
)
SPEAKING = re.compile(r"\b(spreek|spreken|praat|praten|versta|mijn nederlands)\b")
PAYERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "zelf",
        re.compile(
            r"\b(zelf betalen|betaal (het |dat |ik )?(het |dat )?zelf|eigen geld|uit eigen zak|ik betaal)\b"
        ),
    ),
    (
        "werkgever",
        re.compile(
            r"\b(werkgever|baas|mijn werk|de zaak) (betaalt|wil (het )?betalen|betaald|betalen)"
        ),
    ),
    ("uwv", re.compile(r"\b(via|van|door) (het )?uwv\b")),
    ("gemeente", re.compile(r"\b(via|van|door) de gemeente\b")),
)
MODES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bbl", re.compile(r"\bwerken en leren\b|\bleren en werken\b|\bbbl\b")),
    ("bol", re.compile(r"\bnaar school\b|\bvoltijd\b|\bbol\b")),
    ("online", re.compile(r"\bonline\b|\bthuis leren\b|\bop afstand\b")),
    ("deeltijd", re.compile(r"\bdeeltijd\b")),
)
NO_PREFERENCE = re.compile(
    r"\bmaakt (me |mij )?(niet|niks|niets) ?(zoveel |veel )?uit|\bgeen voorkeur|\bmaakt niet uit|\balles is goed"
)


def goal(text: str) -> str | None:
    words = normalise(text)
    return next((name for name, cue in GOALS if cue.search(words)), None)


def negated(text: str, start: int) -> bool:
    """Whether the words just before position `start` deny what stands there ("niet de zorg")."""
    before = normalise(text[:start])[-30:]
    return bool(
        re.search(r"\b(niet|geen|nooit|liever niet|niks met|niet meer)\s+(\w+\s+){0,2}$", before)
    )


def denied_after(text: str, end: int) -> bool:
    """ "de zorg niet", "bbl gaat niet", "bbl lukt niet": a denial right after a phrase."""
    after = normalise(text[end:])[:25]
    return bool(
        re.match(r"^\s*(\w+\s+)?(niet|nee|gaat niet|lukt niet|kan niet|wil ik niet)\b", after)
    )


def mode_refused(text: str) -> str | None:
    """ "bbl gaat niet want ik werk overdag": the learning mode ruled out."""
    words = normalise(text)
    for mode, pattern in MODES:
        match = pattern.search(words)
        if match and (
            re.search(r"\b(geen|niet|liever geen)\s+(\w+\s+)?$", words[: match.start()])
            or re.match(
                r"^\s*(\w+\s+)?(gaat niet|lukt niet|kan (ik )?niet|wil ik niet|is niks|past niet)\b",
                words[match.end() :],
            )
        ):
            return mode
    return None


# --- conversation control ------------------------------------------------------

Control = Literal["stop", "more", "closer", "correction"]
_STOP = re.compile(
    r"^(ok(e)?\s+)?(stop|stoppen|stop maar|stop ermee|hou op|houd op|hou maar op|laat maar|"
    r"laat ook maar|laat maar zitten|ik stop|ik wil stoppen|genoeg|genoeg vragen|klaar|"
    r"ophouden|niet meer|nee laat maar|ik hoef niet meer|ik wil geen vragen meer)\b"
)
_MORE = re.compile(
    r"^((kun je |kan je |mag ik |laat |geef |toon )?(er |me |mij )?(nog )?(een paar )?meer"
    r"( zien| laten zien| opties| opleidingen| cursussen| resultaten)?|(laat|toon|geef) (er |me |mij )?(nog )?meer\w*( zien)?|"
    r"volgende( \d+)?|nog meer( graag)?|andere( opties| opleidingen)?|verder|de rest|nog een paar|"
    r"zijn er (nog )?meer\w*)\b"
)
_CLOSER = re.compile(r"\b(dichterbij|dichter bij( huis)?|in de buurt|niet zo ver|te ver)\b")
_CORRECTION = re.compile(
    r"^(nee|neen|sorry|oeps|wacht|nee wacht|oh wacht)?\s*,?\s*(ik bedoel|ik bedoelde|dat klopt niet|"
    r"klopt niet|dat is niet goed|fout|verkeerd|correctie)\b|^nee,? (wacht|ik)\b|^wacht\b"
)


def control(text: str) -> Control | None:
    words = normalise(text).strip(" .!?")
    if len(words) <= 40 and _STOP.search(words):
        return "stop"
    if len(words) <= 50 and _MORE.search(words):
        return "more"
    if len(words) <= 60 and _CLOSER.search(words):
        return "closer"
    if _CORRECTION.search(words):
        return "correction"
    return None


ERASE_WORDS = re.compile(r"\b(wis|wissen|verwijder|verwijderen|weg ?doen|vergeet)\b")


def confirms_erase(text: str) -> bool | None:
    """The answer to "Wil je dat ik dit gesprek wis?": True, False or None (something else)."""
    words = normalise(text)
    if re.search(r"\b(niet wissen|niks wissen|niets wissen|nee)\b", words):
        return False
    if re.search(
        r"\b(doe maar|wis (maar|alles|het)|ja\b|graag|zeker|prima|is goed|oke|ok|akkoord|verwijder)",
        words,
    ):
        return True
    answer = None if len(words) > 30 else read_yes_no_short(words)
    return answer


def read_yes_no_short(words: str) -> bool | None:
    from dialogue.reading import read_yes_no

    answer = read_yes_no(words)
    return {"yes": True, "no": False}.get(answer or "")


# --- questions asked in passing ------------------------------------------------

QUESTION_START = re.compile(
    r"^(wat|hoe|hoeveel|wie|waar|wanneer|waarom|welke|welk|moet|mag|kan|kun|heb|is|zijn|"
    r"krijg|betaalt|betaal|geldt|telt|word|ben|doe|weet|klopt|hoelang|hoe lang|zit)\b"
)


def is_question(text: str) -> bool:
    words = normalise(text)
    return "?" in text or bool(QUESTION_START.search(words))


def payload_like(text: str) -> bool:
    """Button or intent syntax typed or pasted: "/inform{...}", "{"intent": ...}"."""
    stripped = text.strip()
    return stripped.startswith(("/", "{", "[")) or bool(re.search(r"\w+\{\s*\"", stripped))


def only_symbols(text: str) -> bool:
    """Emoji, punctuation or nothing readable: no letters or digits at all."""
    return not any(ch.isalnum() for ch in text)


INJECTION = re.compile(
    r"\b(ignore|negeer|vergeet) (all |alle )?(previous|vorige|eerdere)?\s*(instructions|instructies|regels)|"
    r"\bsystem prompt\b|\bje bent nu\b|\byou are now\b|\bact as\b"
)
