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
from dataclasses import dataclass, field

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


@dataclass
class _TagReading:
    """What reading the tags from the end has found so far."""

    pieces: list
    found: dict = field(default_factory=dict)
    boundary_passed: bool = False  # a compound boundary lies after this point
    stem_adverb: bool = False  # the word ends in -sti

    @property
    def before_class(self) -> bool:
        return "CLASS" not in self.found


def _noun_or_adjective(state: _TagReading) -> str:
    """[Lnl] reads as an adjective after -sti, with a comparison or in a numeral."""
    adjective = (
        state.stem_adverb or state.found.get("COMPARISON") or state.pieces[0] == ("tag", "Lu")
    )
    return "laatusana" if adjective else "nimisana_laatusana"


def _read_class(state: _TagReading, value: str) -> None:
    """The last word class is the word's."""
    if not state.before_class:
        return
    word_class = _noun_or_adjective(state) if value == "nl" else _CLASSES.get(value)
    if word_class:
        state.found["CLASS"] = word_class


def _read_stem(state: _TagReading, value: str) -> None:
    state.stem_adverb = state.stem_adverb or value == "sti"


def _read_mood(state: _TagReading, value: str) -> None:
    """Mood counts only after the word class."""
    if state.before_class:
        state.found.setdefault("MOOD", _MOODS.get(value))


def _read_comparison(state: _TagReading, value: str) -> None:
    """Comparison counts only after the word class."""
    if state.before_class and value in _COMPARISONS:
        state.found.setdefault("COMPARISON", _COMPARISONS[value])


def _read_participle(state: _TagReading, value: str) -> None:
    """Participles count only after the last compound boundary, in an adjective or a noun."""
    if state.boundary_passed:
        return
    if state.found.get("CLASS") in (None, "laatusana") or state.pieces[-1] == ("tag", "Ln"):
        state.found.setdefault("PARTICIPLE", _PARTICIPLES.get(value))


def _read_boundary(state: _TagReading, value: str) -> None:
    state.boundary_passed = state.boundary_passed or value == "c"


def _read_nothing(state: _TagReading, value: str) -> None:
    """Other tags (case, number, …) give no attribute."""


_TAG_READERS = {
    "L": _read_class,
    "S": _read_stem,
    "T": _read_mood,
    "C": _read_comparison,
    "R": _read_participle,
    "B": _read_boundary,
}


def _attributes(pieces: list[tuple[str, str]]) -> dict:
    """CLASS, MOOD, PARTICIPLE, COMPARISON from the tags, read from the end (see _TAG_READERS);
    a past passive participle is an adjective."""
    state = _TagReading(pieces)
    for tag in [text for kind, text in reversed(pieces) if kind == "tag"]:
        _TAG_READERS.get(tag[0], _read_nothing)(state, tag[1:])
    if state.found.get("PARTICIPLE") == "past_passive":
        state.found["CLASS"] = "laatusana"
    return {key: value for key, value in state.found.items() if value is not None}


# What an [X..] tag opens, for the base form: a base form ([Xp], [Xj]), a part to skip ([Xr],
# [Xs]) or the surface again ([X]); other [X..] tags leave the segment as it is.
_BASE_SEGMENTS = {"p": "base", "j": "base", "r": "skip", "s": "skip", "": None}
_NOUNS_AND_ADJECTIVES = {("tag", "Ln"), ("tag", "Ll"), ("tag", "Lnl")}


def _segmented(pieces: list[tuple[str, str]]):
    """(segment, letter) for each surface letter, segment as _BASE_SEGMENTS names it."""
    segment = None
    for kind, text in pieces:
        if kind == "x":
            segment = _BASE_SEGMENTS.get(text, segment)
        elif kind == "char":
            yield segment, text


def _letters(pieces: list[tuple[str, str]], segment: str | None) -> str:
    """The letters of one kind of segment, without base forms' '=' marks."""
    letters = "".join(text for where, text in _segmented(pieces) if where == segment)
    return letters.replace("=", "") if segment == "base" else letters


def _base_openings(pieces: list[tuple[str, str]]) -> list[int]:
    """Where the [Xp]/[Xj] tags are."""
    return [index for index, piece in enumerate(pieces) if piece in (("x", "p"), ("x", "j"))]


def _is_numeral(pieces: list[tuple[str, str]]) -> bool:
    """A [Lu] word not followed by a noun or adjective."""
    return pieces[:1] == [("tag", "Lu")] and _NOUNS_AND_ADJECTIVES.isdisjoint(pieces[1:])


def _numeral_letter(segment: str | None, text: str) -> bool:
    """In a numeral part after its base form: the base forms' letters and hyphens only."""
    return segment == "base" and text != "=" or segment is None and text == "-"


def _numeral_part(part: list[tuple[str, str]]) -> str:
    """One part of a numeral: its letters up to its base form, then the base forms and hyphens."""
    opening = (_base_openings(part) or [len(part)])[0]
    kept = (text for where, text in _segmented(part[opening:]) if _numeral_letter(where, text))
    return _letters(part[:opening], None) + "".join(kept)


def _compound_split(pieces: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The pieces between [Bc] compound boundaries."""
    parts: list[list[tuple[str, str]]] = [[]]
    for piece in pieces:
        parts.append([]) if piece == ("tag", "Bc") else parts[-1].append(piece)
    return parts


def _base_form(pieces: list[tuple[str, str]]) -> str:
    """Surface letters up to the last [Xp]/[Xj], then that base form; numerals join the base
    forms of their parts (kahdellekymmenelle -> kaksikymmenen)."""
    if _is_numeral(pieces):
        return "".join(_numeral_part(part) for part in _compound_split(pieces))
    openings = _base_openings(pieces)
    if not openings:
        return _letters(pieces, None)
    return _letters(pieces[: openings[-1]], None) + _letters(pieces[openings[-1] :], "base")


def _boundary_at(pieces: list[tuple[str, str]], index: int) -> bool:
    """Whether a boundary tag ([B..]) is at `index`."""
    kind, text = pieces[index] if index < len(pieces) else ("", "")
    return kind == "tag" and text.startswith("B")


def _walk(reader, pieces: list[tuple[str, str]]):
    """Feed each piece to the reader's method of its kind (tag, x, char), then ask its result."""
    for index, (kind, text) in enumerate(pieces):
        getattr(reader, kind)(index, text)
    return reader.result()


# Which segment an [X..] tag opens, for WORDBASES and STRUCTURE; any other is skipped.
_WORD_BASE_SEGMENTS = {"p": "p", "j": "j", "": None}
_STRUCTURE_SEGMENTS = {"r": "r", "": None}


class _WordBases:
    """libvoikko's WORDBASES: each part as +surface(base form), derivation endings as (+ending)."""

    def __init__(self, pieces: list[tuple[str, str]]):
        self.pieces = pieces
        self.out: list[str] = []
        self.pending: list[str] = []  # the current [Xp]/[Xj] letters, "+"-led for [Xj]
        self.segment = None
        self.in_content = False
        self.last_start = 0  # where the latest part's letters start in `out`

    def flush(self):
        """The base form read so far follows the letters."""
        if self.pending:
            self.out.append("(" + "".join(self.pending) + ")")
            self.pending = []

    def end_part(self):
        """A word class or hyphen ends a part."""
        self.flush()
        self.in_content = False

    def tag(self, _index, text):
        if text.startswith("L"):
            self.end_part()

    def x(self, _index, text):
        if text == "j" and self.in_content:
            self.flush()
            self.last_start = len(self.out)
        if text in ("p", "j"):
            self.pending = []
        self.segment = _WORD_BASE_SEGMENTS.get(text, "other")

    def char(self, index, text):
        if text == "-" and _boundary_at(self.pieces, index + 1):
            self.end_part()
            self.out.append("+-")
        elif self.segment in _WORD_BASE_LETTERS:
            _WORD_BASE_LETTERS[self.segment](self, text)

    def base_letter(self, text):
        self.pending.append(text)

    def ending_letter(self, text):
        self.pending.append(("+" if not self.pending else "") + text)

    def surface_letter(self, text):
        if not self.in_content:
            self.out.append("+")
            self.last_start = len(self.out)
            self.in_content = True
        self.out.append(text)

    def result(self) -> str:
        """The last part's base form replaces its letters."""
        if not self.pending:
            return "".join(self.out)
        before = "".join(self.out[: self.last_start])
        letters = "".join(self.pending)
        if letters.startswith("+") and before.endswith("+"):
            before = before[:-1]
        return before + letters.replace("=", "") + "(" + letters + ")"


_WORD_BASE_LETTERS = {
    "p": _WordBases.base_letter,
    "j": _WordBases.ending_letter,
    None: _WordBases.surface_letter,
}


def _word_bases(pieces: list[tuple[str, str]]) -> str:
    """libvoikko's WORDBASES: each part as +surface(base form), derivation endings as (+ending)."""
    return _walk(_WordBases(pieces), pieces)


def _compound_boundary(index: int, text: str) -> bool:
    """A boundary tag other than a hyphen's ([Bh]), past the word's first two pieces."""
    return text[0] == "B" and text != "Bh" and index > 1


class _CompoundParts:
    """Counts the '=' of libvoikko's STRUCTURE (see _compound_parts)."""

    def __init__(self, pieces: list[tuple[str, str]]):
        self.last_index = len(pieces) - 1
        self.count = 1
        self.last_is_boundary = True
        self.letters_since = False  # surface letters since the last boundary tag
        self.segment = None

    def boundary(self):
        """A boundary counts unless one was just counted."""
        self.count += not self.last_is_boundary
        self.last_is_boundary = True

    def x(self, _index, text):
        self.segment = _STRUCTURE_SEGMENTS.get(text, "other")

    def tag(self, index, text):
        if not _compound_boundary(index, text):
            return
        self.last_is_boundary = self.last_is_boundary and not self.letters_since
        if index < self.last_index:
            self.boundary()
        self.letters_since = False

    def char(self, _index, text):
        if self.segment == "r":
            self.structure_letter(text)
        else:
            self.letters_since = self.letters_since or (self.segment is None and text not in "-:")

    def structure_letter(self, text):
        """In a written structure ([Xr]=ppp=ppp[X]) each '=' is a boundary."""
        if text == "=":
            self.boundary()
        else:
            self.last_is_boundary = False

    def result(self) -> int:
        return self.count


def _compound_parts(pieces: list[tuple[str, str]]) -> int:
    """How many '=' libvoikko's STRUCTURE holds: one, plus one per compound boundary with
    letters before it, plus the boundaries a written structure ([Xr]=ppp=ppp[X]) spells out."""
    return _walk(_CompoundParts(pieces), pieces)


# How a tag changes (starts with a name, ends with a common noun); None keeps a flag.
_NAME_AND_NOUN_TAGS = {"Dg": (False, None), "Ica": (None, False)}


def _name_and_noun_effect(kind: str, text: str) -> tuple:
    """How one piece changes (starts with a name, ends with a common noun)."""
    if kind == "char":
        return (False, False) if text == "-" else (None, None)
    if text.startswith("Le"):
        return (True, False)
    if text.startswith("Ln"):
        return (None, True)
    return _NAME_AND_NOUN_TAGS.get(text, (None, None))


def _name_then_noun(pieces: list[tuple[str, str]]) -> bool:
    """A compound that starts with a proper name and ends in a common noun (not a reading)."""
    flags = [False, False]
    for kind, text in pieces:
        for position, change in enumerate(_name_and_noun_effect(kind, text)):
            flags[position] = flags[position] if change is None else change
    return flags == [True, True]


def _hyphen_boundaries(pieces: list[tuple[str, str]]):
    """(letter before, letter after, written with a hyphen) for each [Bh] boundary."""
    last_letter, boundary = "", None
    for index, piece in enumerate(pieces):
        if piece == ("tag", "Bh"):
            boundary = (last_letter, pieces[index - 1 : index] == [("char", "-")])
        elif piece[0] == "char" and piece[1] != "-":
            if boundary:
                yield boundary[0], piece[1], boundary[1]
            boundary, last_letter = None, piece[1]


def _hyphen_right(before: str, after: str, hyphen: bool) -> bool:
    """Two like vowels (or a digit and a letter) across a boundary need a hyphen, others none."""
    needs_hyphen = before == after and after in VOWELS or before.isdigit()
    return not before or needs_hyphen == hyphen


def _valid(pieces: list[tuple[str, str]]) -> bool:
    """libvoikko's checks on a compound: hyphens where due (kauppa-apu), and no proper name
    followed by a common noun."""
    hyphens_right = all(_hyphen_right(*boundary) for boundary in _hyphen_boundaries(pieces))
    return hyphens_right and not _name_then_noun(pieces)


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
