"""Answers to questions people ask in passing: what a term means, who pays, VOG, WW, real data.

Each answer is short B1 Dutch. `answer_question` picks the first that fits the
words; the intake or check that was going on then goes on where it was.
"""

from __future__ import annotations

import re

from dialogue.reading import normalise
from dialogue.state import DialogueState

FAQ: dict[str, str] = {
    "bol_bbl": (
        "BOL: je gaat vooral naar school en loopt stage. BBL: je werkt bij een leerbedrijf en "
        "gaat meestal één dag per week naar school. Bij BBL krijg je loon."
    ),
    "levels": (
        "Het mbo heeft vier niveaus. Niveau 1 heet entree: daarvoor heb je geen diploma nodig. "
        "Niveau 2 is een basisberoep en niveau 3 een vakopleiding. Niveau 4 is het hoogste. "
        "Daarna kun je naar het hbo."
    ),
    "certificate": (
        "Een mbo-certificaat is een deel van een mbo-opleiding. Het is korter dan een diploma. "
        "Werkgevers kennen het. Later kun je er vaak een heel diploma van maken."
    ),
    "keuzedeel": (
        "Een keuzedeel is een extra vak in je mbo-opleiding. Je kiest het zelf. Voor je diploma "
        "moet je keuzedelen doen."
    ),
    "school": (
        "Een ROC is een grote mbo-school in je regio. Er zijn ook vakscholen voor één vak. Voor "
        "je begint, heb je een intake. Dat is een gesprek over wat bij je past."
    ),
    "mbo_hbo": (
        "Het mbo leidt op voor een vak. Het hbo is hoger en je leert meer theorie. Met een "
        "mbo-diploma op niveau 4 mag je naar het hbo."
    ),
    "practice": (
        "Bpv is leren in de praktijk, bij een erkend leerbedrijf. Bij BOL is dat je stage. Bij "
        "BBL is het je werk. SBB erkent de leerbedrijven."
    ),
    "crebo": (
        "Een crebo-nummer is de code van een mbo-opleiding. Bij elke opleiding hoort een "
        "beschrijving van wat je moet kunnen. Dat heet een kwalificatiedossier."
    ),
    "part_time": (
        "In deeltijd leer je een paar dagdelen per week, vaak naast je werk. Bij BBL werk en "
        "leer je tegelijk, bij een leerbedrijf."
    ),
    "qualification_duty": (
        "Tot je 18 bent, moet je naar school tot je een startkwalificatie hebt. Dat is een "
        "diploma havo, vwo of mbo niveau 2."
    ),
    "general": (
        "BOL: je gaat vooral naar school en loopt stage. BBL: je werkt en leert, en gaat meestal "
        "één dag per week naar school. Het mbo heeft niveau 1 (entree) tot en met 4."
    ),
    "unknown_term": (
        "Dat woord kan ik je niet goed uitleggen. Een adviseur van het leerwerkloket of de "
        "school weet het wel. Vraag het ook gerust daar."
    ),
    "vca": (
        "VCA is een certificaat voor veilig werken. Veel bedrijven in de techniek, de bouw en "
        "de industrie vragen erom. De cursus duurt meestal een of twee dagen, met een examen."
    ),
    "validation": (
        "Je werkervaring kan meetellen. Met een EVC-traject of een praktijkverklaring laat je "
        "zien wat je al kunt. De school beslist of je daarmee vrijstellingen krijgt. Vraag "
        "ernaar bij een mbo-school of het leerwerkloket."
    ),
    "course_details": (
        "Op de kaart van de opleiding zie je de school, de plaats, de duur en de prijs. Via de "
        "link vind je meer informatie. Wat je niet ziet, weet de school."
    ),
}
# The first term found decides; more specific terms come first.
_TERMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"kwalificatieplicht|leerplicht|startkwalificatie"), "qualification_duty"),
    (re.compile(r"\bvca\b"), "vca"),
    (re.compile(r"crebo|kwalificatiedossier"), "crebo"),
    (re.compile(r"certifica"), "certificate"),
    (re.compile(r"keuzede"), "keuzedeel"),
    (re.compile(r"\b(bol|bbl|bbel)\b|leerweg|leerwerk|werken en leren"), "bol_bbl"),
    (re.compile(r"\bbpv\b|stage|beroepspraktijk|\bsbb\b|leerbedrijf"), "practice"),
    (re.compile(r"deeltijd"), "part_time"),
    (re.compile(r"\b(hbo|wo|universiteit)\b"), "mbo_hbo"),
    (re.compile(r"niveau|entree"), "levels"),
    (re.compile(r"\b(roc|vakschool|aoc)\b|intake"), "school"),
)


def faq_answer(text: str) -> str:
    words = normalise(text)
    name = next((name for pattern, name in _TERMS if pattern.search(words)), None)
    if name is None and not re.search(r"\b(mbo|opleiding|school|diploma|leren)\b", words):
        # A term none of these answers ("wat is een lasapparaat?"): no BOL/BBL lesson.
        return FAQ["unknown_term"]
    return FAQ[name or "general"]


PASSING: dict[str, str] = {
    "vog": (
        "Voor werk in de zorg, de kinderopvang en het onderwijs vraagt de werkgever of school "
        "bijna altijd een VOG. Dat is een verklaring over je gedrag. Je vraagt hem aan bij "
        "je gemeente of online via Justis. In de kinderopvang moet je ook in het "
        "Personenregister kinderopvang staan."
    ),
    "real": (
        "Eerlijk gezegd: de opleidingen die ik laat zien, zijn voor een deel voorbeelden. Op een "
        "kaart met 'voorbeeld' is de school, de prijs of de datum niet echt. Vraag de school "
        "altijd wat klopt. De regels over geld komen van DUO en de overheid."
    ),
    "ww": (
        "Met een WW-uitkering mag je een opleiding doen, als je beschikbaar blijft voor werk en "
        "blijft solliciteren. Vertel het UWV voor je begint. Vindt het UWV de opleiding nodig "
        "om werk te vinden? Dan hoef je soms minder te solliciteren. Het UWV beslist dat vooraf."
    ),
    "bijstand": (
        "Heb je bijstand? Vraag dan eerst je werkconsulent bij de gemeente. Voor leren overdag "
        "heb je toestemming nodig. De gemeente betaalt soms mee."
    ),
    "uwv": (
        "Het UWV betaalt meestal geen opleiding voor mensen met WW. Soms wel, als je die nodig "
        "hebt om werk te vinden. Vraag het je adviseur bij het UWV. Een nieuwe werkgever "
        "betaalt ook vaak mee."
    ),
    "foreign_diploma": (
        "Laat je buitenlandse diploma waarderen. Dat heet een diplomawaardering. Voor mbo en "
        "vmbo doet SBB dat, voor hbo en universiteit Nuffic. Kijk op idw.nl. Vaak vraagt de "
        "school of het UWV het voor je aan, dan is het gratis."
    ),
    "age": (
        "Je bent niet te oud om te leren. Veel mensen beginnen na hun 40e of 50e aan een "
        "opleiding. Werkgevers zoeken mensen met ervaring. Een korte route past dan vaak goed."
    ),
    "duration": (
        "Een mbo-diploma duurt meestal één tot drie jaar. Met ervaring gaat het vaak sneller. "
        "Een certificaat of cursus duurt een paar weken tot een paar maanden."
    ),
    "loan": (
        "Met het levenlanglerenkrediet leen je geld bij DUO voor je lesgeld of collegegeld. Je "
        "leent niet meer dan dat. Je betaalt het later terug, met rente, in 15 jaar. Hoeveel "
        "je per maand betaalt, hangt af van wat je verdient. Verdien je weinig, dan betaal je "
        "minder of niets."
    ),
    "f_gassen": (
        "Ja. Werk je aan warmtepompen of airco's met koudemiddel, dan heb je een "
        "F-gassencertificaat nodig. Je haalt het met een korte cursus en een examen. Vaak "
        "betaalt de werkgever die cursus."
    ),
    "study_support": (
        "Studiefinanciering is geld van DUO voor studenten in een voltijd opleiding. Een "
        "tegemoetkoming schoolkosten is geld van DUO voor jonge studenten. Weet je niet of "
        "je het krijgt? Kijk dan op Mijn DUO."
    ),
    "cost": (
        "Dat hangt af van de opleiding. Bij een mbo-opleiding betaal je les- of cursusgeld. "
        "Bij BBL betaalt de werkgever dat vaak. Een cursus of certificaat heeft een eigen "
        "prijs. Op de kaart van elke opleiding en bij elke route zie je wat het ongeveer kost."
    ),
    "study_hours": (
        "Dat hangt af van de route. Bij BBL werk je en ga je meestal één dag per week naar "
        "school. Een BOL-opleiding is bijna een hele week. Voor een cursus heb je vaak een "
        "paar uur per week nodig."
    ),
    "evening": (
        "Veel cursussen en sommige mbo-opleidingen zijn in de avond of in deeltijd. BBL gaat "
        "meestal overdag: je werkt en gaat één dag per week naar school. Vraag de school naar "
        "lessen in de avond."
    ),
}
_PASSING: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bvog\b|verklaring omtrent|gedragsverklaring"), "vog"),
    (re.compile(r"\bf\s*-?\s*gassen|\bkoudemiddel"), "f_gassen"),
    (re.compile(r"\b(hoeveel|hoe veel) (kan|mag) ik lenen|\bterug ?betalen\b|\blenen\b"), "loan"),
    (re.compile(r"\bvca\b"), "vca"),
    (re.compile(r"\b(in )?deeltijd\b|\bnaast (mijn |m'n )?werk\b"), "part_time"),
    (re.compile(r"studiefinanciering|\bstufi\b|tegemoetkoming|lerarenbeurs"), "study_support"),
    (
        re.compile(
            r"\b(echte|echt|kloppen|klopt dit|klopt dat|voorbeeld\w*|nep|verzonnen|betrouwbaar)\b"
            r".*\b(info|informatie|opleidingen|cursussen|scholen|gegevens|data|dit|die|het)?\b"
        ),
        "real",
    ),
    (
        re.compile(
            r"\b(erkennen|erkend|erkenning|waarderen|waardering)\b.*\bdiploma"
            r"|\bbuitenlands\w* diploma"
        ),
        "foreign_diploma",
    ),
    (
        re.compile(
            r"\b(met|in|op) (de |een |mijn )?ww\b|\bww\b.*\b(mag|opleiding|cursus|leren)\b"
            r"|\bmag\b.*\bww\b"
        ),
        "ww",
    ),
    (re.compile(r"\bbijstand\b"), "bijstand"),
    (re.compile(r"\buwv\b"), "uwv"),
    (re.compile(r"\bte oud\b|\bop mijn leeftijd\b|\bnog (wel )?(zin|nut)\b"), "age"),
    (re.compile(r"\bhoe ?lang (duurt|ben ik|doe)\b|\bduurt (het|dat) lang\b"), "duration"),
    (re.compile(r"\bhoeveel (uur|uren|tijd)\b|\bper week\b.*\bvrij|\bvrijmaken\b"), "study_hours"),
    (re.compile(r"\b(alleen |ook )?'?s ?avonds\b|\bin de avond\b"), "evening"),
)
_WHO_PAYS = re.compile(
    r"\b(wie betaalt|betaalt (mijn |de |het )?(werkgever|baas|uwv|gemeente)|zelf betalen|"
    r"moet ik (dat |het )?zelf|betalen|vergoed\w*)\b"
)
_COST = re.compile(
    r"\b(wat kost|hoeveel kost|kost (dat|het|die)|kosten|prijs|hoe duur|is (dat|het) duur)\b"
)


def who_pays(state: DialogueState) -> str:
    """Who usually pays, for this person's situation as far as it is known."""
    employment, benefit = state.value("employment"), state.value("benefit")
    if benefit == "ww" or (employment == "werkzoekend" and benefit is None):
        return (
            "Heb je een uitkering van het UWV? Vraag dan je adviseur bij het UWV of die "
            "meebetaalt. "
            "Dat kan als de opleiding je helpt om werk te vinden. Anders betaal je zelf, of "
            "een nieuwe werkgever. Het leerwerkloket geeft gratis advies."
        )
    if benefit == "bijstand":
        return (
            "Met bijstand vraag je het eerst aan de gemeente. Die betaalt soms mee. Het "
            "leerwerkloket geeft gratis advies."
        )
    if state.value("has_employer") is False or state.value("payer") == "zelf":
        return (
            "Je werkgever betaalt niet mee. Dan betaal je zelf, of je leent bij DUO met het "
            "levenlanglerenkrediet. Soms betaalt de gemeente of het UWV mee. Het "
            "leerwerkloket geeft gratis advies over wat er voor jou is."
        )
    if employment == "werkend":
        return (
            "Vraag eerst je werkgever. Veel werkgevers betalen een opleiding die bij je werk past. "
            "Soms staat er een opleidingsbudget in je cao. Bij BBL betaalt de werkgever vaak het "
            "cursusgeld. Anders betaal je zelf, of je leent bij DUO met het levenlanglerenkrediet."
        )
    return (
        "Dat hangt af van je situatie. Werk je? Vraag dan eerst je werkgever. Heb je een "
        "uitkering? Vraag het UWV of de gemeente. Anders betaal je zelf, of je leent bij DUO. "
        "Het STAP-budget bestaat niet meer."
    )


def answer_question(text: str, state: DialogueState, *, intent: str) -> str | None:
    """The answer to a question asked in passing, or None when it is not one of these.

    In a long message the sentence with the question mark is read first: the
    rest tells about the person ("... in de avond. moet ik dat zelf betalen?").
    """
    asked = [part for part in re.split(r"(?<=[.!?])\s+", text) if "?" in part]
    if asked and len(asked[-1]) < len(text):
        answer = _answer(asked[-1], state, intent=intent)
        if answer is not None or len(asked[-1].split()) >= 5:
            # A whole question of its own that none of these answer: not the story around it.
            return answer
    return _answer(text, state, intent=intent)


def _answer(text: str, state: DialogueState, *, intent: str) -> str | None:
    words = normalise(text)
    for pattern, name in _PASSING:
        if pattern.search(words):
            if name == "evening" and not re.search(r"\?|\bkan\b|\bmag\b|\bkun\b", words + text):
                continue
            if name == "real" and not re.search(
                r"\?|\bis dit\b|\bzijn dit\b|\bzijn die\b", text + words
            ):
                continue
            if name == "evening" and state.value("target_occupation"):
                target = state.value("target_occupation")
                return (
                    f"Of je {target} 's avonds kunt leren, verschilt per school. " + PASSING[name]
                )
            return PASSING.get(name) or FAQ[name]
    asks = (
        intent in ("ask_funding", "ask_course_details")
        or "?" in text
        or words.startswith(("wie", "moet", "wat", "hoeveel", "betaalt", "is"))
    )
    if asks:
        parts = []
        if _COST.search(words):
            parts.append(PASSING["cost"])
        if _WHO_PAYS.search(words):
            parts.append(who_pays(state))
        if parts:
            return " ".join(parts)
    if intent == "faq":
        return faq_answer(text)
    if intent == "ask_validation":
        return FAQ["validation"]
    return None
