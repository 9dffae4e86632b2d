"""Lemma-level analysis: each dictionary rule and library integration, one behaviour per test."""

import pytest

from apps.analysis import analyze, finnish
from apps.analysis.analyzer import clear_caches

ZWNJ = "\u200c"


def term(word, lang):
    (result,) = analyze(word, lang)
    return result


# Hebrew: simplemma lexicon behind the prefix letters


@pytest.mark.parametrize("word", ["ספרים", "הספרים", "והספרים", "בספרים", "שבספרים"])
def test_hebrew_inflected_and_prefixed_forms_reach_the_lemma(word):
    assert term(word, "he") == term("ספר", "he") == "ספר"


def test_hebrew_b_k_l_swallow_the_article():
    # בבית is ב + הבית: the ה is not written, and the lookup puts it back.
    assert term("בבית", "he") == term("הבית", "he") == term("בית", "he")


def test_hebrew_construct_state_ending_reads_as_the_feminine_noun():
    assert term("רעידת", "he") == term("רעידה", "he")


def test_hebrew_common_reading_beats_a_rare_inflection_in_the_lexicon():
    # The lexicon also lists השירות as "the caravans" (שיירה); the site's word wins.
    assert term("השירות", "he") == term("שירות", "he")
    # ...and הזמן as a form of the verb "invite": a dictionary word with ה off comes first.
    assert term("הזמן", "he") == term("זמן", "he")


def test_hebrew_unknown_words_fall_back_to_the_letter_rules():
    # Not in the lexicon: prefixes and plural endings still come off by rule.
    assert term("והפלונקסים", "he") == term("פלונקס", "he")


# Persian: lexicon, verb stems, endings


@pytest.mark.parametrize("word", ["میکنم", f"می{ZWNJ}کنیم", "نمیکنند", "کردن", "کرده", "بکنید"])
def test_persian_verb_forms_read_as_the_past_stem(word):
    assert term(word, "fa") == "کرد"


@pytest.mark.parametrize("word", [f"نمی{ZWNJ}نویسد", "نوشتن", f"نوشته{ZWNJ}اند"])
def test_persian_irregular_present_stems_map_to_the_past_stem(word):
    assert term(word, "fa") == term("نوشت", "fa")


def test_persian_regular_present_stems_add_id():
    assert term("می\u200cرسد", "fa") == term("رسید", "fa")


def test_persian_causatives_keep_their_own_stem():
    assert term(f"می{ZWNJ}رسانند", "fa") == term("رساند", "fa") == "رساند"
    assert term("رساند", "fa") != term("رسید", "fa")


@pytest.mark.parametrize("word", [f"خانه{ZWNJ}ای", f"خانه{ZWNJ}ام", f"خانه{ZWNJ}اش", "خانهاش"])
def test_persian_endings_after_a_silent_heh_are_not_plurals(word):
    assert term(word, "fa") == "خانه"


def test_persian_broken_plurals_read_as_the_singular():
    assert term("نتایج", "fa") == term("نتیجه", "fa")
    assert term("افراد", "fa") == term("فرد", "fa")


def test_persian_comparative_and_superlative_reach_the_adjective():
    assert term(f"بزرگ{ZWNJ}ترین", "fa") == term("بزرگتر", "fa") == term("بزرگ", "fa")


def test_persian_week_is_not_the_participle_of_a_verb():
    assert term("هفته", "fa") != term("هفت", "fa")


# Finnish: Voikko readings, and Snowball for words Voikko does not know


def test_finnish_voikko_is_installed():
    # CI installs libvoikko1 and voikko-fi (.ci/run); without them Finnish is Snowball only.
    assert finnish.voikko() is not None


@pytest.mark.parametrize("word", ["onnistuneen", "onnistunut", "onnistui", "onnistuisi"])
def test_finnish_participles_and_verb_forms_read_as_the_verb(word):
    assert term(word, "fi") == "onnistua"


def test_finnish_verb_derived_inside_a_participle_is_the_derived_verb():
    assert term("kiristynyt", "fi") == term("kiristyä", "fi") != term("kiristää", "fi")


def test_finnish_minen_nouns_keep_a_term_of_their_own():
    assert term("vetämistä", "fi") == term("vetäminen", "fi")
    assert term("vetäminen", "fi") != term("vetää", "fi")


def test_finnish_compound_parts_are_read_in_base_form():
    assert term("kuninkaanpalatsiin", "fi") == term("kuningaspalatsi", "fi")


def test_finnish_a_dictionary_form_is_itself():
    # kuusi is "six" and "spruce", not kuu ("moon") + possessive -si.
    assert term("kuusi", "fi") != term("kuu", "fi")


def test_finnish_unknown_names_stem_to_a_fixed_point():
    assert finnish.voikko().analyze("hypatian") == []
    assert term("Hypatian", "fi") == term("Hypatia", "fi") == term("Hypatiaa", "fi")


def test_finnish_without_voikko_falls_back_to_snowball(monkeypatch):
    monkeypatch.setattr(finnish, "voikko", lambda: None)
    clear_caches()
    try:
        assert term("asiakkaille", "fi") == finnish.unknown_word_term("asiakkaille")
    finally:
        monkeypatch.undo()
        clear_caches()
    assert term("asiakkaille", "fi") == "asiakas"
