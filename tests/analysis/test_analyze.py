"""analyze(): language dispatch and token order."""

from apps.analysis import analyze


def test_terms_keep_token_order():
    assert analyze("Asiakkaat ja palvelu", "fi") == [
        analyze("asiakas", "fi")[0],
        "ja",
        analyze("palvelu", "fi")[0],
    ]


def test_regional_language_codes_use_the_base_language():
    assert analyze("הלקוחות", "he-IL") == analyze("הלקוחות", "he") == ["לקוח"]
    assert analyze("asiakkaat", "fi_FI") == analyze("asiakkaat", "fi")
    assert analyze("הלקוחות", "iw") == ["לקוח"]


def test_unknown_language_returns_folded_tokens():
    assert analyze("Asiakkaat  הלקוחות مشتري‌ها ۱۲", "en") == [
        "asiakkaat",
        "הלקוחות",
        "مشتریها",
        "12",
    ]


def test_query_and_document_forms_meet():
    document = analyze("שירות הלקוחות שלנו עונה לכל תלונה", "he")
    assert all(term in document for term in analyze("לקוח שירות תלונות", "he"))


def test_empty_text_has_no_terms():
    assert analyze("", "he") == []
    assert analyze(" ,.! ", "fa") == []
