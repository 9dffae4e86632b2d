"""Finnish analysis: Snowball plus the s-noun and consonant-gradation post-rules."""

import pytest

from apps.analysis import analyze
from apps.analysis.finnish import analyze_token, snowball_term


def term(word):
    (result,) = analyze(word, "fi")
    return result


@pytest.mark.parametrize(
    "word", ["asiakkaan", "asiakkaat", "asiakkaille", "asiakasta", "asiakkaita", "Asiakkaiden"]
)
def test_customer_forms_merge_with_nominative(word):
    assert term(word) == term("asiakas")


@pytest.mark.parametrize("word", ["palvelun", "palvelut", "palvelua", "palveluista"])
def test_service_forms_merge(word):
    assert term(word) == term("palvelu")


@pytest.mark.parametrize(
    "word", ["valituksen", "valitukset", "valitusta", "valituksia", "valitusten"]
)
def test_complaint_forms_merge_with_nominative(word):
    assert term(word) == term("valitus")


@pytest.mark.parametrize(
    ("nominative", "forms"),
    [
        ("ihminen", ["ihmisen", "ihmiset", "ihmisiä", "ihmisille"]),
        ("vihollinen", ["vihollisen", "vihollisia", "vihollisista"]),
        ("oikeudenmukainen", ["oikeudenmukaisen", "oikeudenmukaisessa"]),
        ("suomalainen", ["suomalaisen", "suomalaiset"]),
    ],
)
def test_nen_words_merge_nominative_with_their_s_stem(nominative, forms):
    assert {term(form) for form in forms} == {term(nominative)}


@pytest.mark.parametrize(("word", "other"), [("sienen", "siesen"), ("tunnen", "tunsen")])
def test_words_ending_in_nen_without_inen_are_not_nen_words(word, other):
    assert analyze_token(word) != analyze_token(other)


# The Snowball rules below serve words Voikko does not know (names, new words, slang).
def test_as_noun_post_rule_joins_nominative_to_gradated_stem():
    assert snowball_term("rikas") == snowball_term("rikkaan")


def test_abstract_us_nouns_merge_on_ude_and_ut_stems():
    assert term("rakkaus") == term("rakkauden") == term("rakkautta")


def test_double_consonant_at_stem_end_is_reduced():
    assert snowball_term("kauppa") == snowball_term("kauppaan")
    assert "pp" not in snowball_term("kauppa")


def test_six_and_moon_stay_apart():
    assert term("kuusi") != term("kuu")
    assert term("kuuden") != term("kuun")


def test_customer_and_customer_service_stay_apart():
    assert term("asiakaspalvelu") != term("asiakas")


def test_finnish_letters_matter():
    assert term("tuli") != term("tuuli")
    assert term("pää") != term("paa")


def test_digits_and_other_scripts_pass_through():
    assert analyze("2024 שלום", "fi") == ["2024", "שלומ"]


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("matkaan", "matka"),  # not matkata's present tense
        ("rajaa", "raja"),
        ("puiden", "puu"),  # not puida's E-infinitive
        ("sanoin", "sanoa"),  # not sana's instructive plural
        ("halusi", "haluta"),  # not halu + possessive si
        ("kaupallista", "kaupallinen"),  # not kaupallistaa's imperative
    ],
)
def test_noun_and_verb_readings_go_to_the_common_one(word, base):
    assert term(word) == base
