"""Hebrew analysis: prefixes, plural/feminine endings, and words that must stay apart."""

import pytest

from apps.analysis import analyze
from apps.analysis.hebrew import analyze_token


def term(word):
    (result,) = analyze(word, "he")
    return result


@pytest.mark.parametrize("word", ["הלקוח", "ללקוח", "והלקוח", "שהלקוח", "כשהלקוח", "מהלקוח"])
def test_prefixes_are_stripped_from_customer(word):
    assert term(word) == term("לקוח")


@pytest.mark.parametrize("word", ["לקוחות", "הלקוחות", "ללקוחות", "לקוחי"])
def test_plural_and_construct_forms_of_customer_merge(word):
    assert term(word) == term("לקוח")


@pytest.mark.parametrize("word", ["השירות", "שירותים", "והשירותים", "שירותי"])
def test_service_forms_merge(word):
    assert term(word) == term("שירות")


@pytest.mark.parametrize("word", ["המכירות", "מכירה", "והמכירה"])
def test_sales_forms_merge(word):
    assert term(word) == term("מכירות")


@pytest.mark.parametrize("word", ["תלונות", "התלונה", "והתלונות", "בתלונה"])
def test_feminine_ending_and_its_plural_merge_for_complaint(word):
    assert term(word) == term("תלונה")


def test_masculine_plural_ending_is_stripped():
    assert term("ילדים") == term("ילד")


def test_generic_prefix_stripping_leaves_a_three_letter_stem():
    # Unknown to the word list: stripped greedily, never below three letters.
    assert analyze_token("ובבית") == "בית"
    assert analyze_token("מהבית") == "בית"


@pytest.mark.parametrize("word", ["של", "מה", "בית", "שלו", "מים", "הם"])
def test_short_words_are_left_alone(word):
    assert analyze_token(word) == word


def test_house_is_not_reduced_to_its_last_letters():
    assert term("בית") == "בית"
    assert term("הבית") == "בית"
    assert term("בית") != term("ית")


def test_service_does_not_merge_with_song():
    assert term("שירות") != term("שיר")
    assert term("השירות") != term("שירים")


def test_number_does_not_merge_with_book():
    assert term("מספר") != term("ספר")
    assert term("המספר") == term("מספר")
    assert term("מהספר") == term("ספר")


def test_order_does_not_merge_with_time():
    assert term("הזמנה") == term("הזמנות")
    assert term("הזמנה") != term("הזמן")
    assert term("הזמן") == term("זמן")


def test_construct_yod_needs_four_letters_left():
    # עברי (Hebrew) must not become עבר (past).
    assert term("עברי") != term("עבר")


def test_prefix_sequences_that_hebrew_writes_are_stripped():
    assert analyze_token("ומהשבוע") == analyze_token("שבוע")
    # ו + כש + ה: "and when the computer" is four prefix letters, all of them real prefixes.
    assert analyze_token("וכשהמחשב") == analyze_token("מחשב")


def test_niqqud_and_final_letters_do_not_change_the_term():
    assert term("לָקוֹחוֹת") == term("לקוחות")
    assert term("ירושלים") == term("בירושלים")


def test_non_hebrew_tokens_in_hebrew_text_are_only_folded():
    assert analyze("Wagtail 2024 הלקוחות", "he") == ["wagtail", "2024", term("לקוח")]


# simplemma files derived verbs and nouns under another headword; they keep their own lemma.
@pytest.mark.parametrize(
    ("derived", "base"),
    [
        ("נפסל", "פסל"),  # nif'al, not the active verb
        ("נתקבל", "התקבל"),  # nif'al, not hitpa'el
        ("פסילה", "פסל"),  # verbal noun, not its verb
        ("הרחבה", "הרחיב"),
        ("משפטי", "משפט"),  # an -י adjective headword, not a construct plural
    ],
)
def test_derived_headwords_stay_apart_from_their_base(derived, base):
    assert term(derived) != term(base)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("שנפסלו", "נפסל"),  # the nif'al's inflections share its lemma
        ("נתגלתה", "נתגלה"),
        ("בפסילת", "פסילה"),  # construct state of the verbal noun
        ("הרחבת", "הרחבה"),
        ("גדולה", "גדול"),  # a feminine ending alone is not a verbal noun
        ("חבריה", "חבר"),  # her friends: a possessive, not a verbal noun
    ],
)
def test_derived_forms_still_reach_their_lemma(form, lemma):
    assert term(form) == term(lemma)


# Derived verbs and nouns the table files under their base verb, found by their letter pattern.
@pytest.mark.parametrize(
    ("derived", "base"),
    [
        ("התגברות", "התגבר"),  # hitpa'el verbal noun, not the verb
        ("איזון", "איזן"),  # pi'el verbal noun (קיטול), not the verb
        ("ניסוח", "ניסח"),
        ("הוצג", "הציג"),  # hof'al (passive of the hif'il), not the hif'il
        ("הופסק", "פסק"),  # hof'al, not read as the prefixes ה ו + פסק
        ("מופחת", "פחת"),  # hof'al participle
    ],
)
def test_derived_patterns_stay_apart_from_their_base(derived, base):
    assert term(derived) != term(base)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("איזונים", "איזון"),
        ("הופסקו", "הופסק"),
        ("שהופסקה", "הופסק"),
        ("הוצגה", "הוצג"),
        ("מופחתת", "מופחת"),
        ("מופחתים", "מופחת"),
    ],
)
def test_forms_of_derived_patterns_reach_their_lemma(form, lemma):
    assert term(form) == term(lemma)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("הולך", "הלך"),  # a participle of a verb in ה, although הליך is a word
        ("הודעה", "הודעה"),  # a noun: no hif'il הדיע
        ("מוצרים", "מוצר"),  # the dictionary's noun, not a participle
        ("מועדים", "מועד"),  # dates, although העיד (testified) is a verb
    ],
)
def test_words_shaped_like_hofal_keep_their_dictionary_reading(word, lemma):
    assert term(word) == term(lemma)


def test_possessive_endings_need_a_headword_left():
    # Final ן and ם are root letters as often as "their": סובלן (tolerant) is not סובל + ן.
    assert term("סובלן") != term("סובל")
    assert term("ברובם") == term("רוב")
    assert term("מחירם") == term("מחיר")
    # "Their" on a plural noun: the plural is what is left.
    assert term("ארצותיהם") == term("ארץ")


def test_plural_of_ia_noun_is_tried_before_the_adjective():
    assert term("אסטרטגיות") == term("אסטרטגיה")


@pytest.mark.parametrize("form", ["אלגוריתמית", "אלגוריתמיים", "אלגוריתמיות", "האלגוריתמי"])
def test_unknown_adjective_forms_share_one_stem(form):
    # Not in the dictionary: the letter rules bring every -י adjective ending to one stem.
    assert term(form) == term("אלגוריתמי")


def test_unknown_ia_noun_and_its_plural_share_one_stem():
    assert term("אנומליות") == term("אנומליה")


def test_known_words_do_not_take_adjective_endings():
    # שימושית is "useful", not a form of the site word שימוש.
    assert term("שימושית") != term("שימוש")


@pytest.mark.parametrize(
    ("feminine", "known"),
    [("מחשבה", "מחשב"), ("מחשבות", "מחשב"), ("שבועה", "שבוע"), ("מצבה", "מצב")],
)
def test_feminine_headword_is_not_an_ending_of_a_known_word(feminine, known):
    # thought(s) vs computer, oath vs week, tombstone vs state: dictionary words of their own.
    assert term(feminine) != term(known)


def test_feminine_forms_still_reach_their_own_headword():
    assert term("המחשבות") == term("מחשבה")
    assert term("מחשבים") == term("מחשב")


@pytest.mark.parametrize(
    ("word", "not_known"),
    [("מכירים", "מכירה"), ("מטרים", "מטרה"), ("הזמנים", "הזמנה"), ("הכלכלי", "כלכלה")],
)
def test_masculine_endings_on_a_known_feminine_stem_follow_the_dictionary(word, not_known):
    # they know (הכיר), meters, the times, the economic: not sales, goal, order, economy.
    assert term(word) != term(not_known)


def test_known_feminine_word_keeps_its_masculine_plural():
    assert term("מילים") == term("מילה")


@pytest.mark.parametrize(
    ("form", "verb"),
    [
        ("ללמוד", "למד"),  # qal infinitive, a headword of its own in the dictionary
        ("לקבוע", "קבע"),  # not ל + קבוע "fixed"
        ("ולכתוב", "כתב"),
        ("להתווכח", "התווכח"),  # hitpa'el infinitive, and its participle
        ("מתווכחים", "התווכח"),
        ("מבקש", "ביקש"),  # pi'el participle, not מ + בקש "straw"
        ("מסביר", "הסביר"),  # hif'il participle
        ("שוכן", "שכן"),  # qal participle the dictionary lists
    ],
)
def test_infinitives_and_participles_read_as_their_verb(form, verb):
    assert term(form) == term(verb)


@pytest.mark.parametrize(
    ("word", "not_verb"),
    [
        ("לבית", "ביית"),  # "to the house", not "to domesticate"
        ("לחלק", "חילק"),  # ל + a headword: the noun reading stays
        ("דוגמה", "דגם"),  # a headword is not a qal participle
        ("המשיך", "משך"),  # a headword is not ה + a participle
    ],
)
def test_to_and_from_a_noun_are_not_verb_forms(word, not_verb):
    assert term(word) != term(not_verb)


def test_a_feminine_headword_is_not_its_adjective():
    # עברית "Hebrew (the language)" and ראשית "beginning" are words of their own.
    assert term("עברית") != term("עברי")
    assert term("ראשית") != term("ראשי")
    assert term("משפטית") == term("משפטי")  # a feminine adjective still goes to its masculine


@pytest.mark.parametrize(("phrase", "word"), [("בזמן", "זמן"), ("לעולם", "עולם"), ("בסוף", "סוף")])
def test_a_prefix_and_a_word_listed_as_a_set_phrase_is_the_word(phrase, word):
    assert term(phrase) == term(word)


def test_a_word_in_bet_with_many_forms_of_its_own_keeps_them():
    assert term("ברכה") != term("רכה")
