"""Voikko's Finnish morphology from PyPI alone: pyvoikko's transducer, read the way libvoikko does.

pyvoikko ships Voikko's Finnish transducer (the voikko-fi morphology that Debian packages for
libvoikko) and kfst runs it (kfst-rs, its compiled engine, when installed). A lookup gives the
transducer's raw output, e.g. for `hevosten`:

    [Ln][Xp]hevonen[X]hevo[Sg][Nm]sten

Tags in brackets: [L..] word class, [Xp]..[X] the base form of the part that follows, [Xj]..[X]
a derivation ending's base form, [Xr]..[X] a written structure, [Bc] a compound boundary, [T..]
mood, [R..] participle, [C..] comparison, [Sx]/[Nx]/... case and number; other letters are the
surface form. `reading` turns one output into the attributes finnish.py ranks readings by, with
the same names and values as libvoikko's analyses (BASEFORM, CLASS, MOOD, PARTICIPLE, WORDBASES
and the compound count of STRUCTURE), so both back ends give the same search terms;
tests/analysis/test_voikko_fst.py checks that on the benchmark's words wherever libvoikko is
installed too.
"""

import re

_TAG = re.compile(r"\[([A-Z][^\]]*)\]")
_CLASSES = {
    "n": "nimisana",
    "l": "laatusana",
    "nl": "nimisana_laatusana",
    "h": "huudahdussana",
    "ee": "etunimi",
    "es": "sukunimi",
    "ep": "paikannimi",
    "em": "nimi",
    "t": "teonsana",
    "a": "lyhenne",
    "s": "seikkasana",
    "u": "lukusana",
    "ur": "lukusana",
    "r": "asemosana",
    "c": "sidesana",
    "d": "suhdesana",
    "k": "kieltosana",
    "p": "etuliite",
}
_MOODS = {
    "n1": "A-infinitive",
    "n2": "E-infinitive",
    "n3": "MA-infinitive",
    "n4": "MINEN-infinitive",
    "n5": "MAINEN-infinitive",
    "t": "indicative",
    "e": "conditional",
    "k": "imperative",
    "m": "potential",
}
_PARTICIPLES = {
    "v": "present_active",
    "a": "present_passive",
    "u": "past_active",
    "t": "past_passive",
    "m": "agent",
    "e": "negation",
}
_COMPARISONS = {"c": "comparative", "s": "superlative"}
VOWELS = "aeiouyäö"


def _pieces(output: str) -> list[tuple[str, str]]:
    """The output as (kind, text): ("tag", "Ln"), ("x", "p") for [Xp], ("x", "") for [X], or
    ("char", "h") for each surface letter."""
    pieces = []
    position = 0
    for match in _TAG.finditer(output):
        pieces.extend(("char", letter) for letter in output[position : match.start()])
        tag = match[1]
        pieces.append(("x", tag[1:]) if tag[0] == "X" else ("tag", tag))
        position = match.end()
    pieces.extend(("char", letter) for letter in output[position:])
    return pieces


def _attributes(pieces: list[tuple[str, str]]) -> dict:
    """CLASS, MOOD, PARTICIPLE, COMPARISON from the tags, read from the end: the last word class
    is the word's, and mood and comparison count only after it, participles only after the last
    compound boundary."""
    found: dict = {}
    boundary_passed = False
    stem_adverb = False
    for kind, tag in reversed(pieces):
        if kind != "tag":
            continue
        key, value = tag[0], tag[1:]
        if key == "L" and "CLASS" not in found:
            if value == "nl":
                comparison = found.get("COMPARISON")
                adjective = stem_adverb or comparison or pieces[0] == ("tag", "Lu")
                found["CLASS"] = "laatusana" if adjective else "nimisana_laatusana"
            elif value in _CLASSES:
                found["CLASS"] = _CLASSES[value]
        elif key == "S" and value == "sti":
            stem_adverb = True
        elif key == "T" and "CLASS" not in found:
            found.setdefault("MOOD", _MOODS.get(value))
        elif key == "C" and "CLASS" not in found and value in _COMPARISONS:
            found.setdefault("COMPARISON", _COMPARISONS[value])
        elif key == "R" and not boundary_passed:
            if found.get("CLASS") in (None, "laatusana") or pieces[-1] == ("tag", "Ln"):
                found.setdefault("PARTICIPLE", _PARTICIPLES.get(value))
        elif key == "B" and value == "c":
            boundary_passed = True
    if found.get("PARTICIPLE") == "past_passive":
        found["CLASS"] = "laatusana"
    return {key: value for key, value in found.items() if value is not None}


def _base_form(pieces: list[tuple[str, str]]) -> str:
    """Surface letters up to the last [Xp]/[Xj], then that base form; numerals ([Lu] words not
    followed by a noun or adjective) join the base forms of their parts (kahdellekymmenelle ->
    kaksikymmenen)."""
    numeral = pieces[:1] == [("tag", "Lu")] and not any(
        piece in (("tag", "Ln"), ("tag", "Ll"), ("tag", "Lnl")) for piece in pieces[1:]
    )
    base: list[str] = []
    last_base: list[str] | None = None  # letters of the latest [Xp]/[Xj]
    kept = 0  # how many surface letters came before it
    segment = None  # "base", "skip" ([Xr], [Xs]) or None
    base_seen_in_part = False
    for kind, text in pieces:
        if kind == "x":
            if text in ("p", "j"):
                segment, last_base, kept = "base", [], len(base)
                if numeral:
                    base_seen_in_part = True
            elif text in ("r", "s"):
                segment = "skip"
            elif text == "":
                segment = None
        elif kind == "tag":
            if numeral and text == "Bc":
                base_seen_in_part = False
        elif segment == "base":
            if text != "=":
                last_base.append(text)
                if numeral:
                    base.append(text)
        elif segment is None and (not numeral or not base_seen_in_part or text == "-"):
            base.append(text)
    if numeral:
        return "".join(base)
    if last_base is not None:
        base = base[:kept] + last_base
    return "".join(base)


def _word_bases(pieces: list[tuple[str, str]]) -> str:
    """libvoikko's WORDBASES: each part as +surface(base form), derivation endings as (+ending)."""
    out: list[str] = []
    pending: list[str] = []  # the current [Xp]/[Xj] letters, "+"-led for [Xj]
    segment = None
    in_content = False
    last_start = 0  # where the latest part's letters start in `out`

    def flush():
        nonlocal pending
        if pending:
            out.append("(" + "".join(pending) + ")")
            pending = []

    for index, (kind, text) in enumerate(pieces):
        next_is_boundary = index + 1 < len(pieces) and pieces[index + 1][0] == "tag"
        if kind == "tag" and text.startswith("L"):
            flush()
            in_content = False
        elif kind == "char" and text == "-" and next_is_boundary and pieces[index + 1][1][0] == "B":
            flush()
            in_content = False
            out.append("+-")
        elif kind == "x":
            if text == "p":
                segment, pending = "p", []
            elif text == "j":
                if in_content:
                    flush()
                    last_start = len(out)
                segment, pending = "j", []
            elif text == "":
                segment = None
            else:
                segment = "other"
        elif kind == "char":
            if segment == "other":
                continue
            if segment == "p":
                pending.append(text)
            elif segment == "j":
                pending.append(("+" if not pending else "") + text)
            else:
                if not in_content:
                    out.append("+")
                    last_start = len(out)
                    in_content = True
                out.append(text)
    if pending:
        del out[last_start:]
        letters = "".join(pending)
        if letters.startswith("+") and out and out[-1].endswith("+"):
            out[-1] = out[-1][:-1]
        out.append(letters.replace("=", "") + "(" + letters + ")")
    return "".join(out)


def _compound_parts(pieces: list[tuple[str, str]]) -> int:
    """How many '=' libvoikko's STRUCTURE holds: one, plus one per compound boundary with
    letters before it, plus the boundaries a written structure ([Xr]=ppp=ppp[X]) spells out."""
    count = 1
    last_is_boundary = True
    letters_since = 0
    segment = None
    for index, (kind, text) in enumerate(pieces):
        if kind == "x":
            segment = "r" if text == "r" else ("other" if text else None)
        elif kind == "tag":
            if text[0] == "B" and text != "Bh" and index > 1:
                if letters_since:
                    last_is_boundary = False
                if not last_is_boundary and index < len(pieces) - 1:
                    count += 1
                    last_is_boundary = True
                letters_since = 0
        elif segment == "r":
            if text == "=":
                if not last_is_boundary:
                    count += 1
                last_is_boundary = True
            else:
                last_is_boundary = False
        elif segment is None and text not in "-:":
            letters_since += 1
    return count


def _valid(pieces: list[tuple[str, str]]) -> bool:
    """libvoikko's checks on a compound: two like vowels across a boundary need a hyphen
    (kauppa-apu), other boundaries none; a compound that starts with a proper name and ends in a
    common noun is not a reading."""
    starts_with_name = ends_with_noun = False
    last_letter = ""
    boundary = hyphen = False
    for index, (kind, text) in enumerate(pieces):
        if kind == "tag":
            if text.startswith("L"):
                if text.startswith("Le"):
                    starts_with_name, ends_with_noun = True, False
                elif text.startswith("Ln"):
                    ends_with_noun = True
            elif text == "Dg":
                starts_with_name = False
            elif text == "Ica":
                ends_with_noun = False
            elif text == "Bh":
                boundary = True
                hyphen = index > 0 and pieces[index - 1] == ("char", "-")
        elif kind == "char" and text == "-":
            starts_with_name = ends_with_noun = False
        elif kind == "char":
            if boundary:
                needs_hyphen = last_letter == text and text in VOWELS or last_letter.isdigit()
                if last_letter and needs_hyphen != hyphen:
                    return False
                boundary = False
            last_letter = text
    return not (starts_with_name and ends_with_noun)


def reading(output: str) -> dict | None:
    """libvoikko-style attributes of one transducer output; None for outputs libvoikko drops."""
    pieces = _pieces(output)
    if not _valid(pieces):
        return None
    attributes = _attributes(pieces)
    attributes["BASEFORM"] = _base_form(pieces)
    attributes["WORDBASES"] = _word_bases(pieces)
    attributes["STRUCTURE"] = "=" * _compound_parts(pieces)
    attributes["FSTOUTPUT"] = output
    return attributes


class Analyzer:
    """The transducer, loaded once; `analyze(word)` answers like libvoikko's Voikko.analyze."""

    def __init__(self):
        from kfst import TokenizationException
        from pyvoikko import VOIKKO_FST

        self._lookup = VOIKKO_FST.lookup
        self._unknown_letter = TokenizationException

    def analyze(self, word: str) -> list[dict]:
        try:
            outputs = self._lookup(word.lower())
        except self._unknown_letter:
            return []
        readings = (reading(output) for output, _weight in outputs)
        return [found for found in readings if found is not None]
