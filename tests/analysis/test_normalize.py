"""normalize: strip_unsafe for stored user input, fold/tokens for matching."""

import pytest

from apps.analysis import BIDI_CONTROLS, fold, strip_unsafe, tokens

ZWNJ = "\u200c"
RLM = "\u200f"
LRM = "\u200e"


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_controls_regex_matches_every_embedding_override_and_isolate(control):
    assert BIDI_CONTROLS.fullmatch(control)


def test_bidi_controls_regex_leaves_marks_and_joiners_alone():
    assert not BIDI_CONTROLS.search(f"{LRM}{RLM}{ZWNJ}\u200d\u061c")


def test_strip_unsafe_removes_bidi_overrides_from_a_comment():
    assert strip_unsafe("תודה\u202eלקוח\u2066יקר\u2069") == "תודהלקוחיקר"


def test_strip_unsafe_removes_nul_and_c0_c1_controls_but_keeps_tab_and_newline():
    assert strip_unsafe("a\x00b\x07c\x1bd\x7fe\x85f\x9fg\th\ni") == "abcdefg\th\ni"


def test_strip_unsafe_turns_carriage_returns_into_newlines():
    assert strip_unsafe("שורה\r\nשורה\rשורה") == "שורה\nשורה\nשורה"


def test_strip_unsafe_removes_noncharacters_and_lone_surrogates():
    assert strip_unsafe("a\ufffeb\uffffc\ufdd0d\ufdefe\ud800f\udfffg\U0001fffeh") == "abcdefgh"


def test_strip_unsafe_keeps_zwnj_lrm_rlm_and_emoji():
    text = f"می{ZWNJ}روم {RLM}שלום{LRM} 👍🏽 👨‍👩‍👧"
    assert strip_unsafe(text) == text


def test_strip_unsafe_applies_nfc():
    assert strip_unsafe("Ha\u0308meenlinna") == "H\u00e4meenlinna"


def test_fold_removes_niqqud_and_cantillation():
    assert fold("לָקוֹחַ שֵׁרוּת") == "לקוח שרות"
    assert fold("בְּרֵאשִׁ֖ית") == "בראשית"


def test_fold_turns_maqaf_and_sof_pasuq_into_spaces():
    assert fold("בית־ספר") == "בית ספר"
    assert fold("סוף׃התחלה") == "סופ התחלה"


def test_fold_maps_hebrew_final_letters():
    assert fold("ךםןףץ") == "כמנפצ"


@pytest.mark.parametrize(
    ("variant", "folded"),
    [
        ("مشتري", "مشتری"),
        ("مشترى", "مشتری"),
        ("كتاب", "کتاب"),
        ("شكاية", "شکایه"),
        ("أمير", "امیر"),
        ("إيران", "ایران"),
        ("آب", "اب"),
        ("ٱلله", "الله"),
        ("مؤسسه", "موسسه"),
        ("مسئله", "مسیله"),
    ],
)
def test_fold_unifies_arabic_and_persian_letter_variants(variant, folded):
    assert fold(variant) == folded


def test_fold_removes_tatweel_and_arabic_diacritics():
    assert fold("خــدمـات") == "خدمات"
    assert fold("مُشْتَرِیٌّ") == "مشتری"
    assert fold("هٰذا") == "هذا"


def test_fold_removes_invisible_joiners_and_direction_marks():
    assert fold(f"می{ZWNJ}روم\u200dx\u00ady{LRM}{RLM}\u061c\u202bz") == "میرومxyz"


def test_fold_maps_persian_and_arabic_indic_digits_to_ascii():
    assert fold("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert fold("٠١٢٣٤٥٦٧٨٩") == "0123456789"


def test_fold_casefolds_and_applies_nfkc():
    assert fold("ASIAKAS Straße ＡＢＣ ﬁ") == "asiakas strasse abc fi"
    assert fold("ﻻ") == "لا"


def test_fold_keeps_finnish_letters_distinct_from_plain_vowels():
    assert fold("Pää") == "pää"
    assert fold("pää") != fold("paa")


def test_tokens_split_on_punctuation_and_fold():
    assert tokens("Hello, WORLD! שָׁלוֹם; ۱۲۳.") == ["hello", "world", "שלומ", "123"]


@pytest.mark.parametrize("quote", ['"', "\u05f4", "\u201d"])
def test_tokens_keep_hebrew_acronyms_with_gershayim_as_one_word(quote):
    assert tokens(f"נאס{quote}א שיגרה") == ["נאסא", "שיגרה"]


@pytest.mark.parametrize("geresh", ["'", "\u05f3"])
def test_tokens_keep_hebrew_words_with_geresh_as_one_word(geresh):
    assert tokens(f"צ{geresh}יפס") == ["ציפס"]


def test_tokens_split_latin_apostrophes_and_quotes_around_hebrew_words():
    assert tokens("don't") == ["don", "t"]
    assert tokens('"לקוח"') == ["לקוח"]


def test_tokens_do_not_treat_underscore_as_a_letter():
    assert tokens("foo_bar") == ["foo", "bar"]


def test_tokens_keep_persian_words_with_zwnj_as_one_word():
    assert tokens(f"مشتری{ZWNJ}ها") == ["مشتریها"]
