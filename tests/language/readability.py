"""A B1 readability check for Dutch bot texts: short sentences, common words, "je".

Dependency-free on purpose: the end-to-end tests call ``assert_b1`` on every
message the bot sends, and ``tests/language/test_bot_texts.py`` runs ``check``
on every text the repository holds. Limits and their reasons: docs/language.md.

The measures are proxies. Sentence length and word length (in syllables) are
what the Flesch-Douma formula uses; the word lists catch "u" and officialese.
Nothing here knows whether a sentence is clear, correct or kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "B1_LIMITS",
    "DOMAIN_TERMS",
    "EVERYDAY_LONG_WORDS",
    "FORMAL_ADDRESS",
    "FORMAL_WORDS",
    "Limits",
    "Readability",
    "assert_b1",
    "check",
    "flesch_douma",
    "measure",
    "sentences",
    "syllables",
    "words",
]


@dataclass(frozen=True)
class Limits:
    """What a B1 text may not exceed. One text is one chat message or one template."""

    # Mean words per sentence over the whole text.
    max_mean_sentence_words: float = 14.0
    # No single sentence longer than this.
    max_sentence_words: int = 22
    # A word with at least this many syllables is a long word ...
    long_word_syllables: int = 4
    # ... and long words (outside the allowed terms) may be at most this share ...
    max_long_word_share: float = 0.15
    # ... except that this many long words are always fine (a short question with
    # "geboortedatum" in it is still a B1 question).
    long_words_always_allowed: int = 1
    # Flesch-Douma reading ease; below 60 Douma's own table says "fairly difficult".
    min_flesch_douma: float = 60.0
    # The score swings wildly on a handful of words: only texts this long get it.
    flesch_douma_min_words: int = 30
    # The product speaks "je": "u"/"uw" as a form of address is a problem.
    allow_formal_address: bool = False
    # Officialese with a plain B1 word for it ("overeenkomstig": "volgens").
    allow_formal_words: bool = False


B1_LIMITS = Limits()

# Fixed terms users need to hear (they search for them, DUO and UWV use them),
# so they are not counted as long words. Keep it short: every entry is a word
# a B1 rewrite cannot replace without losing the thing's name. A term also
# covers its plural, -s and -e forms ("leerwerkloketten", "pedagogische");
# "mbo-certificaten" needs its own entry: the spelling changes. Lower case.
DOMAIN_TERMS: frozenset[str] = frozenset(
    {
        # Names of schemes, registers and desks (Rijksoverheid's B1 guidance keeps
        # names of laws and schemes as they are).
        "levenlanglerenkrediet",
        "stap-budget",
        "scholingsregister",
        "stap-scholingsregister",
        "leerwerkloket",
        "studiefinanciering",
        "tegemoetkoming",
        "volksverzekeringen",
        # Proofs of what someone can do: the words on the paper people receive.
        "praktijkverklaring",
        "ervaringscertificaat",
        "mbo-certificaat",
        "mbo-certificaten",
        # Sector and course names as schools and the catalogue spell them.
        "installatietechniek",
        "kinderopvang",
        "informatiedienstverlening",
        "pedagogisch",
        "gespecialiseerd",
        # Conditions of the DUO loan, in DUO's words; no plainer word means the same.
        "nationaliteit",
        "verblijfsvergunning",
    }
)

# Everyday words the syllable count calls long although every reader knows them
# (high-frequency words, the product's own core word). Always allowed.
EVERYDAY_LONG_WORDS: frozenset[str] = frozenset(
    {
        "januari",
        "februari",
        "nederlander",
        "nederlanders",
        "nederlandse",
        "opleidingen",
        "informatie",
        "universiteit",
        "periode",
    }
)

# Forms of address the product does not use; "je/jij/jouw" instead.
FORMAL_ADDRESS: frozenset[str] = frozenset({"u", "uw", "uwe", "uzelf"})

# Officialese (ambtelijke taal) and the plain word to use instead. Not a full
# list: the words that turn up when someone copies a letter or a regulation.
FORMAL_WORDS: dict[str, str] = {
    "aanvang": "begin",
    "alsmede": "en",
    "alvorens": "voordat",
    "behoeve": "voor",
    "betreffende": "over",
    "bovengenoemd": "deze",
    "bovengenoemde": "deze",
    "conform": "volgens",
    "derhalve": "daarom",
    "desbetreffend": "die",
    "desbetreffende": "die",
    "doch": "maar",
    "gelieve": "wil je",
    "hetgeen": "wat",
    "indien": "als",
    "ingevolge": "volgens",
    "inzake": "over",
    "middels": "met",
    "omtrent": "over",
    "onderhavige": "deze",
    "overeenkomstig": "volgens",
    "reeds": "al",
    "teneinde": "om",
    "tevens": "ook",
    "thans": "nu",
    "verstrekken": "geven",
    "voornoemde": "deze",
    "woonachtig": "wonen",
    "zulks": "dit",
}

# --- sentences -----------------------------------------------------------------

# Abbreviations whose dot does not end a sentence. Dotted ones like "o.a." and
# "d.w.z." are recognised by their form. A single letter is not: "in de X." ends
# a sentence (an initial before a capital, "J. Jansen", is rare in bot texts).
_ABBREVIATIONS = frozenset(
    {
        "bijv.", "bv.", "ca.", "evt.", "incl.", "excl.", "nr.", "nrs.", "max.", "min.",
        "tel.", "jl.", "resp.", "vgl.", "zgn.", "zg.", "gem.", "mln.", "mld.", "mrd.",
        "dhr.", "mevr.", "mr.", "dr.", "drs.", "ir.", "ing.", "prof.", "st.", "art.",
        "blz.", "jan.", "feb.", "febr.", "aug.", "sept.", "okt.", "nov.", "dec.",
        "enz.", "etc.",
    }
)  # fmt: skip
# These may also end a sentence: they do when the next word starts with a capital.
_MAY_END_SENTENCE = frozenset({"enz.", "etc.", "e.d.", "e.a.", "e.v."})
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}")
_SENTENCE_END = re.compile(r"(?:[.?!…]|\.\.\.)$")
_CLOSING = "\"'”’»)]}"
_OPENING = "\"'“‘«([{<"
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")


def _blocks(text: str) -> list[str]:
    """Paragraphs and list items; a line that ends with ":" ends its block.

    A list item goes on over the lines indented under it.
    """
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    in_item = False
    for raw in text.splitlines():
        line = raw.strip()
        item = _LIST_ITEM.match(raw)
        if not line:
            flush()
        elif item:
            flush()
            current.append(raw[item.end() :].strip())
        elif in_item and not raw[:1].isspace():
            # Not indented under the list item: the text after the list.
            flush()
            current.append(line)
        else:
            current.append(line)
        in_item = bool(item) or (in_item and raw[:1].isspace())
        if line.endswith(":"):
            flush()
    flush()
    return blocks


def _ends_sentence(token: str, following: str | None) -> bool:
    core = token.rstrip(_CLOSING)
    if not _SENTENCE_END.search(core):
        return False
    if following is None or not core.endswith(".") or core.endswith("..."):
        return True
    lowered = core.lstrip(_OPENING).lower()
    starts_upper = following.lstrip(_OPENING)[:1].isupper()
    if lowered in _MAY_END_SENTENCE:
        return starts_upper
    if lowered in _ABBREVIATIONS or _DOTTED_ABBREVIATION.fullmatch(lowered):
        return False
    # "ca. drie", an abbreviation not in the list: Dutch sentences start with a capital.
    return not following.lstrip(_OPENING)[:1].islower()


def sentences(text: str) -> list[str]:
    """The sentences of a Dutch text.

    A sentence ends at ".", "?", "!" or "…" before a space (not after an
    abbreviation like "bijv." or "o.a."), and at ":" at the end of a line.
    Every list line ("- ...", "* ...", "1. ...") is a sentence of its own.
    Amounts ("€ 1.500"), times ("10.30"), "mbo-4" and links stay inside one.
    """
    result: list[str] = []
    for block in _blocks(text):
        tokens = block.split()
        start = 0
        for index, token in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or _ends_sentence(token, following):
                sentence = " ".join(tokens[start : index + 1])
                if words(sentence):
                    result.append(sentence)
                start = index + 1
    return result


# --- words and syllables ---------------------------------------------------------

_WORD_STRIP_START = _OPENING + "¡¿"
_WORD_STRIP_END = _CLOSING + ".,;:!?…"
_LINK = re.compile(r"(?:://|^www\.|@|\.(?:nl|com|org|eu|net|be)(?:/|$))", re.IGNORECASE)


def words(sentence: str) -> list[str]:
    """The words of a sentence, without the punctuation around them.

    A word is anything between spaces with a letter or digit in it: "mbo-4",
    "3F", "1.500", "10:30", "2,56%" and a link are one word each; "€" and a
    dash between spaces are none.
    """
    result: list[str] = []
    for token in sentence.split():
        word = token.lstrip(_WORD_STRIP_START).rstrip(_WORD_STRIP_END)
        if any(char.isalnum() for char in word):
            result.append(word)
    return result


_PLAIN_VOWEL = {
    **dict.fromkeys("aáàâ", "a"),
    **dict.fromkeys("eéèê", "e"),
    **dict.fromkeys("iíìî", "i"),
    **dict.fromkeys("oóòô", "o"),
    **dict.fromkeys("uúùû", "u"),
    "y": "y",
}
# A diaeresis starts a new syllable: "geïnteresseerd", "financiële", "België".
_DIAERESIS = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
# Vowel letters read as one sound, longest first ("ij" needs no entry: j is no vowel).
_VOWEL_UNITS = (
    "aai", "ooi", "oei", "eeu", "ieu", "eau",
    "aa", "ee", "oo", "uu", "ei", "ui", "ou", "au", "oe", "ie", "eu",
)  # fmt: skip


def _vowel_run_units(run: str) -> int:
    units = 0
    index = 0
    while index < len(run):
        unit = next((u for u in _VOWEL_UNITS if run.startswith(u, index)), run[index])
        index += len(unit)
        units += 1
    return units


def _part_syllables(part: str) -> int:
    count = 0
    run = ""
    for char in part:
        if char in _DIAERESIS:
            count += _vowel_run_units(run)
            run = _DIAERESIS[char]
        elif char in _PLAIN_VOWEL:
            run += _PLAIN_VOWEL[char]
        else:
            count += _vowel_run_units(run)
            run = ""
    count += _vowel_run_units(run)
    return count


def _parts(word: str) -> list[str]:
    return [part for part in re.split(r"[-/'’]", word.lower()) if part]


def syllables(word: str) -> int:
    """Dutch syllables, counted as groups of vowel letters (a e i o u y).

    "ij", "ei", "ui", "ou", "au", "oe", "ie", "eu", "aa", "ee", "oo", "uu"
    (and "aai", "ooi", "oei", "eeu", "ieu") are one sound; a diaeresis starts
    a new syllable. Parts of a hyphenated word are added up. A word without
    vowels ("3F", "BSN", "2024") counts as one. Good enough for a readability
    measure, not for hyphenation.
    """
    total = sum(_part_syllables(part) for part in _parts(word))
    return max(total, 1) if any(char.isalnum() for char in word) else 0


# --- the measure -----------------------------------------------------------------


def _is_link(word: str) -> bool:
    return bool(_LINK.search(word))


_TERM_ENDINGS = ("", "s", "'s", "n", "en", "e")


def _is_allowed(word: str, allowed_terms: frozenset[str]) -> bool:
    """An allowed term, its plural or -s form ("leerwerkloketten" for "leerwerkloket")."""
    lowered = word.lower()
    return any(
        lowered.startswith(term)
        and (
            lowered[len(term) :] in _TERM_ENDINGS
            or lowered[len(term) :] == f"{term[-1]}en"  # doubled consonant
        )
        for term in allowed_terms
    )


def _is_long(word: str, limits: Limits, allowed_terms: frozenset[str]) -> bool:
    """Long: a part of at least ``limits.long_word_syllables`` syllables.

    A hyphen shows the reader where the parts are, so "mbo-opleiding" is judged
    by "opleiding". Allowed terms, links and numbers are never long.
    """
    if _is_link(word) or _is_allowed(word, allowed_terms):
        return False
    return any(
        _part_syllables(part) >= limits.long_word_syllables
        for part in _parts(word)
        if not _is_allowed(part, allowed_terms)
    )


def flesch_douma(
    sentence_words: list[list[str]], *, allowed_terms: frozenset[str] = frozenset()
) -> float:
    """Flesch-Douma reading ease: 206.835 - 0.93 * words/sentence - 77 * syllables/word.

    Douma's table: 60-70 normal, 70-80 fairly easy, 80-90 easy. Allowed terms
    and links count for sentence length, not for word length.
    """
    all_words = [word for sentence in sentence_words for word in sentence]
    if not all_words:
        return 100.0
    counted = [w for w in all_words if not (_is_link(w) or _is_allowed(w, allowed_terms))]
    syllables_per_word = sum(map(syllables, counted)) / len(counted) if counted else 1.0
    return 206.835 - 0.93 * len(all_words) / len(sentence_words) - 77.0 * syllables_per_word


@dataclass(frozen=True)
class Readability:
    """What ``measure`` found in one text."""

    sentence_count: int
    word_count: int
    mean_sentence_words: float
    longest_sentence_words: int
    long_word_share: float
    flesch_douma: float
    # Sentences with their word counts, in text order.
    sentence_lengths: tuple[tuple[str, int], ...] = ()
    long_words: tuple[str, ...] = ()
    formal_address: tuple[str, ...] = ()
    formal_words: tuple[str, ...] = ()

    def problems(self, limits: Limits = B1_LIMITS) -> list[str]:
        """What breaks the limits, in English; [] when the text is fine."""
        found: list[str] = []
        if self.word_count == 0:
            return found
        if self.mean_sentence_words > limits.max_mean_sentence_words:
            found.append(
                f"sentences are {self.mean_sentence_words:.1f} words long on average "
                f"(at most {limits.max_mean_sentence_words:g})"
            )
        for sentence, length in self.sentence_lengths:
            if length > limits.max_sentence_words:
                found.append(
                    f"sentence of {length} words (at most {limits.max_sentence_words}): "
                    f"{sentence!r}"
                )
        if (
            len(self.long_words) > limits.long_words_always_allowed
            and self.long_word_share > limits.max_long_word_share
        ):
            found.append(
                f"{self.long_word_share:.0%} long words of {limits.long_word_syllables}+ "
                f"syllables (at most {limits.max_long_word_share:.0%}): "
                + ", ".join(self.long_words)
            )
        if (
            self.word_count >= limits.flesch_douma_min_words
            and self.flesch_douma < limits.min_flesch_douma
        ):
            found.append(
                f"Flesch-Douma reading ease {self.flesch_douma:.0f} "
                f"(at least {limits.min_flesch_douma:g})"
            )
        if self.formal_address and not limits.allow_formal_address:
            found.append(
                "addresses the reader with "
                + ", ".join(repr(w) for w in self.formal_address)
                + "; use 'je', 'jij', 'jouw'"
            )
        if self.formal_words and not limits.allow_formal_words:
            found.append(
                "officialese: "
                + ", ".join(f"{w!r} (say {FORMAL_WORDS[w.lower()]!r})" for w in self.formal_words)
            )
        return found


def measure(
    text: str, *, limits: Limits = B1_LIMITS, allowed_terms: frozenset[str] = DOMAIN_TERMS
) -> Readability:
    """Sentence and word measures of a Dutch text (``limits`` sets what "long" means)."""
    terms = frozenset(term.lower() for term in allowed_terms) | EVERYDAY_LONG_WORDS
    split = [(sentence, words(sentence)) for sentence in sentences(text)]
    all_words = [word for _, sentence_words in split for word in sentence_words]
    lowered = [word.lower() for word in all_words]
    long_words = tuple(word for word in all_words if _is_long(word, limits, terms))
    count = len(all_words)
    return Readability(
        sentence_count=len(split),
        word_count=count,
        mean_sentence_words=count / len(split) if split else 0.0,
        longest_sentence_words=max((len(w) for _, w in split), default=0),
        long_word_share=len(long_words) / count if count else 0.0,
        flesch_douma=flesch_douma([w for _, w in split], allowed_terms=terms),
        sentence_lengths=tuple((sentence, len(w)) for sentence, w in split),
        long_words=long_words,
        formal_address=tuple(
            word for word, low in zip(all_words, lowered, strict=True) if low in FORMAL_ADDRESS
        ),
        formal_words=tuple(
            word for word, low in zip(all_words, lowered, strict=True) if low in FORMAL_WORDS
        ),
    )


def check(
    text: str, *, limits: Limits = B1_LIMITS, allowed_terms: frozenset[str] = DOMAIN_TERMS
) -> list[str]:
    """The B1 problems of a Dutch text, in English; [] when it is fine."""
    return measure(text, limits=limits, allowed_terms=allowed_terms).problems(limits)


def assert_b1(
    text: str, *, limits: Limits = B1_LIMITS, allowed_terms: frozenset[str] = DOMAIN_TERMS
) -> None:
    """Raise AssertionError listing the problems when ``text`` is not B1 Dutch.

    For end-to-end tests: call it on every message the bot sends.
    """
    problems = check(text, limits=limits, allowed_terms=allowed_terms)
    if problems:
        listed = "\n".join(f"- {problem}" for problem in problems)
        raise AssertionError(f"not B1 Dutch: {text!r}\n{listed}")
