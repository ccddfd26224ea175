"""Words that steer the conversation: goals, stop, more, corrections, questions, negation.

Read on the normalised text (`dialogue.reading.normalise`).
"""

from __future__ import annotations

import re
from typing import Literal

from dialogue.reading import normalise

GOALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zij-instromen", re.compile(r"\bzij ?-? ?instro")),
    (
        # "een papiertje voor wat ik kan": recognition of what one already does.
        "doorgroeien",
        re.compile(
            r"\b(papiertje|diploma|bewijs|certificaat|erkenning) (voor|van) (wat|alles wat) ik "
            r"(al )?(kan|doe|weet)|\blaten zien wat ik kan\b|"
            r"\bervaring (laten )?(tellen|meetellen|erkennen)|\bevc\b"
        ),
    ),
    ("certificaat", re.compile(r"\bcertifica")),
    (
        "werk_vinden",
        re.compile(
            r"\b(werk|baan|job) (vinden|zoeken)|\bwerkloos|\b(weer )?aan (het )?werk\b|"
            r"\bnieuwe baan|\bweer aan de slag|\baan de slag\b|\bweer (gaan )?werken\b|"
            r"\b(weer )?aan het werk (gaan|komen)\b|\bweer (een )?(baan|werk)\b|"
            r"\bzoek (naar )?(een |nieuw |ander )?(werk|baan|job)\b|"
            r"\bop zoek naar (een )?(werk|baan|job)\b"
        ),
    ),
    (
        "omscholen",
        re.compile(
            r"\bomscho|\biets (heel |compleet |totaal |helemaal )?anders|"
            r"\bander (vak|werk|beroep)|\boverstap|\bswitch|\bcarriere ?switch"
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
    r"in de \w+ werken|richting|kant op|interesse|leuk|(kan|kun|gaan|zou|wil) werken)\b|\bin\s*$"
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
# "mijn baas betaalt niks", "mijn werkgever wil het niet betalen".
PAYER_DENIED = re.compile(r"\b(niet|niks|niets|geen|nooit|nee)\b")
# Words the NLU now and then tags as a field or job that name neither.
FILLER = frozenset(
    {"trouwens", "eigenlijk", "gewoon", "lastig", "niks", "niets", "iets", "dingen", "ding",
     "werk", "baan", "zo", "toch", "wel", "ook", "nog", "echt", "mss", "misschien"}
)  # fmt: skip
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
            r"\b(zelf betalen|betaal (het |dat |ik )?(het |dat )?zelf|eigen geld|uit eigen zak|"
            r"ik betaal)\b"
        ),
    ),
    (
        "werkgever",
        re.compile(
            r"\b(werkgever|baas|mijn werk|de zaak)\b[^.?!]{0,25}?"
            r"\b(betaalt|betalen|betaald|meebetalen|mee betalen|vergoedt|vergoeden)\b"
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
    r"\bmaakt (me |mij )?(niet|niks|niets) ?(zoveel |veel )?uit|\bgeen voorkeur|\bmaakt niet uit|"
    r"\balles is goed"
)


def goal(text: str) -> str | None:
    """The goal said, skipping one denied: "niet omscholen maar doorgroeien" is doorgroeien."""
    words = normalise(text)
    for name, cue in GOALS:
        if any(not _denied_before(words[: match.start()]) for match in cue.finditer(words)):
            return name
    return None


# A word between a denial and what it denies; a clause word or "wel" ends the denial
# ("niet zorg maar techniek", "geen zorg wel techniek").
_BETWEEN = r"(?:(?!(?:en|maar|of|want|dus|omdat|wel)\b)\w+\s+)"
_DENIAL_BEFORE = re.compile(
    r"\b(niet|geen|nooit|liever niet|liever geen|niks met|niets met|niet meer|nooit meer)\s+"
    + _BETWEEN
    + r"{0,2}$"
)
_DENIAL_AFTER = re.compile(
    r"^\s*" + _BETWEEN + r"?(niet|nee)\b|"
    r"^\s*" + _BETWEEN + r"{0,2}(gaat|lukt|past|trekt|ligt|kan|wil|hoeft|vind|zie|lijkt|is)\s+"
    r"(ik |me |mij |het |echt |ook |toch |helaas |nu )*(niet|niks|niets|geen optie)\b"
)


def _denied_before(before: str) -> bool:
    return bool(_DENIAL_BEFORE.search(before[-40:] + " "))


def negated(text: str, start: int) -> bool:
    """Whether the words just before position `start` deny what stands there ("niet de zorg")."""
    return _denied_before(normalise(text[:start]))


def denied_after(text: str, end: int) -> bool:
    """ "de zorg niet", "bbl gaat niet", "de zorg zie ik niet zitten": a denial after a phrase."""
    return bool(_DENIAL_AFTER.match(" " + normalise(text[end:])[:40]))


def mode_refused(text: str) -> str | None:
    """ "bbl gaat niet want ik werk overdag": the learning mode ruled out."""
    words = normalise(text)
    for mode, pattern in MODES:
        for match in pattern.finditer(words):
            if _denied_before(words[: match.start()]) or _DENIAL_AFTER.match(words[match.end() :]):
                return mode
    return None


# --- conversation control ------------------------------------------------------

Control = Literal["stop", "more", "closer", "correction"]
# "ok", "allee", "amai" or "nee" before the words that steer: "allee, stop maar".
_LEAD = r"(?:(?:ok|oke|allee|amai|nou|ja|nee|goed|even|pff|hmm|ah|oh|zo)\s*,?\s*)*"
_STOP = re.compile(
    r"^" + _LEAD + r"(stop|stoppen|stop maar|stop ermee|hou op|houd op|hou maar op|laat maar|"
    r"laat ook maar|laat maar zitten|ik stop|ik wil stoppen|genoeg|genoeg vragen|klaar|"
    r"ophouden|ik wil niet meer|nee laat maar|ik hoef niet meer|ik wil geen vragen meer|kap ermee|"
    r"kap maar)"
    # The whole message, or followed by a pause: "ik wil stoppen met werken" is no stop.
    r"(?=\s*$|\s*[,.;!]|\s+(hoor|nu|ermee|aub|alsjeblieft|bedankt|dank je|dankje|doei|dag|"
    r"joh|zo|dan)\b)"
)
_MORE = re.compile(
    r"^" + _LEAD + r"("
    r"(kun je |kan je |mag ik |wil je )?(laat |geef |toon )?(er |me |mij )?(nog )?(een paar |wat )?"
    r"(meer|andere)( opties| opleidingen| cursussen| resultaten| scholen)?"
    r"( zien| laten zien| tonen)?"
    r"|(laat|toon|geef) (er |me |mij )?(nog )?(een paar|wat)( meer| andere)?( zien)?"
    r"|volgende( \d+)?|nog meer|verder|de rest|nog een paar"
    r"|zijn er (nog )?(meer|andere)( opties| opleidingen| cursussen)?"
    # Only the request itself: "meer verdienen", "volgende week" ask for no more results.
    r")(\s+(graag|aub|alsjeblieft|please|dan|even|zien|laten zien))*$"
)
_CLOSER = re.compile(
    r"\b(dichterbij|dichter bij( huis)?|niet zo ver|te ver)\b|"
    # "in de buurt van utrecht" names a place; "iets in de buurt" asks for closer.
    r"\bin de buurt\b(?! van (?!(mij|me|huis|mijn huis|thuis)\b))"
)
_CORRECTION = re.compile(
    r"^((nee|neen|sorry|oeps|wacht|oh)\s*,?\s*)*(ik bedoel|ik bedoelde|dat klopt niet|"
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
_KEEP_IT = re.compile(
    r"\b(niet wissen|niks wissen|niets wissen|niet verwijderen|niet doen|doe maar niet|"
    r"toch (maar )?niet|liever niet|zeker niet|bewaar (het|maar|alles)|bewaren|"
    r"laat (maar |alles |het )*staan|nee|nooit)\b"
)
_ERASE_IT = re.compile(
    r"\b(doe maar|wis\w* (maar|alles|het|dan)|mag (allemaal |alles |het )?weg|weg (er)?mee|"
    r"verwijder\w*|ja|graag|zeker|prima|is goed|oke|ok|akkoord)\b"
)


def confirms_erase(text: str) -> bool | None:
    """The answer to "Wil je dat ik dit gesprek wis?": True, False or None (something else)."""
    words = normalise(text)
    if _KEEP_IT.search(words):
        return False
    if _ERASE_IT.search(words):
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


# Questions asked in a statement: "ik wil even weten wat dat kost".
ASKING = re.compile(
    r"^(ik (wil|zou|wou) (graag |even |nog |eigenlijk )*(weten|vragen)|ik vroeg me af|"
    r"ik heb een vraag|vraagje)\b"
)
# Answers that start like a question: "weet ik niet", "klopt", "is goed", "doe maar".
ANSWER_LIKE = re.compile(
    r"^(weet (ik )?(het |dat )?(nog |echt )?niet|weet ik veel|weet niet|"
    r"klopt( ja| helemaal| wel)?$|is (goed|prima|oke|ok|best|genoeg)\b|doe maar\b|"
    r"(kan|kun|mag|moet) (ik |je )?(echt |helaas )?niet$|heb (geen|niks|niets|ik niet)\b|"
    r"ben (\d|geen\b|niet\b)|moet kunnen\b|zit goed\b)"
)


def is_question(text: str) -> bool:
    words = normalise(text)
    if "?" in text or ASKING.search(words):
        return True
    return bool(QUESTION_START.search(words)) and not ANSWER_LIKE.search(words)


def payload_like(text: str) -> bool:
    """Button or intent syntax typed or pasted: "/inform{...}", "{"intent": ...}"."""
    stripped = text.strip()
    return stripped.startswith(("/", "{", "[")) or bool(re.search(r"\w+\{\s*\"", stripped))


def only_symbols(text: str) -> bool:
    """Emoji, punctuation or nothing readable: no letters or digits at all."""
    return not any(ch.isalnum() for ch in text)


INJECTION = re.compile(
    r"\b(ignore|disregard|forget|negeer|vergeet)\s+(all |alle |the |de |your |je |jouw |al je )?"
    r"(previous |prior |above |vorige |eerdere |bovenstaande )?"
    r"(instructions|instructies|regels|rules)|"
    r"\bsystem prompt\b|\bje bent nu\b|\byou are now\b|\bact as\b"
)


def in_question(words: str, position: int) -> bool:
    """Whether `position` stands in a sentence that asks ("... of mijn werkgever?")."""
    end = min((i for i in (words.find(c, position) for c in ".!?") if i >= 0), default=-1)
    if end >= 0 and words[end] == "?":
        return True
    start = max(words.rfind(c, 0, position) for c in ".!?") + 1
    return bool(QUESTION_START.search(words[start:].strip()))
