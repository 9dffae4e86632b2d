"""A cheap text similarity for related pages: overlap of the title and lead's search terms.

The words are analyzed like search does it (apps.analysis: Hebrew prefixes, Persian letter
variants and suffixes, Finnish stems), so "הלקוחות" and "לקוח" or "asiakkaan" and "asiakas"
count as the same word. Terms shorter than three letters and a few very common words do not
count.
"""

import functools

from django.conf import settings

from apps.analysis import analyze

MIN_LENGTH = 3
_STOPWORDS = (
    # he
    "אבל אני אתה אתם הוא היא הם הן זאת זהו כדי כמו לכן עם על גם רק כל אם מה"
    # fa
    " این است برای که از را با به در های هم یک آن تا بر نیز شود"
    # fi
    " että kun mutta ovat oli olla ole sen tai niin myös kuin joka jos vain tämä"
)


@functools.cache
def stopwords():
    """The stop words' terms in every language; analyzed on first use, not at import, so that
    starting a process does not load the three languages' dictionaries."""
    return frozenset(
        term for lang, _name in settings.LANGUAGES for term in analyze(_STOPWORDS, lang)
    )


def words(text, lang):
    """The set of `lang` search terms of `text` that carry meaning for similarity."""
    return {term for term in analyze(text, lang) if _meaningful(term)}


def _meaningful(term):
    """Long enough, not a stop word, not a number."""
    return len(term) >= MIN_LENGTH and term not in stopwords() and not term.isdigit()


def similarity(a, b):
    """Jaccard overlap of two word sets, 0.0 to 1.0."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
