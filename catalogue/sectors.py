"""Map the kwalificatiestructuur's groups onto the canonical sectors users name.

Canonical values are those of contracts.md section 1, plus a few the product
adds (groen, media, mobiliteit, uiterlijke verzorging, toerisme, ambacht,
entree) so that every qualification has a home.
"""

from __future__ import annotations

CANONICAL_SECTORS: tuple[str, ...] = (
    "zorg",
    "welzijn",
    "kinderopvang",
    "techniek",
    "installatietechniek",
    "bouw",
    "ict",
    "logistiek",
    "transport",
    "horeca",
    "hospitality",
    "retail",
    "facilitair",
    "beveiliging",
    "onderwijs",
    "economie",
    "procesindustrie",
    "energie",
    "sport",
    "groen",
    "media",
    "mobiliteit",
    "uiterlijke verzorging",
    "toerisme",
    "ambacht",
    "entree",
)

# Primary sector first; the others also find the qualification.
_SUBGROUP_SECTORS: dict[str, tuple[str, ...]] = {
    "Hout en meubel": ("bouw", "techniek"),
    "Schilderen en onderhoud": ("bouw",),
    "Schoonmaak en glazenwassen": ("facilitair",),
    "Stukadoren en afbouw": ("bouw",),
    "Ambachtelijke techniek": ("ambacht", "techniek"),
    "Gezondheidstechniek": ("zorg", "techniek"),
    "Laboratoriumtechniek": ("procesindustrie", "techniek"),
    "Bouwkunde": ("bouw",),
    "Infrastructuur": ("bouw",),
    "Zakelijke dienstverlening": ("economie",),
    "Entree": ("entree",),
    "Detailhandel en groothandel": ("retail", "economie"),
    "Management en ondernemerschap": ("economie", "retail"),
    "Mode en interieurindustrie": ("retail", "ambacht"),
    "Brood en banket": ("horeca",),
    "Facilitaire dienstverlening": ("facilitair", "hospitality"),
    "Horeca": ("horeca", "hospitality"),
    "ICT en media": ("ict",),
    "Kantoorautomatisering": ("ict",),
    "Evenemententechniek": ("media", "techniek"),
    "Mediatechniek": ("media",),
    "Mediavormgeving": ("media",),
    "Ruimtelijke vormgeving": ("media",),
    "Carrosserietechniek": ("mobiliteit", "techniek"),
    "Mobiliteitstechniek": ("mobiliteit", "techniek"),
    "Elektrotechniek": ("techniek", "energie", "installatietechniek"),
    "Installatietechniek": ("installatietechniek", "techniek", "energie"),
    "Procestechniek": ("procesindustrie", "techniek"),
    "Vliegtuigtechniek": ("techniek",),
    "Werktuigbouwkunde": ("techniek",),
    "Toerisme": ("toerisme", "hospitality"),
    "Logistiek": ("logistiek",),
    "Luchtvaart": ("transport", "hospitality"),
    "Scheepvaart": ("transport",),
    "Weg- en railtransport": ("transport", "logistiek"),
    "Haarverzorging": ("uiterlijke verzorging",),
    "Make-up Art": ("uiterlijke verzorging",),
    "Schoonheidsverzorging": ("uiterlijke verzorging",),
    "Voetverzorging": ("uiterlijke verzorging", "zorg"),
    "Defensie": ("beveiliging",),
    "Digitale veiligheid": ("ict", "beveiliging"),
    "Particuliere veiligheid": ("beveiliging",),
    "Publieke veiligheid": ("beveiliging",),
    "Sport en bewegen": ("sport",),
    "Dier": ("groen",),
    "Natuur en groene ruimte": ("groen",),
    "Verse voeding": ("retail", "groen"),
    "Voeding, teelt en verwerking": ("groen", "procesindustrie"),
    "Basis dienstverlening": ("zorg", "welzijn"),
    "Cultureel werk": ("welzijn",),
    "Gezondheidsondersteuning": ("zorg",),
    "Maatschappelijke zorg": ("zorg", "welzijn"),
    "Pedagogisch werk": ("kinderopvang", "welzijn", "onderwijs"),
    "Verpleging en verzorging": ("zorg",),
}

# Qualifications whose subgroup puts them in the wrong place for a user.
_NAME_SECTORS: dict[str, tuple[str, ...]] = {
    "onderwijsassistent": ("onderwijs", "kinderopvang"),
    "instructeur mbo": ("onderwijs",),
    "praktijkopleider": ("onderwijs", "zorg"),
    "medewerker facilitaire dienstverlening": ("facilitair", "hospitality"),
    "servicemedewerker": ("facilitair", "hospitality", "zorg"),
    "medewerker sport en recreatie": ("sport", "welzijn"),
    "vitaliteitsbegeleider in zorg en welzijn": ("zorg", "welzijn", "sport"),
    "medewerker kinderopvang, onderwijs en bewegen": (
        "kinderopvang",
        "onderwijs",
        "sport",
    ),
    "acteur": ("media",),
    "danser": ("media",),
    "musicalperformer": ("media",),
    "muzikant": ("media",),
}


def sectors_for(*, name: str, subgroup: str, main_group: str) -> tuple[str, ...]:
    """Canonical sectors of a qualification, primary first."""
    by_name = _NAME_SECTORS.get(name.lower())
    if by_name:
        return by_name
    by_subgroup = _SUBGROUP_SECTORS.get(subgroup)
    if by_subgroup:
        return by_subgroup
    raise ValueError(f"no sector mapping for subgroup {subgroup!r} ({main_group})")
