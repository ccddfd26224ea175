"""Dutch cue words the reader looks for, beside the NLU's entities."""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:en|maar|want|omdat|dus|of)\b")
TARGET_CUES = re.compile(
    r"\b(wil|wil graag|zou|graag|worden|naar|overstappen|omscholen|lijkt me|droom|"
    r"in de \w+ werken|richting|kant op)\b|\bin\s*$"
)
CURRENT_CUES = re.compile(r"\b(werk|werkt|werkte|gewerkt|ben|zit|doe|deed|sinds|jaar|bij|als)\b")
GOAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("certificaat", re.compile(r"\bcertifica")),
    ("zij-instromen", re.compile(r"\bzij-?\s?instro")),
    (
        "werk_vinden",
        re.compile(r"\b(werk|baan) (vinden|zoeken)|\bwerkloos|\baan het werk|\bnieuwe baan"),
    ),
    ("omscholen", re.compile(r"\bomscho|\biets anders|\bander (vak|werk)|\boverstap|\bswitch")),
    ("doorgroeien", re.compile(r"\bdoor ?groei|\bverder groei|\bhoger niveau|\bverder komen")),
    ("bijscholen", re.compile(r"\bbij ?scho|\bbij te leren|\bbijleren|\bbijblijven")),
)
WORKS = re.compile(r"\b(werk|werkt|werkte|gewerkt)\b")
JOB_AT_RISK = re.compile(r"\b(verdwijnt|verdwijnen|boventallig|reorganisatie|gaat dicht|ontslag)")
SEEKER = re.compile(
    r"\b(ww|uitkering|werkloos|geen werk|geen baan|baan kwijt|werk kwijt|ontslagen|"
    r"werkzoekend|bijstand|zoek werk)\b"
)
NEWCOMER = re.compile(r"\b(statushouder|nieuwkomer|vluchteling|inburger\w*|asiel\w*|gevlucht)")
DUTCH_WEAK = re.compile(
    r"\b(nederlands|taal)\b.*\b(niet (zo )?goed|slecht|beetje|weinig|moeilijk|nog niet)|"
    r"\b(niet (zo )?goed|slecht|beetje|weinig|nog niet)\b.*\bnederlands"
)
SPEAKING = re.compile(r"\b(spreek|spreken|praat|praten|versta|mijn nederlands)\b")
DUTCH_GOOD = re.compile(r"\b(goed|prima|vloeiend|uitstekend)\b")
YEARS = re.compile(r"\b(\d{1,2})\s*(?:jaar|jr)\b")
SINCE = re.compile(r"\bsinds\s+((?:19|20)\d\d)\b")
AMOUNT = re.compile(r"(?:€\s*)?(\d{1,3}(?:\.\d{3})*|\d+)\s*(?:euro|eur|€)?")
NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "vijftien": 15,
    "twintig": 20, "dertig": 30,
}  # fmt: skip
WORD_YEARS = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\s+jaar\b")
DAYS = re.compile(r"\b(een|één|1|twee|2|drie|3)\s+dag(en)?\b")
PAYER_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "werkgever",
        re.compile(r"\b(werkgever|baas|mijn werk|de zaak) (betaalt|wil betalen|betaald)"),
    ),
    ("zelf", re.compile(r"\b(zelf betalen|betaal (het )?zelf|eigen geld|uit eigen zak)")),
    ("uwv", re.compile(r"\b(via|van) (het )?uwv\b")),
    ("gemeente", re.compile(r"\b(via|van) de gemeente\b")),
)
JOB_LEAD = re.compile(r"^(ik\s+)?(werk|ben|zit|doe)\s+(nu\s+)?(als|bij|in|op)?\s*(de|het|een)?\s*")
NOTHING = re.compile(r"\b(niks|niets|geen geld|nul)\b")
MODE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bbl", re.compile(r"\bwerken en leren\b|\bleren en werken\b")),
    ("bol", re.compile(r"\bnaar school\b|\bvoltijd\b")),
)
DONT_KNOW = re.compile(r"\bweet (ik )?(het )?niet|\bgeen idee\b")
NO_PREFERENCE = re.compile(r"\bmaakt (me |mij )?(niet|niks|niets) ?(zoveel )?uit|geen voorkeur")
