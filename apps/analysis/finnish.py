"""Finnish analysis: Voikko base forms, with Snowball plus a few rules for unknown words.

Voikko's Finnish morphology (voikko-fi) gives every reading of a word; which one is taken decides
the term (see `_reading_key`). It runs through Debian's libvoikko when that is installed (`apt-get
install libvoikko1 voikko-fi`: faster, less memory) and otherwise through the same transducer
shipped on PyPI (pyvoikko, run by kfst; voikko_fst.py reads its output like libvoikko), so `pip
install` alone gives the full analysis; both give the same terms. MISHOV_FINNISH_MORPHOLOGY picks
one: `libvoikko`, `pyvoikko` or `snowball` (tests and benchmarks compare them; default: the best
available). Participles and the -minen/-MA infinitives read as their verb (tehnyt -> tehdä);
-minen nouns keep a term of their own (tekeminen -> tehdä~minen), as dictionaries list them
apart. Words Voikko does not know (names, new words) fall back to:

Snowball's Finnish stemmer plus a few rules for what it leaves apart.

Snowball removes case endings well but keeps the nominative of s-nouns different from their
inflected stem (asiakas vs asiak-, valitus vs valituks-/valitu-). The rules below rewrite those
stem endings; they run on every Snowball output, so all forms of a word go through them alike.
One rule runs before Snowball: the nominative of -nen words is read as their genitive.
"""

import functools
import itertools
import logging
import os
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


# One analyzer per process. libvoikko handles are not safe to use from two threads at once (a
# threaded server would crash or hang), so every call goes through this lock.
_VOIKKO_LOCK = threading.Lock()
MORPHOLOGY_SETTING = "MISHOV_FINNISH_MORPHOLOGY"
_DEGRADED = (
    "Finnish search runs on Snowball stems only (compounds and inflected forms match less "
    "often): run `make install` to get pyvoikko, or `apt-get install libvoikko1 voikko-fi`."
)


def _libvoikko():
    """Debian's libvoikko with voikko-fi, or None when either is missing."""
    try:
        from libvoikko import Voikko, VoikkoException, VoikkoLibrary

        # Voikko() without the C library fails inside __del__ too, printing a traceback.
        VoikkoLibrary.open()
        return Voikko("fi")
    except (ImportError, OSError, VoikkoException):
        return None


def _pyvoikko():
    """The same morphology from PyPI (pyvoikko + kfst), or None when it is not installed."""
    try:
        from .voikko_fst import Analyzer

        return Analyzer()
    except ImportError:
        return None


@functools.cache
def voikko():
    """The process's Voikko analyzer, opened on first use; None means Snowball only.

    MISHOV_FINNISH_MORPHOLOGY=libvoikko|pyvoikko|snowball picks one; by default libvoikko when
    installed, else pyvoikko.
    """
    choice = os.environ.get(MORPHOLOGY_SETTING, "")
    loaders = {"libvoikko": [_libvoikko], "pyvoikko": [_pyvoikko], "snowball": []}
    with _VOIKKO_LOCK:
        for loader in loaders.get(choice, [_libvoikko, _pyvoikko]):
            analyzer = loader()
            if analyzer is not None:
                return analyzer
    if choice != "snowball":
        logger.warning(_DEGRADED)
    return None


# A noun made with -u/-y at the end of the word (palvelu from palvella) is a dictionary word of its
# own: palvelusta is palvelu's elative far more often than palvelus's partitive.
_NOUN_ENDING = re.compile(r"\(\+[uy]\)$")


def _derivations(word_bases: str) -> int:
    return word_bases.count("(+") - bool(_NOUN_ENDING.search(word_bases))


def engine_name() -> str:
    """Which morphology this process's Finnish analysis runs on (for benchmarks and start-up)."""
    analyzer = voikko()
    if analyzer is None:
        return "snowball"
    return "pyvoikko" if analyzer.__class__.__module__.endswith("voikko_fst") else "libvoikko"


# Transducer tags (the same in both engines' FSTOUTPUT) of the rarer side where a noun and a verb
# read alike: a verb's present indicative ([Tt][Ap]: matkaan, rajaa, lupaa are matka, raja, lupa
# far more often than matkata, rajata, luvata) and its E-infinitive ([Tn2]: puiden is puu); the
# instructive case ([Sin]: sanoin is sanoa, not sana; elämän is elämä, not elää) and a possessive
# ending ([O..]: halusi is haluta, not halu + si).
_RARE_READING = re.compile(r"\[Tt\]\[Ap\]|\[Tn2\]|\[Sin\]|\[O")


def _unlikely_reading(reading: dict) -> bool:
    """Whether the reading is the rarer one of a noun-verb pair (see _RARE_READING)."""
    return _RARE_READING.search(reading.get("FSTOUTPUT", "")) is not None


def _reading_key(token: str):
    # Ties keep the order _analyze sorted the readings in (min is stable).
    def key(reading: dict) -> tuple:
        return (
            reading.get("STRUCTURE", "").count("="),  # fewest compound parts
            reading.get("BASEFORM", "").lower() != token,  # a dictionary form is itself
            reading.get("PARTICIPLE") is not None,  # an infinitive before a participle
            reading.get("MOOD") == "imperative",  # kaupallista: kaupallinen, not kaupallistaa!
            _derivations(reading.get("WORDBASES", "")),  # fewest derivation endings
            reading.get("PARTICIPLE") == "present_passive",  # näyttävä: näyttää, not näkyä
            reading.get("CLASS") in _PERSONAL_NAMES,  # aineissa: aine, not the name Aini
            _unlikely_reading(reading),  # matkaan: matka, not matkata; sanoin: sanoa
        )

    return key


def _participle_base(reading: dict, base: str, word_bases: list[str]) -> str:
    """A verb participle reads as the verb it is derived from, else as its parts' base forms."""
    derived = _DERIVED_VERB.search(reading.get("WORDBASES", ""))
    if derived and not derived[2].startswith(_PARTICIPLE_ENDINGS):
        return derived[1] + derived[2]
    return "".join(word_bases) if word_bases else base


def _compound_base(base: str, parts: list, word_bases: list[str]) -> str:
    """A compound of plain words: each part in its base form, so kielenopettaja (genitive first
    part) and kieliopettaja are one term, as in dictionaries and treebanks."""
    plain_compound = len(parts) > 1 and len(word_bases) == len(parts)
    return "".join(word_bases) if plain_compound else base


def reading_term(reading: dict) -> str:
    """Term for one Voikko reading."""
    base = reading.get("BASEFORM", "")
    if reading.get("MOOD") == "MINEN-infinitive":
        return base.lower() + "~minen"
    parts = _WORD_BASE.findall(reading.get("WORDBASES", ""))
    # +ut, +tu, +y: derivation endings; the parts before them are not words on their own.
    word_bases = [word_base for _, word_base in parts if not word_base.startswith("+")]
    if reading.get("PARTICIPLE") in _VERB_PARTICIPLES:
        base = _participle_base(reading, base, word_bases)
    else:
        base = _compound_base(base, parts, word_bases)
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


def _readings(token: str) -> list:
    """Voikko's readings of `token`, in one order whichever engine runs; [] without Voikko."""
    analyzer = voikko()
    if analyzer is None:
        return []
    with _VOIKKO_LOCK:
        readings = analyzer.analyze(token)
    # Ties go to the reading whose transducer output sorts last: libvoikko and kfst list readings
    # in different orders, and the term must not depend on which one runs.
    readings.sort(key=lambda reading: reading.get("FSTOUTPUT", ""), reverse=True)
    return readings


def _best_reading(token: str):
    readings = _readings(token)
    return min(readings, key=_reading_key(token)) if readings else None


def _analyze(token: str) -> str:
    reading = _best_reading(token)
    return unknown_word_term(token) if reading is None else reading_term(reading)


# Letters a keyboard without ä and ö leaves as a and o; the first MAX_MARKABLE of them are tried.
_MARKABLE = {"a": "ä", "o": "ö"}
_PLAIN_FINNISH_WORD = re.compile("[a-zå]+")
MAX_MARKABLE = 10


def _marked_spellings(token: str):
    """`token` with one run of its a/o letters written ä/ö (not the token itself).

    Vowel harmony keeps a word's vowels all back (a, o) or all front (ä, ö) inside each part of
    a compound, so the letters to mark are one run: all of them (väärässä), the end of a
    compound (asiakas|tyytyväisyys), its start (pääkaupunki|seudulla) or its middle. That is
    n(n+1)/2 spellings for n letters rather than every one of the 2^n combinations."""
    positions = [index for index, letter in enumerate(token) if letter in _MARKABLE]
    positions = positions[:MAX_MARKABLE]
    for start, end in itertools.combinations(range(len(positions) + 1), 2):
        letters = list(token)
        for index in positions[start:end]:
            letters[index] = _MARKABLE[letters[index]]
        yield "".join(letters)


@functools.lru_cache(maxsize=10_000)
def spellings_with_marks(token: str) -> tuple:
    """Words Voikko knows that are `token` typed without its ä and ö: vaarassa -> väärässä.

    Only for tokens without ä or ö (a reader who types them means them); () without Voikko.
    """
    if not _PLAIN_FINNISH_WORD.fullmatch(token) or voikko() is None:
        return ()
    return tuple(word for word in _marked_spellings(token) if word != token and _readings(word))


@functools.lru_cache(maxsize=10_000)
def compound_parts(token: str) -> tuple:
    """The terms of a compound's parts (asiakaspalvelu -> asiakas, palvelu); () for a word that
    is not a compound of plain words, as Voikko reads it."""
    reading = _best_reading(token) if _FINNISH_WORD.fullmatch(token) else None
    if reading is None:
        return ()
    members = _compound_members(reading.get("WORDBASES", ""))
    if len(members) < 2 or reading.get("STRUCTURE", "").count("=") < 2:
        return ()
    return tuple(analyze_token(base.lower()) for base in members)


def _compound_members(word_bases: str) -> list:
    """The base form of each word in Voikko's WORDBASES; a derivation ending joins its word
    (+palvel(palvella)+u(+u) is palvelu, not palvella)."""
    members = []  # [letters, base form]
    for letters, word_base in _WORD_BASE.findall(word_bases):
        if not word_base.startswith("+"):
            members.append([letters, word_base])
        elif members:
            members[-1] = [members[-1][0] + letters] * 2
    return [base for _letters, base in members]
