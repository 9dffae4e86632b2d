"""Light Persian analysis: plural and possessive endings and the verb prefixes می / نمی.

Snowball's Persian stemmer over-strips the vocabulary this site uses (مشتریان -> مشتر,
شکایت -> شکا), so these are our own rules, deliberately few:

* Plurals ها/های/هایی (also with possessives: هایم, هایمان, ...), ان, یان, ات; before
  them one possessive مان/تان/شان (ام/اش after a silent ه) or the ezafe ی after a vowel.
* A bare final ی after a consonant is kept: it is part of مشتری, ماهی, بازی far more often
  than it is an indefinite article, and ت/ش/م alone are kept for the same reason (دوست,
  گزارش, فروش). Those endings are only removed as part of the longer suffixes above.
* KEEP_WORDS lists common words that merely end like a plural (ایران, سازمان, داستان).

Input is already folded (normalize.fold): ي/ك are ی/ک and the ZWNJ is gone, so مشتری‌ها
arrives as مشتریها and می‌روم as میروم. Where the ZWNJ decides (خانه‌ای "a house" vs سال‌های
"years of"), analyzer.py reads it off the text first (silent_heh_words).
"""

import functools
import re

from . import persian_verbs as verbs
from .lexicon import lexicon
from .normalize import fold, without_ending

# Common words whose ending looks like a suffix but is part of the word.
KEEP_WORDS = frozenset(
    fold(
        """
        ایران تهران باران انسان میدان خیابان پایان ارزان پشتیبان نگهبان سازمان ساختمان
        قهرمان درمان آسمان ایمان فرمان پیمان تومان میهمان داستان زمستان استان بوستان دبستان
        دندان استخوان بیابان کاروان دیوان گریبان ملاقات اوقات مالیات تنها میلاد
        هفته رشته دسته
        """
    ).split()
)

# Plurals the suffix rules get wrong; mostly Arabic plurals of words in ت (خدمت -> خدمات).
IRREGULAR_PLURALS = {
    fold(plural): fold(singular)
    for plural, singular in (
        ("خدمات", "خدمت"),
        ("شکایات", "شکایت"),
        ("مسائل", "مسئله"),
        ("نتایج", "نتیجه"),
        ("اصحاب", "صاحب"),
        ("دفاتر", "دفتر"),
        ("اخبار", "خبر"),
        ("افراد", "فرد"),
        ("اعضا", "عضو"),
        ("اشخاص", "شخص"),
        ("اطلاعات", "اطلاع"),
        ("مدارک", "مدرک"),
        ("مشاغل", "شغل"),
        # Not Arabic, but دوست + ان reads as دوس + تان (your), the more common possessive.
        ("دوستان", "دوست"),
    )
}

# (suffix, shortest stem left, letters the stem must end with, or None for any letter).
_PLURALS = [  # with a possessive after ها folded in (هایمان), since both come off together
    ("هایمان", 2, None),
    ("هایتان", 2, None),
    ("هایشان", 2, None),
    ("هایی", 2, None),
    ("هایم", 2, None),
    ("هایت", 2, None),
    ("هایش", 2, None),
    ("های", 2, None),
    ("ها", 2, None),
    ("یان", 2, "او"),  # آقایان, دانشجویان: the ی only bridges the vowel
    ("ان", 3, None),
    ("ات", 3, None),
]
_POSSESSIVE = [
    ("مان", 3, None),
    ("تان", 3, None),
    ("شان", 3, None),
    ("ام", 3, "ه"),  # خانه‌ام
    ("اش", 3, "ه"),  # خانه‌اش
    ("ی", 3, "او"),  # صدای, دانشجوی (ezafe after a vowel)
]
_ALL_SUFFIXES = sorted(
    [(s, n, after, True) for s, n, after in _PLURALS]
    + [(s, n, after, False) for s, n, after in _POSSESSIVE],
    key=lambda rule: -len(rule[0]),
)

# Endings tried (longest first) when looking a noun or adjective up in the dictionary.
NOUN_ENDINGS = tuple(
    sorted(
        fold(
            "هایی های ها ان ین ات یان گان ترین تر ای ی ام ات اش مان تان شان یم یت یش م ت ش"
        ).split(),
        key=len,
        reverse=True,
    )
)

SILENT_HEH_ENDINGS = tuple(fold(s) for s in ("ایم", "اید", "اند", "ای", "ام", "اش", "است"))
UNAMBIGUOUS_ENDINGS = tuple(
    fold(s)
    for s in (
        "هایمان", "هایتان", "هایشان", "هایم", "هایت", "هایش", "هایی", "های", "ها", "ترین", "تر"
    )
)

_COMPARATIVES = (fold("ترین"), fold("تر"))
VERB_PREFIXES = ("نمی", "می")
# Personal endings م and د (covering یم, ید, ند) mark a conjugated verb after می. The 2nd person
# singular ی is left out: it would also accept nouns such as میزبانی (hosting).
_VERB_ENDINGS = ("م", "د")


def _is_arabic_script(token: str) -> bool:
    return all("\u0600" <= char <= "\u06ff" for char in token)


def _suffix_stem(word: str, suffix: str, min_stem: int, after, place_noun: bool) -> str | None:
    """`word` without `suffix`, when the rule lets it come off there; else None."""
    if place_noun and suffix in ("ان", "تان"):
        return None
    stem = without_ending(word, suffix, min_stem)
    fits = stem is not None and (after is None or stem.endswith(tuple(after)))
    return stem if fits else None


def _strip_one(word: str, rules) -> tuple[str, bool] | None:
    # -ستان makes place nouns (بیمارستان, تابستان): neither ان nor تان is a suffix there.
    place_noun = word.endswith("ستان") and len(word) >= 7
    for suffix, min_stem, after, is_plural in rules:
        stem = _suffix_stem(word, suffix, min_stem, after, place_noun)
        if stem is not None:
            return stem, is_plural
    return None


def strip_verb_prefix(word: str) -> str:
    """میروم/نمیروم -> روم, only when the word ends like a conjugated verb (not میدان)."""
    for prefix in VERB_PREFIXES:
        if (
            word.startswith(prefix)
            and len(word) - len(prefix) >= 3
            and word.endswith(_VERB_ENDINGS)
        ):
            return word[len(prefix) :]
    return word


def strip_suffixes(word: str) -> str:
    """Possessive/ezafe first, then a plural: خدماتمان -> خدمات -> خدمت."""
    for _ in range(2):
        stripped = _strip_step(word)
        if stripped is None:
            return word
        word, done = stripped
        if done:
            return word
    return word


def _strip_step(word: str) -> tuple[str, bool] | None:
    """(the word with one suffix off, whether to stop there), or None to keep it as it is: a
    word to keep, an irregular plural's singular, or a plural's stem is final."""
    if word in KEEP_WORDS:
        return None
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word], True
    return _strip_one(word, _ALL_SUFFIXES)


def _rule_term(token: str) -> str:
    verb = strip_verb_prefix(token)
    if verb != token:
        return verb  # a verb: its endings are personal endings, not plurals
    return strip_suffixes(token)


# Cached per process: running text repeats its words, and a web worker sees the same queries.
@functools.lru_cache(maxsize=100_000)
def analyze_token(token: str) -> str:
    """Search term for one folded token: its lemma (a verb's past stem), else the rule stem."""
    if len(token) <= 2 or not _is_arabic_script(token) or token in KEEP_WORDS:
        return token
    return _analyze(token)


def _irregular_plural(token: str, lex) -> str | None:
    return IRREGULAR_PLURALS.get(token)


def _dictionary_word(token: str, lex) -> str | None:
    """The dictionary's lemma, a verb's as its past stem."""
    lemma = lex.lemma(token)
    return None if lemma is None else verbs.canonical(lemma, lex)


def _analyze(token: str) -> str:
    lex = lexicon("fa")
    for reading in _READINGS:
        lemma = reading(token, lex)
        if lemma is not None:
            return lemma
    return _rule_term(token)


def _first_lemma(stems, lex) -> str | None:
    """The lemma of the first of `stems` the dictionary knows (a verb's as its past stem)."""
    for stem in stems:
        lemma = lex.lemma(stem)
        if lemma is not None:
            return verbs.canonical(lemma, lex)
    return None


def _after_silent_heh(token: str, lex) -> str | None:
    # خانه‌ای, نامه‌ام, گفته‌اند: with the ZWNJ folded away, خانهای also reads as خان + های.
    # After a word that ends in a silent ه, ای/ام/اش/... is the more likely reading.
    stems = (without_ending(token, ending, 3) for ending in SILENT_HEH_ENDINGS)
    return _first_lemma((stem for stem in stems if stem and stem.endswith("ه")), lex)


# Xهای is a plural (سالهای, سال‌های) or a word in silent ه + ای (خانه‌ای "a house"). Written with
# a ZWNJ, the second has it after the ه; folding drops the ZWNJ, so it is read off the text. A
# word without that ZWNJ is read as the plural: writers who leave ZWNJs out write plurals so,
# while خانه‌ای without its ZWNJ joins ه to ا and looks wrong.
_ZWNJ_AFTER_HEH = re.compile("\\w[\\w\u200c]*ه\u200c(?:ای|ام|اش|ایم|اید|اند|است)\\b")


def silent_heh_words(text: str) -> frozenset[str]:
    """Folded words of `text` written with a ZWNJ after a silent ه (خانه‌ای, گفته‌اند)."""
    if "\u200c" not in text:
        return frozenset()
    return frozenset(fold(word) for word in _ZWNJ_AFTER_HEH.findall(text))


@functools.lru_cache(maxsize=10_000)
def analyze_after_silent_heh(token: str) -> str:
    """Term of a word written with a ZWNJ after a silent ه (see silent_heh_words)."""
    return _after_silent_heh(token, lexicon("fa")) or analyze_token(token)


def _endings_of(token: str, lex) -> list[str]:
    """The unambiguous endings `token` has. A headword in تر whose rest is shorter than three
    letters is a word of its own (دفتر, تیتر), not دف + تر."""
    endings = [suffix for suffix in UNAMBIGUOUS_ENDINGS if token.endswith(suffix)]
    if token not in lex.lemmas:
        return endings
    return [s for s in endings if s not in _COMPARATIVES or len(token) - len(s) >= 3]


def _plural_lemma(token: str, lex) -> str | None:
    # ها and تر(ین) are never part of a dictionary word's end when the rest is a word, so they
    # come off before the dictionary is asked (it lists some plurals as lemmas, e.g. کمکهای).
    stems = (without_ending(token, suffix, 2) for suffix in _endings_of(token, lex))
    return _first_lemma(filter(None, stems), lex)


def _noun_lemma(token: str, lex) -> str | None:
    """Plural, possessive, indefinite and comparative endings off, then a dictionary word."""
    return _first_lemma(_noun_stems(token), lex)


def _one_ending_off(word: str):
    """`word` without each of NOUN_ENDINGS it ends in."""
    for suffix in NOUN_ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            yield word[: -len(suffix)]


def _noun_stems(token: str):
    """Stems with up to three noun endings off (کتاب + های + تان, بزرگ + تر + ین), fewest off
    first, each once."""
    seen = {token}
    frontier = [token]
    for _ in range(3):
        next_frontier = []
        for stem in (stem for word in frontier for stem in _one_ending_off(word)):
            if stem not in seen:
                seen.add(stem)
                next_frontier.append(stem)
                yield stem
        frontier = next_frontier


# The readings _analyze tries, in order; the letter rules when none gives a lemma.
_READINGS = (
    _irregular_plural,
    _plural_lemma,  # before a silent ه: سالهای is سال + های (see silent_heh_words)
    _after_silent_heh,
    _dictionary_word,
    verbs.verb_stem,
    _noun_lemma,
)
