"""Each language's rules, end to end: a word as a reader types it finds the seed page.

Every case names words that do not occur in the page exactly as typed (checked below with the
folded tokens of the page), so only the analysis can find it.
"""

import pytest

from apps.analysis import tokens
from apps.search.models import SearchDocument
from tests.seeds import seed, seed_page

from .utils import search, titles

pytestmark = pytest.mark.django_db

ZWNJ = "\u200c"

# (language, query, seed pages it must find, rule, why an exact search would miss it):
# "analysis" - the folded word is not in the page; "folding" - the page has the word only in
# another spelling (letters, points, digits, joiners), which folding makes equal.
CASES = [
    ("he", "ומוניטין", ["000"], "prefix ו before a word with its own מ", "analysis"),
    ("he", "לאמריקאים", ["004"], "prefix ל", "analysis"),
    ("he", "שבהסכם", ["002"], "prefixes ש + ב", "analysis"),
    ("he", "והסכם", ["002"], "prefix ו", "analysis"),
    ("he", "ובבעיות", ["000"], "prefixes ו + ב and plural ־ות", "analysis"),
    ("he", "בשירות", ["000", "002", "004"], "prefix ב", "analysis"),
    ("he", "ומהלקוחות", ["000", "002", "004"], "prefixes ו + מ + ה", "analysis"),
    ("he", "הַלָּקוֹחַ", ["000", "002", "004"], "niqqud", "folding"),
    ("he", "הַמּוֹנִיטִין\u0591", ["000"], "niqqud and cantillation", "folding"),
    ("he", "אויבימ", ["002"], "final letter written as a regular one", "folding"),
    ("he", "אויב", ["002"], "plural ־ים", "analysis"),
    ("he", "גבולות", ["000"], "plural ־ות", "analysis"),
    ("he", "לקוחי", ["000", "002", "004"], "construct plural ־י", "analysis"),
    ("fa", "مشتريان", ["003"], "Arabic yeh", "folding"),
    ("fa", "كسب‌وكار", ["003"], "Arabic kaf", "folding"),
    ("fa", "تجربة", ["003"], "teh marbuta", "folding"),
    ("fa", "انجلو", ["003"], "alef madda written as alef", "folding"),
    ("fa", "أولين", ["003"], "alef with hamza and Arabic yeh", "folding"),
    ("fa", "مُشتَری", ["003"], "harakat", "folding"),
    ("fa", "میکنم", ["003"], "verb prefix without ZWNJ", "folding"),
    ("fa", "می کنم", ["003"], "verb prefix typed with a space", "analysis"),
    ("fa", "نمیکنم", ["003"], "negative verb prefix, the page has the positive", "analysis"),
    ("fa", "1893", ["003"], "Latin digits for Persian ones", "folding"),
    ("fa", "١٨٩٣", ["003"], "Arabic-Indic digits for Persian ones", "folding"),
    ("fa", "مشتری‌ها", ["003"], "plural ها with ZWNJ", "analysis"),
    ("fa", "فروشگاهها", ["003"], "plural ها without ZWNJ", "analysis"),
    ("fa", "نیازهایم", ["003"], "plural and possessive هایم", "analysis"),
    ("fa", "مشکلاتمان", ["003"], "possessive مان and plural ات", "analysis"),
    ("fa", "کسب و کار", ["003"], "compound typed with spaces", "analysis"),
    ("fi", "asiakkaalle", ["001"], "allative with gradation kk", "analysis"),
    ("fi", "asiakkaat", ["001"], "plural", "analysis"),
    ("fi", "asiakkaille", ["001"], "allative plural", "analysis"),
    ("fi", "valituksen", ["001"], "-us noun, genitive", "analysis"),
    ("fi", "valitus", ["001"], "-us noun, nominative", "analysis"),
    ("fi", "palvelussa", ["001"], "inessive", "analysis"),
    ("fi", "kokemukset", ["001"], "-us noun, plural", "analysis"),
    ("fi", "maksuja", ["001"], "partitive plural", "analysis"),
    ("fi", "yritykselle", ["001"], "-s noun, allative", "analysis"),
]
IDS = [f"{case[0]}-{case[3]}" for case in CASES]


def _document(number):
    data = seed(number)
    return SearchDocument.objects.get(page=seed_page(data), language=data["language"])


@pytest.mark.parametrize(("lang", "query", "expected", "rule", "needs"), CASES, ids=IDS)
def test_rule_finds_the_seed_page(client, lang, query, expected, rule, needs):
    _response, results = search(client, lang, query)

    assert set(titles(results)) == {seed(number)["title"] for number in expected}, rule


@pytest.mark.parametrize(("lang", "query", "expected", "rule", "needs"), CASES, ids=IDS)
def test_an_exact_search_would_miss_it(lang, query, expected, rule, needs):
    """Keeps the cases above honest: each needs folding or analysis to succeed."""
    for number in expected:
        document = _document(number)
        text = f"{document.title} {document.text}"
        if needs == "analysis":
            assert not set(tokens(query)) <= set(tokens(text)), (rule, number)
        else:
            assert query not in text, (rule, number)
            assert set(tokens(query)) <= set(tokens(text)), (rule, number)


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_word_from_another_language_finds_nothing(client, lang):
    words = {"he": "הלקוחות", "fa": "مشتریان", "fi": "asiakkaille"}
    for other, word in words.items():
        _response, results = search(client, lang, word)
        if other == lang:
            assert results
        else:
            assert results == [], (lang, word)
