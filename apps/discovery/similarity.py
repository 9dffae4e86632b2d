"""A cheap text similarity for related pages: overlap of folded title and lead words.

Folding is deliberately light (search will have its own per-language analysis): NFKC and
casefold; Hebrew points and cantillation and Arabic diacritics and tatweel removed; Hebrew final
letters and Persian/Arabic letter variants unified; ZWNJ dropped so "کسب‌وکار" and "کسبوکار" meet.
Words shorter than three letters and a few very common words do not count. A Hebrew word that
starts with a one-letter prefix (ה, ו, ב, ל, מ, ש, כ) also counts without it.
"""

import re
import unicodedata

_MARKS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "ך": "כ",
        "ם": "מ",
        "ן": "נ",
        "ף": "פ",
        "ץ": "צ",
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ؤ": "و",
        "\u200c": None,  # zero-width non-joiner
    }
)
_WORD = re.compile(r"\w+")
_HEBREW_PREFIXES = frozenset("הובלמשכ")
MIN_LENGTH = 3
_STOPWORDS = (
    # he
    "אבל אני אתה אתם הוא היא הם הן זאת זהו כדי כמו לכן עם על גם רק כל אם מה"
    # fa
    " این است برای که از را با به در های هم یک آن تا بر نیز شود"
    # fi
    " että kun mutta ovat oli olla ole sen tai niin myös kuin joka jos vain tämä"
)


def fold(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _MARKS.sub("", text).translate(_FOLD)


STOPWORDS = frozenset(fold(_STOPWORDS).split())


def words(text):
    """The set of folded words of `text` that carry meaning for similarity."""
    result = set()
    for word in _WORD.findall(fold(text)):
        if len(word) < MIN_LENGTH or word in STOPWORDS or word.isdigit():
            continue
        result.add(word)
        if word[0] in _HEBREW_PREFIXES and len(word) > MIN_LENGTH + 1:
            if word[1:] not in STOPWORDS:
                result.add(word[1:])
    return result


def similarity(a, b):
    """Jaccard overlap of two word sets, 0.0 to 1.0."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
