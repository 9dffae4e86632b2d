"""simplemma's lexicons, folded the way tokens are, loaded once per process and language."""

from apps.analysis import fold
from apps.analysis.lexicon import lexicon


def test_each_language_is_loaded_once_and_kept():
    assert lexicon("he") is lexicon("he")
    assert lexicon("he") is not lexicon("fa")


def test_hebrew_keys_and_lemmas_are_folded_without_final_letters():
    lex = lexicon("he")
    assert "ספרימ" in lex.forms  # ספרים as tokens spell it
    assert "ספרים" not in lex.forms
    assert lex.lemma("ספרימ") == "ספר"


def test_persian_keys_lose_the_zwnj_and_arabic_letter_shapes():
    lex = lexicon("fa")
    assert lex.lemma(fold("کتاب\u200cها")) == "کتاب"
    assert all("\u200c" not in form and "ي" not in form for form in lex.forms)


def test_a_dictionary_form_is_its_own_lemma_and_unknown_words_have_none():
    lex = lexicon("fa")
    assert lex.lemma("کتاب") == "کتاب"
    assert lex.lemma("qqqq") is None
