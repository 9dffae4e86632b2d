"""Snippets and titles: the original words marked, everything else escaped."""

from apps.search.highlight import highlight, snippet
from apps.search.query import parse_query


def terms(query, lang):
    return parse_query(query, lang).highlight_terms


def test_marks_the_word_as_written_with_its_prefixes():
    assert highlight("ומה עם והלקוחות?", "he", terms("לקוח", "he")) == (
        "ומה עם <mark>והלקוחות</mark>?"
    )


def test_marks_pointed_hebrew_whole():
    text = "שָׁלוֹם לַלָּקוֹחַ"
    assert highlight(text, "he", terms("לקוח", "he")) == "שָׁלוֹם <mark>לַלָּקוֹחַ</mark>"


def test_marks_persian_with_zwnj_and_arabic_letters():
    text = "مشتری‌ها و مشتريان"
    assert highlight(text, "fa", terms("مشتری", "fa")) == (
        "<mark>مشتری‌ها</mark> و <mark>مشتريان</mark>"
    )


def test_marks_a_persian_verb_typed_with_a_space_as_one():
    assert highlight("من می روم", "fa", terms("میروم", "fa")) == "من <mark>می روم</mark>"


def test_marks_finnish_inflected_forms():
    text = "Asiakkaille ja asiakkaan palvelu"
    assert highlight(text, "fi", terms("asiakas", "fi")) == (
        "<mark>Asiakkaille</mark> ja <mark>asiakkaan</mark> palvelu"
    )


def test_escapes_text_and_marked_words():
    text = '<script>alert("x")</script> asiakas & <b>asiakkaat</b>'
    result = highlight(text, "fi", terms("asiakas", "fi"))
    assert "<script>" not in result and "<b>" not in result
    assert "&lt;script&gt;" in result
    assert "<mark>asiakas</mark> &amp; &lt;b&gt;<mark>asiakkaat</mark>&lt;/b&gt;" in result


def test_snippet_is_cut_around_the_first_match_at_word_boundaries():
    words = [f"sana{n}" for n in range(200)]
    words[120] = "asiakkaille"
    text = " ".join(words)

    result = snippet(text, "fi", terms("asiakas", "fi"), length=100)

    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>asiakkaille</mark>" in result
    inner = result.removeprefix("… ").removesuffix(" …").replace("<mark>", "")
    inner = inner.replace("</mark>", "")
    assert all(word in words for word in inner.split())
    assert len(inner) <= 100


def test_snippet_without_a_match_is_the_beginning():
    text = "Ensimmäinen lause. " * 40
    result = snippet(text, "fi", terms("asiakas", "fi"), length=60)
    assert result.startswith("Ensimmäinen lause.")
    assert result.endswith(" …")
    assert "<mark>" not in result


def test_short_text_is_whole_and_whitespace_is_collapsed():
    assert snippet("Asiakas\n\non  oikeassa.", "fi", terms("asiakas", "fi")) == (
        "<mark>Asiakas</mark> on oikeassa."
    )
