"""Every Dutch text the dialogue says itself, in one place so the B1 check reads them all.

Placeholders are filled with str.format; keep sentences short and words common
(docs/language.md).
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, str] = {
    # Small talk.
    "greet": (
        "Hoi! Ik ben Leerwijzer. Ik help je een opleiding of cursus te vinden. "
        "Ik vraag alleen wat ik nodig heb. Deel geen BSN of medische gegevens."
    ),
    "goodbye": "Tot ziens! Succes met je plannen.",
    "thanks": "Graag gedaan!",
    "bot": (
        "Ja, ik ben een computerprogramma: een chatbot. Wil je een mens spreken? "
        "Vraag dan naar een adviseur."
    ),
    "capabilities": (
        "Ik help je een opleiding te kiezen. Ik zoek mbo-opleidingen, certificaten en "
        "cursussen. Ik maak een route voor je, en ik kijk wie kan betalen. Zeg bijvoorbeeld: "
        "ik werk in de zorg en wil verder."
    ),
    "out_of_scope": (
        "Daar kan ik je niet mee helpen. Ik weet alleen iets van opleidingen, cursussen en hoe "
        "je die betaalt."
    ),
    "unclear": (
        "Sorry, dat begreep ik niet. Kun je het anders zeggen? Bijvoorbeeld: ik zoek een "
        "cursus over warmtepompen."
    ),
    "unclear_again": (
        "Het lukt me niet goed om je te begrijpen. Wil je met een adviseur praten? "
        "Dat kan. Je kunt ook een korte zin typen, zoals: ik wil in de zorg werken."
    ),
    "symbols": "Ik zie alleen tekens. Wat wil je weten? Typ het gerust in een paar woorden.",
    "payload": "Dat is een code die ik niet ken. Typ gewoon in je eigen woorden wat je zoekt.",
    "injection": ("Ik help alleen met opleidingen, cursussen en hoe je die betaalt. Wat zoek je?"),
    "acknowledge_yes": "Fijn. Waar kan ik je nog mee helpen?",
    "acknowledge_no": "Oké. Waar kan ik je wel mee helpen?",
    "acknowledge_dont_know": (
        "Dat is niet erg. Vraag me gerust iets over opleidingen, of zeg wat je zoekt."
    ),
    "noted": "Dank je. Dat heb ik genoteerd: {facts}.",
    "offer_advice": "Wil je advies over een opleiding? Kies dan wat je wilt bereiken.",
    # The intake.
    "start": "Fijn dat je verder wilt. Ik stel je een paar vragen. Dan weet ik wat bij je past.",
    "not_understood": "Dat begreep ik niet goed.",
    "skip_question": "Dat is niet erg. Ik sla deze vraag over en ga verder.",
    "assume": "Ik ga er voorlopig van uit: {assumption}. Klopt dat niet? Zeg het gerust.",
    "resume": "Dan gaan we verder.",
    "stopped": (
        "Goed, ik stop met de vragen. Wat ik al weet, onthoud ik. Wil je later verder? "
        "Zeg dan: ik wil advies."
    ),
    "stopped_nothing": "Goed. Waar kan ik je mee helpen?",
    "changed": "Ik heb het aangepast: {changes}.",
    "nothing_changed": "Dat wist ik al: {facts}.",
    "replanned": "Ik heb je routes opnieuw gemaakt.",
    "paths_again": "Dit zijn je routes nog een keer:",
    "searching_now": "Ik zoek nu {where}.",
    # Searches.
    "search_more": "Dit zijn de volgende {shown} van de {total}:",
    "search_no_more": "Meer heb ik niet gevonden. Dit waren alle {total}.",
    "search_nothing_before": (
        "Ik heb nog niets voor je gezocht. Zeg wat je zoekt, bijvoorbeeld: een cursus over "
        "excel in Utrecht."
    ),
    "search_closer": "Ik zoek nu dichterbij: binnen {km} km van {place}.",
    "search_closer_no_place": "Waar woon je? Dan zoek ik in de buurt.",
    "unknown_place": "De plaats '{place}' ken ik niet. Ik zoek daarom in heel Nederland.",
    "catalogue_down": "Sorry, ik kan de opleidingen nu niet doorzoeken. Probeer het later opnieuw.",
    # Erasure.
    "erase_ask": (
        "Wil je dat ik dit gesprek wis? Dan wis ik alles wat je hier zei, ook je profiel en je "
        "routes. Dat kan ik niet terugdraaien."
    ),
    "erase_kept": "Goed, ik wis niets.",
    "known": "Dit weet ik van je: {facts}. Wil je dat ik alles wis? Zeg dan: wis mijn gegevens.",
    "known_nothing": "Ik weet nog niets over jou. Ik onthoud alleen wat je mij hier vertelt.",
    "how_to_help": "Waar kan ik je mee helpen?",
    # Funding.
    "funding_intro": (
        "Voor een opleiding is er vaak geld. Het STAP-budget bestaat niet meer. Het "
        "levenlanglerenkrediet is een lening van DUO. Wat wil je weten?"
    ),
    "stap_ended": (
        "Het STAP-budget is op 1 januari 2024 gestopt. Je kunt het niet meer aanvragen. "
        "Ik kijk of het levenlanglerenkrediet bij je past."
    ),
    "funding_impossible": "Dat kan niet kloppen.",
    "funding_eligible": "Het lijkt erop dat je in aanmerking komt.{amount} De DUO beslist.",
    "funding_amount": " Je kunt tot € {amount} lenen.",
    "funding_not_eligible": "Je komt helaas niet in aanmerking. {reasons}",
    "funding_unknown": "Dat kan ik nog niet zeker zeggen. {reasons}",
    "funding_others": "Dit kun je nog meer proberen:\n{lines}",
    # Counsellor offer (never forced because the bot misread a question).
    "offer_counsellor": "Wil je liever met een adviseur praten? Zeg dan: ik wil een adviseur.",
    "failure": (
        "Sorry, er ging iets mis bij mij. Probeer het nog een keer, of zeg het op een andere "
        "manier."
    ),
}


# Fields of work that take "het": "het onderwijs", but "de zorg".
_HET_FIELDS = {"onderwijs", "groen"}


def the_field(field: str) -> str:
    """A field of work with its article: "de zorg", "het onderwijs"."""
    return f"{'het' if field in _HET_FIELDS else 'de'} {field}"


def text(key: str, **values: Any) -> str:
    return TEMPLATES[key].format(**values)
