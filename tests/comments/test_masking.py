"""Personal data is found however it is written: a corpus of evasions in he, fa, fi and en."""

import pytest

from apps.comments.models import CommentSettings, HeldReason
from apps.comments.rendering import masked_text, render_body
from apps.comments.rules import verdict
from apps.comments.segments import has_personal_data

EVASIONS = [
    # E-mail addresses
    "dani@gmail.com",
    "כתבו לי dani＠gmail．com",  # full-width at-sign and dot
    "dani﹫gmail.com",  # small commercial at
    "mikko (at) example (dot) fi",
    "mikko [at] example [dot] fi",
    "mikko{at}example{dot}fi",
    "mikko(a)example.fi",
    "mikko ät example piste fi",
    "mikko at example dot com",
    "MIKKO AT EXAMPLE DOT COM",
    "dani שטרודל gmail נקודה com",
    "dani (שטרודל) gmail (נקודה) com",
    "ali ات gmail نقطه com",
    "ali (ات) yahoo (دات) com",
    "dani @ gmail . com",
    "d\u200bani@gm\u200cail.c\u2060om",  # zero-width characters inside
    "dani@gmail.com\u202e",
    "da\u00adni@gmail.com",  # soft hyphen
    # Phone numbers
    "050-1234567",
    "+972 50 123 4567",
    "050\u200b123\u200b4567",
    "0 5 0 • 1 2 3 • 4 5 6 7",
    "050/123/45/67",
    "050_123_4567",
    "050.123.4567",
    "(050) 123-4567",
    "۰۹۱۲ ۳۴۵ ۶۷۸۹",
    "۰۹۱۲\u200c۳۴۵\u200c۶۷۸۹",
    "٠٥٠١٢٣٤٥٦٧",
    "０５０１２３４５６７",  # full-width digits
    "040 🙂 123 🙂 4567",
    "050̶1̶2̶3̶4̶5̶6̶7",  # strike-through marks
    "+358 40\n123 4567",
    # Found by the attack run of issue 16
    "soita ל0501234567",
    "puh0401234567",
    "mikko@example.comוגם",
    "050    1234567",
    "050 -- 123 -- 4567",
    "050🙂🙂🙂🙂1234567",
    "0\u3164501234567",  # a Hangul filler, a "letter" that shows as blank
    "0\u115f501234567",
    "mikko@example。fi",
    "mikko@example٫fi",
    "mikko -at- example -dot- fi",
    "mikko /at/ example /dot/ fi",
    "mikko 'at' example 'dot' fi",
    "mikko аt example dоt fi",  # Cyrillic а and о
    "mikko ᴀᴛ example ᴅᴏᴛ fi",  # small capitals
    "dani שטרודל gmail דוט com",
    "https://wa.me/358401234567",
    "05O-1234567",  # a letter O for a zero
    "➊➎➋➊➋➌➍➎➏➐",  # dingbat digits
    "050\n\n\n\n1234567",
    "dani@gmail.קום",
    "ali@yahoo.کام",
    "dani@@gmail.com",
    "dani at gmail",
    "mikko@gmail",
    "mikko@example fi",
    "شماره۰۹۱۲۱۲۳۴۵۶۷",
]

HARMLESS = [
    "https://www.linkedin.com/in/someone-123456789",
    "שלחתי את example.com אתמול",
    "בין 2019-2020 היו 3 שינויים",
    "Tilausnumero 12345678 on kunnossa",
    "ترجمه ۱۴۰۲ منتشر شد",
    "Katso www.example.fi/ohje",
    "I went there at 5. Then it rained",
    "Hinta 1 200 000 euroa",
    "Olen kotona. Tule käymään",
]


@pytest.mark.parametrize("text", EVASIONS)
def test_every_evasion_is_found_and_masked(text):
    assert has_personal_data(text), text
    masked = masked_text(text)
    assert "[" in masked, masked
    for fragment in ("gmail", "example", "yahoo", "4567", "۶۷۸۹", "٤٥٦٧", "４５６７", "45/67",
                     "➍➎➏➐", "358401"):
        assert fragment not in masked, masked
    html = str(render_body(text))
    assert "comment__masked" in html, html


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_left_alone(text):
    assert not has_personal_data(text), text


@pytest.mark.parametrize(
    "name", ["Dani 050-1234567", "mikko (at) example (dot) fi", "دانی ۰۹۱۲ ۳۴۵ ۶۷۸۹"]
)
def test_a_name_holding_personal_data_holds_the_comment(name):
    decision = verdict(name, "Kiitos hyvästä kirjoituksesta.", CommentSettings())
    assert decision.personal_data
    assert HeldReason.PERSONAL_DATA in decision.reasons


def test_the_original_characters_around_the_data_are_kept():
    text = "צרו קשר: dani@gmail.com או 050-1234567, תודה"
    masked = masked_text(text)
    assert masked.startswith("צרו קשר: [")
    assert masked.endswith(", תודה")
