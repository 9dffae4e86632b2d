"""Plain text out of rich text and StreamField values, as search and reading time read it."""

from apps.blocks.blocks import BodyBlock
from apps.core.text import block_text, html_text


def test_html_text_keeps_paragraphs_and_lines_apart_and_decodes_entities():
    source = "<p>one &quot;two&quot;</p><p>three<br/>four</p><ul><li>five</li><li>six</li></ul>"
    assert html_text(source).split() == ['one', '"two"', "three", "four", "five", "six"]


def test_block_text_reads_every_block_but_not_settings():
    body = BodyBlock().to_python(
        [
            {"type": "heading", "value": {"text": "כותרת", "level": "h2"}},
            {"type": "paragraph", "value": "<p>פסקה&nbsp;ראשונה</p><p>שנייה</p>"},
            {"type": "list", "value": {"ordered": True, "items": ["פריט", "עוד"]}},
            {"type": "quote", "value": {"text": "ציטוט", "attribution": "מישהו"}},
            {
                "type": "faq",
                "value": {
                    "heading": "שאלות",
                    "items": [{"question": "מה?", "answer": "<p>זה.</p>"}],
                },
            },
        ]
    )
    words = block_text(body).split()
    assert words == [
        "כותרת", "פסקה", "ראשונה", "שנייה", "פריט", "עוד", "ציטוט", "מישהו", "שאלות", "מה?", "זה.",
    ]
    assert "h2" not in words and "True" not in block_text(body)
