"""Gateway messages -> Telegram HTML: cards, escaping, links, keyboards and splitting."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from bot.telegram.buttons import ButtonStore
from bot.telegram.cards import euros, render_custom
from bot.telegram.markup import safe_url, split_html, units
from bot.telegram.render import Button, keyboard_rows, render_messages
from bot.telegram.texts import CHOOSE

COURSE: dict[str, Any] = {
    "id": 7,
    "title": "Monteur <warmtepompen> & koeling",
    "kind": "cursus",
    "level": 3,
    "provider": "ROC van Twente",
    "place": "Enschede",
    "distance_km": 4.4,
    "learning_modes": ["bbl", "avond"],
    "duration_weeks": 12,
    "price_eur": 1250.5,
    "start_dates": ["2026-09-01", "2027-02-01", "2027-04-01", "2027-09-01"],
    "url": "https://www.rocvantwente.nl/warmtepomp?a=1&b=2",
}


class TagChecker(HTMLParser):
    """Fails on a closing tag without its opening tag; records what stays open."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> without <{tag}>"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


def assert_balanced(text: str) -> None:
    checker = TagChecker()
    checker.feed(text)
    checker.close()
    assert checker.open == [], text


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_data(self, data: str) -> None:
        self.found.append(data)


def visible(text: str) -> str:
    collector = TextCollector()
    collector.feed(text)
    collector.close()
    return "".join(collector.found)


# --- cards ------------------------------------------------------------------


def test_a_course_card_shows_the_facts_escaped_with_a_safe_link() -> None:
    html = render_custom({"type": "course_list", "courses": [COURSE], "total": 1})
    assert html is not None
    assert "<b>Monteur &lt;warmtepompen&gt; &amp; koeling (niveau 3)</b>" in html
    assert "Aanbieder: ROC van Twente" in html
    assert "Plaats: Enschede (4 km)" in html
    assert "Zo leer je: BBL, AVOND" in html
    assert "Duur: 12 weken" in html
    assert "Prijs: € 1.250,50" in html
    assert "Start: 1 september 2026, 1 februari 2027, 1 april 2027" in html
    assert '<a href="https://www.rocvantwente.nl/warmtepomp?a=1&amp;b=2">' in html
    assert_balanced(html)


def test_unsafe_or_missing_urls_are_no_links() -> None:
    for url in ["javascript:alert(1)", "tg://resolve?domain=x", "ftp://x.nl", None, "https://"]:
        html = render_custom({"type": "course_list", "courses": [{**COURSE, "url": url}]})
        assert html is not None
        assert "<a " not in html
    assert safe_url('https://x.nl/"><b>') == 'https://x.nl/"><b>'
    html = render_custom({"type": "course_list", "courses": [{**COURSE, "url": 'https://x.nl/"a'}]})
    assert html is not None
    assert 'href="https://x.nl/&quot;a"' in html


def test_text_never_becomes_markup() -> None:
    (reply,) = render_messages([{"text": "<b>vet</b> & <a href='x'>link</a>"}])
    assert reply.html == "&lt;b&gt;vet&lt;/b&gt; &amp; &lt;a href=&#x27;x&#x27;&gt;link&lt;/a&gt;"


def test_a_course_without_price_says_ask_the_school() -> None:
    html = render_custom({"type": "course_list", "courses": [{**COURSE, "price_eur": None}]})
    assert html is not None
    assert "Prijs: vraag de school" in html
    assert euros(1250) == "€ 1.250"


def test_a_path_shows_steps_reasons_courses_funding_and_totals() -> None:
    path = {
        "type": "path",
        "title": "Route naar verpleegkundige",
        "steps": [
            {"title": "EVC-traject", "kind": "evc", "why": "Je werkt al 8 jaar in de zorg."},
            {
                "title": "Verpleegkundige",
                "kind": "diploma",
                "why": "Dit diploma heb je nodig.",
                "course": COURSE,
                "funding": [
                    {"id": "werkgever", "title": "Je werkgever", "text": "Vraag het na."},
                    {"id": "llo", "title": "Levenlanglerenkrediet", "text": "Een lening."},
                ],
            },
        ],
        "cost_eur": 3200,
        "weeks": 40,
        "notes": ["Dit is een voorbeeld <test>."],
    }
    html = render_custom(path)
    assert html is not None
    assert html.startswith("<b>Route naar verpleegkundige</b>")
    assert "1. <b>EVC-traject</b>\nJe werkt al 8 jaar in de zorg." in html
    assert "2. <b>Verpleegkundige</b>" in html
    assert "ROC van Twente · Enschede · € 1.250,50" in html
    assert "- Je werkgever: Vraag het na." in html
    assert "- Levenlanglerenkrediet: Een lening." in html
    assert "Kosten samen: € 3.200 · Duur: ongeveer 40 weken" in html
    assert "Dit is een voorbeeld &lt;test&gt;." in html
    assert_balanced(html)


def test_an_eligibility_result_shows_outcome_amount_and_reasons() -> None:
    result = {
        "scheme": "levenlanglerenkrediet",
        "scheme_name": "Levenlanglerenkrediet",
        "outcome": "eligible",
        "amount_eur": 19535,
        "reasons": [
            {
                "rule": "age",
                "status": "pass",
                "explanation": "Je bent jonger dan 56.",
                "source": "https://duo.nl/llk",
            },
            {
                "rule": "nat",
                "status": "unknown",
                "explanation": "Ik weet je nationaliteit niet.",
                "source": "Wet studiefinanciering 2000",
            },
        ],
        "alternatives": [{"title": "Je werkgever", "url": "https://www.werk.nl"}],
    }
    html = render_custom({"type": "eligibility", "result": result})
    assert html is not None
    assert html.startswith("<b>Levenlanglerenkrediet: Je komt in aanmerking</b>")
    assert "Bedrag: € 19.535" in html
    assert '- <b>Klopt:</b> Je bent jonger dan 56. <a href="https://duo.nl/llk">Bron</a>' in html
    assert (
        "<b>Nog onbekend:</b> Ik weet je nationaliteit niet. (bron: Wet studiefinanciering 2000)"
        in html
    )
    assert '- Je werkgever <a href="https://www.werk.nl">Meer over Je werkgever</a>' in html
    assert_balanced(html)


@pytest.mark.parametrize(
    ("status", "words"), [("queued", "wachtrij"), ("assigned", "adviseur kijkt nu mee")]
)
def test_a_handoff_says_where_the_question_is(status: str, words: str) -> None:
    html = render_custom({"type": "handoff", "status": status, "ticket": "T-42<"})
    assert html is not None
    assert words in html
    assert "Je nummer: <code>T-42&lt;</code>" in html


def test_unknown_results_are_left_out_and_buttons_alone_get_a_prompt() -> None:
    replies = render_messages(
        [{"custom": {"type": "map"}}, {"buttons": [{"title": "Ja", "payload": "/affirm"}]}]
    )
    assert len(replies) == 1
    assert replies[0].html == CHOOSE
    assert replies[0].buttons == (Button("Ja", "/affirm"),)


def test_short_answers_share_a_row_long_ones_do_not() -> None:
    short = tuple(Button(t, "/x") for t in ["Ja", "Nee", "Weet ik niet", "Later"])
    assert [[b.title for b in row] for row in keyboard_rows(short)] == [
        ["Ja", "Nee", "Weet ik niet"],
        ["Later"],
    ]
    long = tuple(Button(t, "/x") for t in ["Een diploma halen op niveau 3", "Doorgroeien"])
    assert len(keyboard_rows(long)) == 2


def test_button_tokens_are_bounded_per_chat() -> None:
    store = ButtonStore(max_chats=2, max_per_chat=3)
    tokens = [store.put(1, Button(str(n), f"/p{n}")) for n in range(5)]
    assert store.get(1, tokens[0]) is None
    assert store.get(1, tokens[4]) == Button("4", "/p4")
    assert store.count(1) == 3
    store.put(2, Button("a", "/a"))
    store.put(3, Button("b", "/b"))
    assert store.count(1) == 0  # the least recent chat made room


# --- splitting --------------------------------------------------------------


def test_a_short_text_stays_one_message() -> None:
    assert split_html("Hoi <b>daar</b>\n\nnog iets") == ["Hoi <b>daar</b>\n\nnog iets"]


def test_a_long_text_is_cut_between_lines_at_4096() -> None:
    lines = [f"<b>Opleiding {n}</b> in Enschede &amp; omgeving" for n in range(400)]
    text = "\n".join(lines)
    parts = split_html(text)
    assert len(parts) > 1
    assert all(units(part) <= 4096 for part in parts)
    assert "\n".join(parts) == text
    for part in parts:
        assert_balanced(part)
    # Full: the next line would not have fitted.
    assert units(parts[0]) + 1 + len(lines[0]) > 4096 - 10


def test_a_too_long_line_is_cut_between_words_and_keeps_tags_valid() -> None:
    line = (
        "<b>Vet begin</b> "
        + " ".join(f"woord{n} &amp;" for n in range(40))
        + (' <a href="https://x.nl">een link met veel woorden erin</a> eind')
    )
    parts = split_html(line, limit=60)
    assert len(parts) > 5
    for part in parts:
        assert units(part) <= 60
        assert_balanced(part)
        assert "&am" not in part.replace("&amp;", "")
    assert " ".join(visible(p) for p in parts).split() == visible(line).split()
    assert any(p.startswith('<a href="https://x.nl">') for p in parts[1:])


def test_a_word_longer_than_the_limit_is_cut_but_never_inside_an_entity() -> None:
    word = "a&amp;" * 40
    parts = split_html(word, limit=50)
    assert all(units(p) <= 50 for p in parts)
    assert "".join(parts) == word
    assert all(not p.endswith(("&", "&a", "&am", "&amp")) for p in parts)


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    text = "😀" * 3000
    parts = split_html(text)
    assert len(parts) == 2
    assert all(units(p) <= 4096 for p in parts)
    assert "".join(parts) == text


def test_blank_parts_are_dropped() -> None:
    assert split_html("\n\n\n") == []
