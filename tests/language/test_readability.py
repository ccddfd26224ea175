"""The readability check itself: syllables, sentences, words and the B1 verdict."""

from __future__ import annotations

import pytest

from tests.language.readability import (
    B1_LIMITS,
    DOMAIN_TERMS,
    Limits,
    assert_b1,
    check,
    measure,
    sentences,
    syllables,
    words,
)

B1_TEXT = (
    "Je kunt het levenlanglerenkrediet het hele jaar aanvragen bij DUO. "
    "Het is een lening voor je lesgeld. Je betaalt het later terug, met rente. "
    "Wil je weten of het bij jou past? Vraag het gratis aan het leerwerkloket."
)

BUREAUCRATIC_TEXT = (
    "Indien u overeenkomstig de desbetreffende bepalingen van de bovengenoemde regeling "
    "in aanmerking wenst te komen voor een tegemoetkoming in de studiekosten, dient u "
    "reeds voorafgaand aan de aanvang van de opleiding een volledig ingevuld "
    "aanvraagformulier, alsmede de vereiste bewijsstukken, te verstrekken aan de "
    "uitvoeringsorganisatie. Onvolledige aanvragen worden niet in behandeling genomen."
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("ik", 1),
        ("zorg", 1),
        ("nieuw", 1),
        ("eeuw", 1),
        ("één", 1),
        ("koeien", 2),
        ("cyclus", 2),
        ("uitkering", 3),
        ("opleiding", 3),
        ("bijvoorbeeld", 3),
        ("ideaal", 3),
        ("België", 3),
        ("opleidingen", 4),
        ("leerwerkloket", 4),
        ("kinderopvang", 4),
        ("geïnteresseerd", 5),
        ("financiële", 5),
        ("mbo-certificaat", 5),
        ("studiefinanciering", 6),
        ("levenlanglerenkrediet", 7),
        ("ervaringscertificaat", 7),
        ("informatiedienstverlening", 8),
    ],
)
def test_dutch_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


@pytest.mark.parametrize("word", ["3F", "BSN", "2024", "mbo-4", "1.500"])
def test_a_word_without_vowels_is_one_syllable(word: str) -> None:
    assert syllables(word) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoi! Hoe oud ben je? Dank je.", ["Hoi!", "Hoe oud ben je?", "Dank je."]),
        (
            "Zeg bijv. dat je o.a. in de zorg wilt werken. Dat kan.",
            ["Zeg bijv. dat je o.a. in de zorg wilt werken.", "Dat kan."],
        ),
        (
            "Het kost € 1.500 per jaar. De les begint om 10.30 uur.",
            ["Het kost € 1.500 per jaar.", "De les begint om 10.30 uur."],
        ),
        (
            "Je haalt mbo-4 en taalniveau 3F. Kijk op https://duo.nl/particulier. Klaar.",
            ["Je haalt mbo-4 en taalniveau 3F.", "Kijk op https://duo.nl/particulier.", "Klaar."],
        ),
        (
            "Er zijn twee manieren:\n- een lening van DUO\n- geld van je werkgever\nKies er een.",
            [
                "Er zijn twee manieren:",
                "een lening van DUO",
                "geld van je werkgever",
                "Kies er een.",
            ],
        ),
        (
            "Let op: je betaalt het terug.",  # ":" inside a line does not end the sentence
            ["Let op: je betaalt het terug."],
        ),
        (
            "Dhr. Jansen helpt je, d.w.z. hij belt je. Het duurt ca. een uur.",
            ["Dhr. Jansen helpt je, d.w.z. hij belt je.", "Het duurt ca. een uur."],
        ),
        (
            "Zorg, techniek enz. Daarna kies je.",
            ["Zorg, techniek enz.", "Daarna kies je."],
        ),
        (
            "1. Kies een opleiding\n2. Vraag geld aan\n   bij DUO",
            ["Kies een opleiding", "Vraag geld aan bij DUO"],
        ),
        ("Echt?! Ja... dat kan.", ["Echt?!", "Ja...", "dat kan."]),
        ("Werk in de X. Zo blijf je goed.", ["Werk in de X.", "Zo blijf je goed."]),
        ("Bel J. de Vries.", ["Bel J. de Vries."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_words_drop_punctuation_and_symbols() -> None:
    assert words("Het kost € 1.500 – met btw (ca. 21%), zie duo.nl.") == [
        "Het",
        "kost",
        "1.500",
        "met",
        "btw",
        "ca",
        "21%",
        "zie",
        "duo.nl",
    ]
    assert words("Een mbo-4 opleiding om 10:30 uur, 's avonds.") == [
        "Een",
        "mbo-4",
        "opleiding",
        "om",
        "10:30",
        "uur",
        "s",
        "avonds",
    ]


def test_measure() -> None:
    result = measure("Hoe oud ben je? Ik zoek een opleiding in de zorg voor jou.")
    assert result.sentence_count == 2
    assert result.word_count == 13
    assert result.mean_sentence_words == 6.5
    assert result.longest_sentence_words == 9
    assert result.long_word_share == 0.0


def test_a_clear_b1_text_passes() -> None:
    assert check(B1_TEXT) == []
    assert_b1(B1_TEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Hoe oud ben je?",
        "Graag gedaan!",
        "Wat is je geboortedatum?",  # one long word is always fine
        "Ja, ik ben een computerprogramma: een chatbot.",
        "Vraag het aan je werkgever of aan het leerwerkloket in je regio.",
    ],
)
def test_normal_short_replies_pass(text: str) -> None:
    assert check(text) == []


def test_a_bureaucratic_text_fails_on_every_count() -> None:
    problems = check(BUREAUCRATIC_TEXT)
    joined = "\n".join(problems)
    assert "words long on average" in joined
    assert "sentence of 44 words" in joined
    assert "long words of 4+ syllables" in joined
    assert "Flesch-Douma" in joined
    assert "addresses the reader with 'u', 'u'" in joined
    for word in ("overeenkomstig", "desbetreffende", "bovengenoemde", "reeds", "alsmede"):
        assert repr(word) in joined
    with pytest.raises(AssertionError, match="not B1 Dutch"):
        assert_b1(BUREAUCRATIC_TEXT)


def test_heavy_words_fail_even_in_short_sentences() -> None:
    text = (
        "Voor deelname aan de opleiding is een relevante vooropleiding vereist. "
        "Daarnaast wordt een intakegesprek gevoerd. "
        "Vervolgens ontvang je een definitieve plaatsingsbeslissing."
    )
    (problem,) = check(text)
    assert problem.startswith("24% long words of 4+ syllables (at most 15%): relevante")


def test_one_long_chained_sentence_fails() -> None:
    text = (
        "Je kunt bij de school een intake doen, waarna je een advies krijgt over de "
        "opleiding die het beste bij je past en de kosten die je moet betalen als je begint."
    )
    assert check(text) == [
        "sentences are 32.0 words long on average (at most 14)",
        f"sentence of 32 words (at most 22): {text!r}",
    ]


def test_formal_address_is_found_as_a_word_only() -> None:
    assert any("addresses the reader" in p for p in check("Kunt u uw naam geven?"))
    assert check("Het UWV helpt je. Je uitkering loopt door.") == []


def test_domain_terms_are_not_long_words() -> None:
    text = "Vraag studiefinanciering of een levenlanglerenkrediet aan. Bel het leerwerkloket."
    assert measure(text).long_words == ()
    assert measure(text, allowed_terms=frozenset()).long_words == (
        "studiefinanciering",
        "levenlanglerenkrediet",
        "leerwerkloket",
    )
    # Plurals and -e forms of a term are covered too.
    assert measure("Er zijn 35 leerwerkloketten. Ze zijn pedagogische experts.").long_words == ()


def test_hyphenated_words_are_judged_by_their_parts() -> None:
    assert measure("Je volgt een mbo-opleiding.").long_words == ()
    assert measure("Je haalt een mbo-diploma op niveau 4.").long_words == ()


def test_limits_can_be_changed() -> None:
    text = "Je zoekt een opleiding in de zorg in Utrecht of in Amersfoort of Zeist."
    assert check(text) == []
    assert check(text, limits=Limits(max_mean_sentence_words=8, max_sentence_words=10)) == [
        "sentences are 14.0 words long on average (at most 8)",
        f"sentence of 14 words (at most 10): {text!r}",
    ]


def test_the_limits_are_the_documented_ones() -> None:
    """docs/language.md states these numbers: change both together."""
    assert (
        Limits(
            max_mean_sentence_words=14.0,
            max_sentence_words=22,
            long_word_syllables=4,
            max_long_word_share=0.15,
            long_words_always_allowed=1,
            min_flesch_douma=60.0,
            flesch_douma_min_words=30,
        )
        == B1_LIMITS
    )
    assert {"levenlanglerenkrediet", "stap-budget", "leerwerkloket"} <= DOMAIN_TERMS
    assert all(term == term.lower() for term in DOMAIN_TERMS)
