"""Persian analysis: plurals, possessives, verb prefixes, letter variants and digits."""

import pytest

from apps.analysis import analyze

ZWNJ = "\u200c"


def term(word):
    (result,) = analyze(word, "fa")
    return result


@pytest.mark.parametrize(
    "word", ["مشتریان", f"مشتری{ZWNJ}ها", "مشتریها", "مشتریهای", f"مشتری{ZWNJ}هایی", "مشتريها"]
)
def test_customer_plurals_merge_with_singular(word):
    assert term(word) == term("مشتری")


def test_customer_keeps_its_final_yeh():
    # The ی of مشتری is part of the word; stripping it would merge unrelated words.
    assert term("مشتری") == "مشتری"


@pytest.mark.parametrize("word", ["می‌روم", "میروم", "نمی‌روم", "نمیروم"])
def test_verb_prefix_mi_is_stripped(word):
    assert term(word) == term("می‌روم")


def test_verb_prefix_written_with_a_space_is_joined_to_the_verb():
    assert analyze("من می روم", "fa") == analyze("من می‌روم", "fa")
    assert analyze("نمی روم", "fa") == analyze("میروم", "fa")


@pytest.mark.parametrize("word", ["میدان", "میز", "میوه"])
def test_words_starting_with_mi_that_are_not_verbs_keep_it(word):
    assert term(word) == word


def test_mi_before_a_noun_is_not_joined():
    assert analyze("می کتاب", "fa") == ["می", "کتاب"]


def test_arabic_kaf_and_yeh_match_persian_ones():
    assert term("كتاب") == term("کتاب")
    assert term("شكايت") == term("شکایت")


def test_persian_arabic_indic_and_latin_digits_are_equal():
    assert analyze("۱۴۰۳", "fa") == analyze("١٤٠٣", "fa") == analyze("1403", "fa") == ["1403"]


@pytest.mark.parametrize("word", ["خدمات", f"خدمات{ZWNJ}مان", f"خدمت{ZWNJ}ها"])
def test_services_plural_forms_merge(word):
    assert term(word) == term("خدمت")


@pytest.mark.parametrize("word", ["شکایات", f"شکایت{ZWNJ}ها", "شکایتهایتان"])
def test_complaint_plural_forms_merge(word):
    assert term(word) == term("شکایت")


def test_arabic_plural_at_is_stripped():
    assert term("مشکلات") == term("مشکل")


@pytest.mark.parametrize(
    ("word", "base"),
    [("کتابهایم", "کتاب"), ("سفارشتان", "سفارش"), ("دوستانمان", "دوست"), ("خانه‌ام", "خانه")],
)
def test_possessive_suffixes_are_stripped(word, base):
    assert term(word) == term(base)


def test_ezafe_yeh_after_a_vowel_is_stripped():
    assert term("صدای") == term("صدا")
    assert term("دانشجویان") == term("دانشجو")


@pytest.mark.parametrize("word", ["ایران", "سازمان", "داستان", "بیمارستان", "زمان"])
def test_words_ending_like_a_plural_are_kept(word):
    assert term(word) == word


def test_organization_plural_still_merges():
    assert term(f"سازمان{ZWNJ}ها") == term("سازمان")


def test_one_letter_possessives_alone_are_not_stripped():
    # دوست (friend) is not دوس + ت; گزارش (report) is not گزار + ش.
    assert term("دوست") == "دوست"
    assert term("گزارش") == "گزارش"


def test_fish_does_not_merge_with_moon():
    assert term("ماهی") != term("ماه")


def test_xhay_is_a_plural_unless_a_zwnj_follows_a_silent_heh():
    # سال‌های (years of) and سالهای are plurals; خانه‌ای (a house) has its ZWNJ after the ه.
    assert term("سال\u200cهای") == term("سالهای") == term("سال")
    assert term("روزهای") == term("روز")  # not روزه (fasting)
    assert term("خانه\u200cای") == term("خانه")
    assert analyze("خانه\u200cای بزرگ", "fa")[0] == term("خانه")


def test_a_word_ending_like_a_comparative_stays_whole():
    assert analyze("دفتر", "fa") == ["دفتر"]
    assert analyze("دفترها", "fa") == ["دفتر"]
    assert analyze("بزرگتر", "fa") == analyze("بزرگ", "fa")
