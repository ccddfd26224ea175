"""Every Dutch text the advice writes, in one place so the B1 check reads them all.

Placeholders are filled with str.format. Keep sentences short and words common
(docs/language.md); tests/language checks every template here.
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, str] = {
    # Why a step is in the path.
    "why_evc": (
        "Je werkt al {years} als {job}. Die ervaring telt mee. "
        "Met een EVC laat je zien wat je al kunt. Dan krijg je vrijstellingen. "
        "Zo ben je sneller klaar."
    ),
    "why_evc_sector": (
        "Je werkt al {years} in de {sector}. Die ervaring telt mee. "
        "Met een EVC laat je zien wat je al kunt. Dan krijg je vrijstellingen."
    ),
    "why_praktijkverklaring": (
        "Je hebt al ervaring als {job}. Veel van wat je kunt, past bij dit vak. "
        "Met een praktijkverklaring laat je op je werk zien wat je kunt."
    ),
    "why_praktijkverklaring_sector": (
        "Je hebt al ervaring in de {sector}. Veel van wat je kunt, past bij dit vak. "
        "Met een praktijkverklaring laat je op je werk zien wat je kunt."
    ),
    "why_diploma_after_entree": (
        "Met dit diploma op niveau {level} kun je echt in de {field} werken. "
        "Na de entreeopleiding mag je hiermee beginnen."
    ),
    "why_dutch_field": (
        "In de {field} moet je goed Nederlands spreken, op niveau 3F. Dat staat in de regels "
        "voor de kinderopvang. Met deze cursus haal je dat niveau."
    ),
    "why_dutch_newcomer": (
        "Goed Nederlands helpt je in de les en op je werk. Daarom begin je hiermee."
    ),
    "why_entree": (
        "Je hebt nog geen diploma. Voor de entreeopleiding heb je geen diploma nodig. "
        "Daarna kun je verder naar niveau 2."
    ),
    "why_diploma_up": (
        "Dit is de volgende stap: een diploma op niveau {level}. Daarmee kun je werken als {title}."
    ),
    "why_diploma_new": (
        "Met dit diploma op niveau {level} kun je echt in de {field} werken. "
        "Het past bij je vooropleiding."
    ),
    "why_bbl": "Je doet dit in de BBL. Je werkt en leert tegelijk, en je krijgt loon.",
    "why_bol": "Je doet dit in de BOL. Je gaat naar school en loopt stage.",
    "why_certificate": (
        "Een mbo-certificaat is korter dan een diploma. Je leert een deel van het vak. "
        "Zo kun je snel aan het werk."
    ),
    "why_certificate_named": "Dit is het certificaat dat je zoekt. Het past bij je werk.",
    "why_first_step": (
        "Dit is een korte cursus. Zo leer je het werk kennen voordat je een lange opleiding kiest."
    ),
    "why_course_field": "Dit past bij werk in de {field}. Zo blijf je goed in je vak.",
    "why_target": "Je wilt {target} worden. Dit is de opleiding voor dat vak.",
    "why_job_at_risk": (
        "Je baan verdwijnt. Je werkgever moet je dan vaak helpen om ander werk te vinden. "
        "Vraag of hij deze opleiding betaalt."
    ),
    "far_away": "Deze opleiding is niet in de buurt van {place}. De dichtstbijzijnde is in {town}.",
    "not_in_catalogue": (
        "Ik vond hiervoor nog geen school in de buurt. "
        "Vraag het leerwerkloket waar je dit kunt doen."
    ),
    # Path titles.
    "title_diploma": "Route {number}: diploma {title}",
    "title_certificate": "Route {number}: eerst een certificaat",
    "title_courses": "Route {number}: korte cursussen",
    "title_quick": "Route {number}: snel beginnen met een korte cursus",
    "title_field": "Route {number}: snel aan de slag in de {field}",
    "title_named": "Route {number}: {title}",
    # Notes on a whole path.
    "note_over_budget": (
        "Deze route kost meer dan je zelf wilt betalen. Kijk daarom goed wie er mee kan betalen."
    ),
    "note_hours": (
        "Je hebt {hours} uur per week. Een voltijd opleiding past daar niet in. Daarom kies ik "
        "voor werken en leren of deeltijd."
    ),
    "note_mode_excluded": "Je zei dat de andere leerweg niet past. Daarom kies ik hier {mode}.",
    "note_evening": (
        "Je kunt alleen 's avonds leren. Deze opleiding is vooral overdag. Vraag de school of "
        "het ook in de avond kan."
    ),
    "note_admission": (
        "Voor deze opleiding vraagt de school soms een toets of een gesprek. "
        "Vraag dat na bij de school."
    ),
    # Chat texts around the paths.
    "intro_one": "Dit is een route die bij je past:",
    "intro_many": "Ik heb {count} routes voor je. Kies wat het beste bij je past:",
    "no_path": (
        "Ik kan nog geen goede route voor je maken. Een adviseur van het leerwerkloket helpt je "
        "graag. Dat is gratis."
    ),
    "next_actions": (
        "Wat kun je nu doen? Bekijk de scholen en vraag een intake aan. Wil je weten wat het "
        "kost of wie betaalt? Vraag het me gerust."
    ),
    "step_line": "{number}. {title}",
    "cost_line": "Kosten: ongeveer € {cost}.",
    "cost_unknown": "De kosten weet ik niet precies. Vraag het de school.",
    "duration_line": "Duur: ongeveer {months} maanden.",
    "duration_weeks_line": "Duur: ongeveer {weeks} weken.",
    "duration_one_week": "Duur: ongeveer een week.",
    "corrected": "Goed, ik heb het aangepast.",
    "not_understood": "Dat begreep ik niet goed.",
    "resume": "Dan gaan we verder.",
    "replanned": "Ik heb je routes aangepast.",
    "noted": "Dank je, dat heb ik onthouden. Wil je nog iets weten? Vraag het gerust.",
    # Short replies when no advice is going on.
    "ack_inform": (
        "Dank je, dat heb ik onthouden. Wil je advies over een opleiding? "
        "Kies dan wat je wilt bereiken."
    ),
    "ack_affirm": "Fijn. Waar kan ik je nog mee helpen?",
    "ack_deny": "Oké. Waar kan ik je wel mee helpen?",
    "ack_unclear": (
        "Sorry, dat begreep ik niet. Kun je het anders zeggen? "
        "Bijvoorbeeld: ik zoek een cursus over warmtepompen."
    ),
    "ack_dont_know": "Dat is niet erg. Vraag me gerust iets over opleidingen, of zeg wat je zoekt.",
    "start": "Fijn dat je verder wilt. Ik stel je een paar vragen. Dan weet ik wat bij je past.",
}


def text(key: str, **values: Any) -> str:
    return TEMPLATES[key].format(**values)
