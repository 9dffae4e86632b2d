"""Character-level clean-up shared by every language.

Two different jobs live here:

* `strip_unsafe` cleans text a visitor typed before we store it: it removes characters that can
  hide or reorder what a moderator sees, and nothing else.
* `fold` and `tokens` produce a matching form that is never shown to anyone: they erase the
  differences (niqqud, final letters, Arabic vs Persian letter shapes, digit scripts, case) that
  a person reading the text would not count as a different word.
"""

import re
import unicodedata

# Embedding/override (U+202A-U+202E) and isolate (U+2066-U+2069) controls: they can make a
# comment display in a different order than it is stored ("Trojan Source" style spoofing).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Everything strip_unsafe removes, in one pass. \t and \n stay; \r is turned into \n first.
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (except \t \n) and C1 controls, DEL
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ufdd0-\ufdef"  # noncharacters inside Arabic Presentation Forms-A
    "\ud800-\udfff"  # lone surrogates (only reachable through bad decoding)
    + "".join(
        f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
    )
    + "]"
)
_NEWLINES = re.compile("\r\n?")


def strip_unsafe(text: str) -> str:
    """Clean user input for storage; keeps emoji, ZWNJ and LRM/RLM, which carry meaning."""
    text = _NEWLINES.sub("\n", text)
    text = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}

    def delete(first: int, last: int | None = None) -> None:
        for code in range(first, (last or first) + 1):
            table[code] = None

    # Hebrew points and cantillation. Maqaf and sof pasuq separate words, so they become spaces.
    delete(0x0591, 0x05C7)
    table[0x05BE] = " "
    table[0x05C3] = " "
    # Final letters are spelling, not a different letter: ך ם ן ף ץ -> כ מ נ פ צ.
    table.update({ord(f): n for f, n in zip("ךםןףץ", "כמנפצ", strict=True)})

    # Arabic and Persian keyboards produce different code points for the same Persian letter.
    table.update(
        {
            ord("ي"): "ی",  # Arabic yeh
            ord("ى"): "ی",  # alef maksura
            ord("ئ"): "ی",  # yeh with hamza
            ord("ك"): "ک",  # Arabic kaf
            ord("ة"): "ه",  # teh marbuta
            ord("ۀ"): "ه",  # heh with yeh above (written ezafe)
            ord("ھ"): "ه",  # heh doachashmee
            ord("ؤ"): "و",
            ord("أ"): "ا",
            ord("إ"): "ا",
            ord("آ"): "ا",
            ord("ٱ"): "ا",
        }
    )
    delete(0x0640)  # tatweel only stretches a word
    delete(0x064B, 0x065F)  # harakat, shadda, sukun, hamza marks
    delete(0x0670)  # superscript alef

    # Invisible joiners and marks: present or absent, it is the same word.
    for code in (0x200C, 0x200D, 0x00AD, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF):
        delete(code)
    delete(0x202A, 0x202E)
    delete(0x2066, 0x2069)

    # Arabic-Indic and Persian digits -> ASCII, so ۱۲۳, ١٢٣ and 123 match.
    for value in range(10):
        table[0x0660 + value] = str(value)
        table[0x06F0 + value] = str(value)
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Language-neutral matching form of `text` (never displayed)."""
    # NFKC turns presentation forms (Arabic ligatures, Hebrew precomposed letters with dagesh,
    # full-width Latin) into plain letters; the table then removes the marks NFKC leaves behind.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold().translate(_FOLD)


HEBREW_LETTER = "\u05d0-\u05ea"
# Gershayim (נאס"א, צה״ל) and geresh (צ'יפס) inside a Hebrew word are part of the word.
_HEBREW_INNER_QUOTE = re.compile(
    f"(?<=[{HEBREW_LETTER}])[\"'\u05f3\u05f4\u2019\u201d](?=[{HEBREW_LETTER}])"
)
# Letters and digits; combining marks left after folding (e.g. from casefolding "İ") stay
# attached to their word instead of splitting it. Underscore is not a word character here.
_WORD = re.compile("[^\\W_](?:[^\\W_]|[\u0300-\u036f])*")


def tokens(text: str) -> list[str]:
    """Folded word tokens of `text`, in order."""
    folded = _HEBREW_INNER_QUOTE.sub("", fold(text))
    return _WORD.findall(folded)


def without_ending(word: str, ending: str, min_left: int = 1) -> str | None:
    """`word` without `ending` when it ends in it and at least `min_left` letters remain; else
    None."""
    if word.endswith(ending) and len(word) - len(ending) >= min_left:
        return word[: len(word) - len(ending)]
    return None

