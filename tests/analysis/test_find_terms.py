"""find_terms(): moderator word lists matched on token boundaries after folding."""

from apps.analysis import find_terms

ZWNJ = "\u200c"


def test_no_match_inside_a_word():
    assert find_terms("This is a class act", ["ass"]) == []
    assert find_terms("Passive voice", ["ass"]) == []


def test_whole_word_matches_case_insensitively():
    assert find_terms("What an ASS.", ["ass"]) == ["ass"]


def test_phrase_matches_only_as_consecutive_words():
    assert find_terms("huono palvelu taas", ["huono palvelu"]) == ["huono palvelu"]
    assert find_terms("palvelu on huono", ["huono palvelu"]) == []


def test_hebrew_entry_matches_with_prefixes_attached():
    assert find_terms("והחרא הזה", ["חרא"]) == ["חרא"]
    assert find_terms("שהחרא", ["חרא"]) == ["חרא"]


def test_hebrew_entry_does_not_match_in_the_middle_or_end_of_a_word():
    assert find_terms("חראות", ["חרא"]) == []
    assert find_terms("והחראות", ["חרא"]) == []


def test_prefixes_are_only_hebrew_prefix_letters():
    assert find_terms("אחרא", ["חרא"]) == []


def test_niqqud_and_final_letters_match():
    assert find_terms("שָׁלוֹם לכולם", ["שלום"]) == ["שלום"]
    assert find_terms("שלומ", ["שלום"]) == ["שלום"]


def test_persian_entry_matches_joined_split_and_zwnj_forms():
    entries = ["می روم", f"می{ZWNJ}روم", "میروم"]
    assert find_terms("فردا میروم", entries) == entries
    assert find_terms("فردا می روم", entries) == entries
    assert find_terms(f"فردا می{ZWNJ}روم", entries) == entries


def test_persian_letter_variants_and_digits_match():
    assert find_terms("كتاب را خواندم", ["کتاب"]) == ["کتاب"]
    assert find_terms("کد ۴۲", ["42", "٤٢"]) == ["42", "٤٢"]


def test_word_split_into_one_letter_pieces_does_not_match():
    assert find_terms("such as S&P", ["ass"]) == []


def test_word_split_by_a_space_matches():
    assert find_terms("you ass hole", ["asshole"]) == ["asshole"]


def test_entries_returned_once_in_given_order():
    text = "huono palvelu, huono asiakas"
    assert find_terms(text, ["asiakas", "huono", "asiakas", "puuttuu"]) == ["asiakas", "huono"]


def test_entries_without_letters_are_ignored():
    assert find_terms("!!! ...", ["!!!", "", "   "]) == []


def test_long_comment_with_many_entries():
    entries = [f"sana{n}" for n in range(198)] + ["חרא", "می روم"]
    comment = ("הלקוח כתב תלונה על השירות. مشتری‌ها از خدمات راضی نیستند. " * 90) + " והחרא"
    assert len(comment) > 5000
    assert find_terms(comment, entries) == ["חרא"]
