"""Every Dutch text the Telegram adapter writes itself (B1, "je"; see docs/language.md)."""

from __future__ import annotations

# Privacy: say what is kept and how to erase it. The retention period is not
# decided yet, so the notice promises only what the code does today.
WELCOME = (
    "Hoi! Ik ben Leerwijzer. Ik help je een opleiding of cursus te vinden. "
    "Ik kijk ook wie je opleiding kan betalen.\n\n"
    "Typ je vraag gewoon in een zin. Bijvoorbeeld: Ik zoek een opleiding in de zorg in Utrecht."
)
PRIVACY = (
    "Over je gegevens:\n"
    "- Ik bewaar wat je typt en wat ik antwoord. Zo kan ik je goed helpen.\n"
    "- Dat bewaar ik zolang je gesprek loopt, tot je /vergeet stuurt.\n"
    "- Je naam en je Telegram-nummer bewaar ik niet.\n"
    "- Stuur me geen BSN, adres of telefoonnummer. Dat heb ik niet nodig.\n\n"
    "Met /opnieuw begin je een nieuw gesprek. Met /vergeet wis ik je gesprek."
)
RESTARTED = "Goed, we beginnen opnieuw. Wat wil je weten?"
FORGOTTEN = (
    "Ik heb je gesprek gewist. Ik weet niets meer van wat je me hebt gestuurd. "
    "Je kunt altijd een nieuwe vraag stellen."
)
FORGET_FAILED = "Het wissen lukte nu niet. Probeer het over een paar minuten opnieuw."
UNAVAILABLE = "Sorry, ik kan nu even niet antwoorden. Probeer het over een paar minuten opnieuw."
NOT_UNDERSTOOD = "Sorry, daar heb ik geen antwoord op. Kun je het anders zeggen?"
TOO_LONG = "Je bericht is te lang voor mij. Kun je het korter zeggen?"
UNKNOWN_COMMAND = (
    "Die opdracht ken ik niet. Ik ken /start, /opnieuw en /vergeet. "
    "Of typ je vraag gewoon in een zin."
)
BUTTON_EXPIRED = "Deze knop werkt niet meer. Typ je antwoord."
CHOOSE = "Kies een antwoord:"
GROUP_ONLY_PRIVATE = (
    "Ik praat niet in een groep. Zo lezen anderen niet mee met je vragen. "
    "Stuur me een eigen bericht: {link}"
)
ONLY_TEXT = "Ik kan alleen tekst lezen, geen {kind}. Typ je vraag of je antwoord in een bericht."
ONLY_TEXT_LOCATION = (
    "Ik kan geen locatie lezen. Typ de naam van je plaats, bijvoorbeeld: in Utrecht."
)

# What the person sent, for ONLY_TEXT ("geen foto").
MEDIA_KINDS = {
    "photo": "foto",
    "voice": "spraakbericht",
    "video_note": "videobericht",
    "sticker": "sticker",
    "animation": "gif",
    "document": "bestand",
    "video": "video",
    "audio": "geluid",
    "contact": "contact",
    "poll": "peiling",
    "dice": "dobbelsteen",
}
OTHER_MEDIA = "bericht zonder tekst"

# Labels of the structured results, the same words as the web widget uses.
OUTCOME = {
    "eligible": "Je komt in aanmerking",
    "not_eligible": "Je komt niet in aanmerking",
    "unknown": "Dat weet ik nog niet zeker",
}
REASON_STATUS = {"pass": "Klopt", "fail": "Klopt niet", "unknown": "Nog onbekend"}
HANDOFF = {
    "assigned": "Een adviseur kijkt nu mee en antwoordt hier.",
    "queued": "Je vraag staat in de wachtrij voor een adviseur.",
}
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def all_texts() -> dict[str, str]:
    """Every full text, for the B1 check in the tests."""
    texts = {
        name: value
        for name, value in globals().items()
        if name.isupper() and isinstance(value, str) and len(value.split()) > 2
    }
    texts.update({f"OUTCOME.{k}": v for k, v in OUTCOME.items()})
    texts.update({f"HANDOFF.{k}": v for k, v in HANDOFF.items()})
    return texts
