"""Finnish analysis: Voikko base forms, with Snowball plus a few rules for unknown words.

Voikko (libvoikko + Debian's voikko-fi morphology) gives every reading of a word; which one is
taken decides the term (see `_reading_key`). Participles and the -minen/-MA infinitives read as
their verb (tehnyt -> tehdä); -minen nouns keep a term of their own (tekeminen -> tehdä~minen),
as dictionaries list them apart. Words Voikko does not know (names, new words) fall back to:

Snowball's Finnish stemmer plus a few rules for what it leaves apart.

Snowball removes case endings well but keeps the nominative of s-nouns different from their
inflected stem (asiakas vs asiak-, valitus vs valituks-/valitu-). The rules below rewrite those
stem endings; they run on every Snowball output, so all forms of a word go through them alike.
One rule runs before Snowball: the nominative of -nen words is read as their genitive.
"""

import functools
import logging
import re
import threading

try:  # PyStemmer is the C build of Snowball: same algorithm, many times faster.
    import Stemmer

    _stem_word = Stemmer.Stemmer("finnish").stemWord
except ImportError:  # pragma: no cover - depends on the environment
    import snowballstemmer

    _stem_word = snowballstemmer.stemmer("finnish").stemWord

_FINNISH_WORD = re.compile("[a-zåäö]+")
VOWELS = "aeiouyäö"

# (pattern on the Snowball stem, replacement, shortest stem the rule applies to)
_POST_RULES = [
    # Consonant gradation at the stem end: asiakk-, matt-, kaupp- -> asiak-, mat-, kaup-.
    (re.compile(f"(kk|pp|tt)([{VOWELS}]?)$"), lambda m: m[1][0] + m[2], 4),
    # -us/-ys/-os nouns inflect on -ks-: valituks (valituksen) -> valitu.
    (re.compile("ks$"), "", 5),
    # ...and their nominative: valitus, kysymys, tilaus -> valitu, kysymy, tilau.
    (re.compile("(?<=[uyoö])s$"), "", 5),
    # ...and the genitive plural valitusten, which Snowball leaves as valitust.
    (re.compile("(?<=[uy])st$"), "", 7),
    # Abstract -us nouns on -ude-/-ut-: rakkaud (rakkauden), rakkaut (rakkautta) -> rakkau.
    (re.compile("(?<=au|eu|ou|uu|yy|äy|öy)[dt]$"), "", 6),
    # -as/-äs nouns after k/g/p/t/d: asiakas, rikas -> asiak, rik (like asiakkaan, rikkaan).
    (re.compile("(?<=[kgptd])[aä]s$"), "", 5),
]


# -nen nouns and adjectives (ihminen, vihollinen, oikeudenmukainen) inflect on -se-/-s-:
# ihmisen, ihmiset, ihmisille. Snowball stems the nominative to ihmin- but the others to
# ihmis-, so the nominative is read as its genitive first. Only -inen words of six letters or
# more: that leaves genitives such as sienen (sieni) and verbs such as tunnen and menen alone.
_NEN_WORD = re.compile("(?<=.{2})inen$")


def _pre_rules(token: str) -> str:
    return _NEN_WORD.sub("isen", token, count=1)


def _post_rules(stem: str) -> str:
    for pattern, replacement, min_length in _POST_RULES:
        if len(stem) >= min_length:
            stem = pattern.sub(replacement, stem, count=1)
    return stem


def snowball_term(token: str) -> str:
    return _post_rules(_stem_word(_pre_rules(token)))


logger = logging.getLogger(__name__)
_PERSONAL_NAMES = frozenset({"etunimi", "sukunimi"})
# Participle kinds that read as their verb (annettu, antanut, antava, annettava, antama).
_VERB_PARTICIPLES = frozenset(
    {"past_active", "past_passive", "present_active", "present_passive", "agent"}
)
# Participle endings as Voikko writes them in WORDBASES (+ut, +tu, +va...): not derivations.
_PARTICIPLE_ENDINGS = ("ut", "yt", "tu", "ty", "a", "ä")
_WORD_BASE = re.compile(r"\+([^+(]*)\(([^)]*)\)")
# A verb derived inside one part: +kirist(kiristää)y(+yä) is kiristyä, +koristel(koristaa)(+la)
# is koristella: the part's letters plus the derivation's infinitive ending.
_DERIVED_VERB = re.compile(r"\+([^+(]*)\([^)]*\)[^+(]*\(\+([^)]*)\)")


# One Voikko handle per process, and libvoikko handles are not safe to use from two threads at
# once (a threaded server would crash or hang), so every call goes through this lock.
_VOIKKO_LOCK = threading.Lock()


@functools.cache
def voikko():
    """The process's Voikko analyzer, opened on first use; None when libvoikko is missing."""
    try:
        from libvoikko import Voikko

        with _VOIKKO_LOCK:
            return Voikko("fi")
    except (ImportError, OSError) as error:  # the library or the voikko-fi data is absent
        logger.warning("Voikko unavailable, Finnish falls back to Snowball: %s", error)
        return None


def _reading_key(token: str):
    # Ties keep Voikko's own order (min is stable).
    def key(reading: dict) -> tuple:
        return (
            reading.get("STRUCTURE", "").count("="),  # fewest compound parts
            reading.get("BASEFORM", "").lower() != token,  # a dictionary form is itself
            reading.get("PARTICIPLE") is not None,  # an infinitive before a participle
            reading.get("WORDBASES", "").count("(+"),  # fewest derivation endings
            reading.get("PARTICIPLE") == "present_passive",  # näyttävä: näyttää, not näkyä
            reading.get("CLASS") in _PERSONAL_NAMES,  # aineissa: aine, not the name Aini
            reading.get("MOOD") == "imperative",  # eroa: ero, not erota!
        )

    return key


def reading_term(reading: dict) -> str:
    """Term for one Voikko reading."""
    base = reading.get("BASEFORM", "")
    parts = _WORD_BASE.findall(reading.get("WORDBASES", ""))
    # +ut, +tu, +y: derivation endings; the parts before them are not words on their own.
    word_bases = [word_base for _, word_base in parts if not word_base.startswith("+")]
    if reading.get("MOOD") == "MINEN-infinitive":
        return base.lower() + "~minen"
    if reading.get("PARTICIPLE") in _VERB_PARTICIPLES:
        derived = _DERIVED_VERB.search(reading.get("WORDBASES", ""))
        if derived and not derived[2].startswith(_PARTICIPLE_ENDINGS):
            base = derived[1] + derived[2]
        elif word_bases:
            base = "".join(word_bases)
    elif len(parts) > 1 and len(word_bases) == len(parts):
        # A compound of plain words: each part in its base form, so kielenopettaja (genitive
        # first part) and kieliopettaja are one term, as in dictionaries and treebanks.
        base = "".join(word_bases)
    return base.lower().replace("=", "")


def unknown_word_term(token: str) -> str:
    """Snowball until it stops changing the word: Hypatian -> hypatia -> hypat, like Hypatia.

    One pass removes one ending, so an inflected name would stop one step short of its
    nominative's stem; running to the fixed point (at most three passes) lines them up.
    """
    for _ in range(3):
        stem = snowball_term(token)
        if stem == token:
            break
        token = stem
    return token


# Cached per process: running text repeats its words, and a web worker sees the same queries.
@functools.lru_cache(maxsize=100_000)
def analyze_token(token: str) -> str:
    """Search term for one folded token; non-Finnish tokens (digits, other scripts) unchanged."""
    if not _FINNISH_WORD.fullmatch(token):
        return token
    return _analyze(token)


def _analyze(token: str) -> str:
    analyzer = voikko()
    readings = []
    if analyzer is not None:
        with _VOIKKO_LOCK:
            readings = analyzer.analyze(token)
    if not readings:
        return unknown_word_term(token)
    return reading_term(min(readings, key=_reading_key(token)))
