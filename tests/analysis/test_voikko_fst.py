"""Finnish morphology from PyPI alone (pyvoikko + kfst) gives what Debian's libvoikko gives.

MISHOV_FINNISH_MORPHOLOGY picks the engine, so these tests check the PyPI path on a machine that
has Debian's Voikko too, and compare the two where both exist.
"""

import sys

import pytest

from apps.analysis import analyze, finnish, tokens, voikko_fst
from apps.analysis.analyzer import clear_caches

from .test_regression_sample import FLOORS, match_rate, pairs


@pytest.fixture
def engine(monkeypatch):
    """use(name) switches this process's Finnish morphology and returns the analyzer."""

    def use(name):
        monkeypatch.setenv(finnish.MORPHOLOGY_SETTING, name)
        finnish.voikko.cache_clear()
        clear_caches()
        return finnish.voikko()

    yield use
    finnish.voikko.cache_clear()
    clear_caches()


def needs_libvoikko():
    if finnish._libvoikko() is None:
        pytest.skip("Debian's libvoikko1 and voikko-fi are not installed")


def sample_words():
    return sorted({token for pair in pairs("fi") for text in pair for token in tokens(text)})


def term(word):
    (result,) = analyze(word, "fi")
    return result


def test_pypi_morphology_finds_base_forms_of_inflected_words_and_compounds(engine):
    assert isinstance(engine("pyvoikko"), voikko_fst.Analyzer)

    assert term("hevosten") == term("hevonen") == "hevonen"
    assert term("asiakaspalvelusta") == term("asiakaspalvelu") == term("Asiakaspalvelun")
    assert term("asiakaspalvelu") != term("asiakas")
    assert term("tehnyt") == term("tehdä")
    # Snowball alone reads these apart (asiakaspalvelust, hevost vs hevon).
    assert finnish.unknown_word_term("hevosten") != finnish.unknown_word_term("hevonen")


def test_pypi_morphology_meets_the_regression_floor(engine):
    engine("pyvoikko")

    assert match_rate("fi") >= FLOORS["fi"]


def test_both_engines_give_the_same_terms(engine):
    needs_libvoikko()
    words = sample_words()
    engine("libvoikko")
    debian = [finnish.analyze_token(word) for word in words]
    engine("pyvoikko")
    pypi = [finnish.analyze_token(word) for word in words]

    assert len(words) > 600
    assert [pair for pair in zip(words, debian, pypi, strict=True) if pair[1] != pair[2]] == []


@pytest.mark.parametrize("field", ["BASEFORM", "CLASS", "MOOD", "PARTICIPLE", "WORDBASES"])
def test_outputs_are_read_like_libvoikko(field):
    needs_libvoikko()
    debian = finnish._libvoikko()
    compared = 0
    for word in sample_words():
        for theirs in debian.analyze(word):
            ours = voikko_fst.reading(theirs["FSTOUTPUT"])
            if theirs.get("CLASS") == "nimi":  # libvoikko's copy of a reading as an org name
                continue
            compared += 1
            assert ours is not None, theirs["FSTOUTPUT"]
            assert (ours.get(field) or "").lower() == (theirs.get(field) or "").lower(), theirs
            assert ours["STRUCTURE"].count("=") == theirs["STRUCTURE"].count("=")
    assert compared > 600


def test_compound_with_like_vowels_needs_a_hyphen():
    # kauppa + apu: libvoikko drops the reading without the hyphen, and so does the parser.
    assert voikko_fst.reading("[Ln][Xp]kauppa[X]kauppa[Sn][Ny][Bh][Bc][Ln][Xp]apu[X]apu") is None
    assert voikko_fst.reading("[Ln][Xp]kauppa[X]kauppa-[Bh][Bc][Ln][Xp]apu[X]apu[Sn][Ny]")


def test_missing_c_library_is_a_none_without_a_traceback(monkeypatch):
    """libvoikko's Voikko() without the C library used to print 'Exception ignored in __del__'."""
    import gc

    import libvoikko

    def absent(*_args, **_kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    unraisable = []
    monkeypatch.setattr(libvoikko.VoikkoLibrary, "open", classmethod(absent))
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)

    assert finnish._libvoikko() is None
    gc.collect()
    assert unraisable == []


def test_without_any_morphology_one_warning_names_the_fix(engine, monkeypatch, caplog):
    monkeypatch.setattr(finnish, "_libvoikko", lambda: None)
    monkeypatch.setattr(finnish, "_pyvoikko", lambda: None)

    assert engine("") is None
    assert term("asiakkaille") == term("asiakas")  # Snowball still merges the easy forms

    (record,) = caplog.records
    assert "make install" in record.getMessage()
    assert "\n" not in record.getMessage()
