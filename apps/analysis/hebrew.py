"""Light Hebrew analysis: attached prefixes and plural/feminine endings, without a dictionary.

Written Hebrew glues the words ו ה ב כ ל מ ש to the next word (והלקוח = "and the customer"),
so without stripping them a search for לקוח misses most of its occurrences. A letter-based rule
cannot tell a prefix from a first root letter (מספר is "number" and also "from a book"), so:

* A term is the same for a word and for that word with prefixes; this needs the stripping to
  be greedy (הלקוח -> לקוח -> קוח), because the bare word is stripped the same way.
* A short list of common words whose first letter belongs to the word (KNOWN_WORDS) stops the
  stripping there, which keeps frequent words apart (מספר vs ספר, הזמנה vs זמן) and readable.
* Nothing is stripped below three letters, the size of a Hebrew root, and tokens of three
  letters or fewer are left alone, so של, מה, בית stay themselves.

Input is already folded (normalize.fold): no niqqud and no final letters, so ים is "ימ".
"""

import functools

from .hebrew_verbs import verb_of_form
from .lexicon import lexicon
from .normalize import fold, without_ending

PREFIX_LETTERS = frozenset("והבכלמש")
MAX_PREFIX_LETTERS = 3
MIN_STEM = 3

# Words that start with a prefix letter or end like a suffix but where those letters are part of
# the word. Customer-service and site vocabulary first, then frequent everyday words.
KNOWN_WORDS = """
לקוח שירות מכירה משלוח הזמנה החזר הודעה הנחה הצעה הסבר הערה הגדרה החלפה הבטחה הרשמה
התחברות הורדה העברה התקנה התראה הדרכה המלצה החלטה הנהלה הסכם הוראה הכנסה הוצאה הצלחה
הלוואה הפקדה השוואה השקעה הטבה הגשה הפסקה היסטוריה היכרות הבנה
מוצר מחיר מידע מערכת משתמש מנהל מקום מצב מבצע מכשיר משרד מסמך מענה מוקד מדיניות מחלקה
משימה מטרה מילה מכונה מועד מנוי מחשב מספר משפט מכתב מדריך מאמר מקרה מחקר מפתח מסך מזגן
משכורת מלאי מבנה מעבר משמרת מעקב מקצוע מרכז מרחק מכללה מגבלה מחסן מטבח מסלול מצלמה מוסך
משקל מקלדת מדפסת מטבע משפחה מדינה מורה משחק מתנה מבחן מלון מסעדה מחלה מלחמה מוזיקה
שאלה שבוע שולחן שלום שיחה שיטה שימוש שינוי שליח שגיאה שותף שעון שכונה שמירה שדרוג שכירות
שיעור שאלון שורה שקית שחקן שמחה
בעיה בקשה בדיקה ביטול ביטוח ברכה בחירה בנק בקבוק בוקר בטיחות בריאות בסיס ביקורת ביקור בלוג
בניין בחינה
כתובת כרטיס כסף כיסא כניסה כמות כפתור כותרת כלכלה כיתה כדור כביש
לוח לימוד לשון לחם לילה ליווי לחצן
ועדה ויכוח ויתור וידאו
אחריות אפשרות ירושלים מצרים
"""


def _stem_of_known(word: str) -> str:
    # Feminine ־ה goes like the plural ־ות (מכירה, מכירות -> מכיר); other words are their stem.
    return word[:-1] if word.endswith("ה") else word


_KNOWN_FORMS = frozenset(fold(KNOWN_WORDS).split())
# Stem -> the word itself: the term is the dictionary form, as the lexicon's terms are, so a
# known word and its construct form found through the lexicon (הצעה, בהצעת) agree.
_KNOWN_STEMS = {_stem_of_known(word): word for word in _KNOWN_FORMS}


def _is_hebrew_word(token: str) -> bool:
    return all("\u05d0" <= char <= "\u05ea" for char in token)


# Plural, feminine and construct endings, and how many letters each must leave. Construct plural
# ־י needs four letters left: עברי (Hebrew) is not עבר (past).
NOUN_SUFFIXES = (("ימ", MIN_STEM), ("ות", MIN_STEM), ("י", 4), ("ה", MIN_STEM))
# For words the dictionary does not know, also the endings of -י adjectives and -יה nouns, so
# that ספציפי, ספציפית, ספציפיים, ספציפיות and אנומליה, אנומליות each end on one stem; they go
# with the construct ־י and need the same four letters.
RULE_SUFFIXES = (("יימ", 4), ("יות", 4), ("ית", 4), ("יה", 4), *NOUN_SUFFIXES)


def strip_suffix(word: str, suffixes=NOUN_SUFFIXES) -> str:
    """Remove one of `suffixes` (plural/feminine/construct endings), keeping the stem they need."""
    for suffix, min_stem in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: -len(suffix)]
    return word


_FEMININE_ENDINGS = frozenset(("ה", "ות"))


def _crosses_gender(word: str, stem: str, known: str) -> bool:
    """Whether an ending read off `word` leads to a known word of the other gender."""
    feminine = stem + "ה"
    ending = word[len(stem) :]
    lex = lexicon("he")
    if known != feminine:
        # ־ה and ־ות of a feminine headword are not endings of the masculine known word:
        # מחשבה, מחשבות are "thought(s)", not the computer (מחשב); שבועה (oath) is not שבוע.
        return ending in _FEMININE_ENDINGS and feminine in lex.lemmas
    # ־ים and ־י on a feminine word's stem: מילים is מילה, but מכירים is "they know" (הכיר),
    # not sales; the dictionary's own reading of the word, when it has one, decides.
    return ending not in _FEMININE_ENDINGS and lex.forms.get(word, known) != known


def _known_term(word: str) -> str | None:
    """The site's own word (KNOWN_WORDS) that `word` is, or is with a noun ending."""
    if word in _KNOWN_FORMS:
        return word
    stem = strip_suffix(word)
    # Only an ending that was really removed counts: הזמן (the time) must not match הזמנה.
    if stem == word or stem not in _KNOWN_STEMS:
        return None
    known = _KNOWN_STEMS[stem]
    return None if _crosses_gender(word, stem, known) else known


def _prefix_run(word: str) -> int:
    """How many leading letters could be prefixes, leaving at least MIN_STEM letters."""
    count = 0
    while (
        count < MAX_PREFIX_LETTERS
        and len(word) - count > MIN_STEM
        and word[count] in PREFIX_LETTERS
    ):
        count += 1
    return count


# Prefix letter sequences as Hebrew writes them (ו and, ה the, ב in, כ as, ל to, מ from, ש that),
# shortest first: the word with the fewest prefixes that the dictionary knows wins.
PREFIXES = tuple(
    sorted(
        "ו ה ב כ ל מ ש וה וב וכ ול ומ וש שה שב של שמ מה כש לכ מש שכ וכש ושה ושב ושל ומה".split(),
        key=len,
    )
)
# Ending changes tried when a form is not in the dictionary: construct state (ת -> ה),
# feminine and plural adjectives (ית, יות -> י), plurals, possessive pronoun endings.
ENDING_SWAPS = tuple(
    (fold(ending), fold(replacement))
    for ending, replacement in (
        ("ת", "ה"), ("ית", "י"), ("ות", "ה"), ("יות", "י"), ("ים", ""), ("ות", ""),
        ("יים", "י"), ("ו", ""), ("יו", ""), ("ה", ""), ("יהם", ""), ("יהן", ""), ("ם", ""),
        ("ן", ""), ("ך", ""),
        ("תו", "ה"), ("תה", "ה"), ("תם", "ה"), ("נו", ""),
    )
)


def _unprefixed(token: str):
    """`token`, then `token` minus each possible prefix run (with the ה that ב כ ל swallow)."""
    yield token
    for prefix in PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            rest = token[len(prefix) :]
            yield rest
            if prefix[-1] in "בכל":
                yield "ה" + rest  # בבית is ב + הבית


# "Their" and "your" (ספרם, ספרן, ספרך) attach to nouns: what is left must be a headword, not
# an inflected form. Final ם ן ך are also root letters of many words (סובלן, מסוגנן), and a
# participle does not take them: סובלן is not סובל + ן.
_POSSESSIVE_ENDINGS = frozenset(fold("ם ן ך").split())


def _with_endings_swapped(word: str, lex):
    """(candidate, its lemma) for each ending change that gives a word the dictionary knows."""
    for ending, replacement in ENDING_SWAPS:
        stem = without_ending(word, ending, 2)
        lemma = None if stem is None else _swapped_lemma(stem + replacement, ending, lex)
        if lemma is not None:
            yield stem + replacement, lemma


def _swapped_lemma(candidate: str, ending: str, lex) -> str | None:
    """The lemma of a word with its ending changed; after a possessive ending only a
    headword counts (see _POSSESSIVE_ENDINGS)."""
    if ending in _POSSESSIVE_ENDINGS:
        return candidate if candidate in lex.lemmas else None
    return lex.lemma(candidate)


# Feminine and plural endings of -י adjectives (קנדית, תחביריים -> קנדי, תחבירי). The lexicon lists
# some feminine forms as lemmas of their own, so this goes before the lemma check.
_ADJECTIVE_ENDINGS = (fold("ית"), fold("יים"))


def _adjective_base(word: str, lex) -> str | None:
    if lex.forms.get(word) == word:
        return None  # a headword of its own (עברית "Hebrew", ראשית "beginning"), not a feminine
    for ending in _ADJECTIVE_ENDINGS:
        base = word[: -len(ending)] + "י"
        if word.endswith(ending) and len(base) >= 4 and base in lex.lemmas:
            return base
    return None


def _consonants(word: str) -> str:
    return word.replace("י", "").replace("ו", "")


def _nifal(form: str, lemma: str) -> str | None:
    """The nif'al's own lemma: נ before the root (הת of hitpa'el becomes נת)."""
    if not form.startswith("נ") or lemma.startswith("נ") or len(lemma) < 3:
        return None
    own = "נ" + (lemma[1:] if lemma.startswith("ה") else lemma)
    return own if form.startswith(own[:-1]) else None


def _hitpael_noun(form: str, lemma: str) -> str | None:
    """Hitpa'el verbal noun: התגברות, not התגבר (a verb has no ־ות ending)."""
    hitpael = lemma.startswith("ה") and len(form) >= 6
    return form if hitpael and form == lemma + "ות" else None


def _piel_noun(form: str, lemma: str) -> str | None:
    """Pi'el verbal noun (קיטול): איזון, ניסוח, not איזן, ניסח."""
    piel = len(lemma) == 4 and lemma[0] != "ה"
    return form if piel and form == lemma[:-1] + "ו" + lemma[-1] else None


def _verbal_noun(form: str, lemma: str) -> str | None:
    """פסילה, פסילת; הרחבה, הרחבת: the verb's consonants + ה (not כותבת, a participle)."""
    base = _verbal_noun_base(form)
    if base is None or base == lemma:
        return None
    return base + "ה" if _consonants(base) == _consonants(lemma) else None


def _verbal_noun_base(form: str) -> str | None:
    """פסיל of פסילה or פסילת: five letters or more ending in ה or ת, with no ו and no י
    before the ending; None for other forms."""
    base = form[:-1]
    fits = form[-1:] in ("ה", "ת") and len(form) >= 5 and "ו" not in base
    return base if fits and not base.endswith("י") else None


_OWN_PATTERNS = (_nifal, _hitpael_noun, _piel_noun, _verbal_noun)


def same_pattern_lemma(form: str, lemma: str) -> str:
    """The table's `lemma` for `form`, unless it crosses to another verb pattern or derivation.

    simplemma files nif'al verbs under the active verb (נפסל -> פסל, נתקבל -> התקבל) and verbal
    nouns under their verb (פסילה -> פסל, הרחבה -> הרחיב); dictionaries, and readers, keep them
    apart, so here they get a lemma of their own that their inflections share (_OWN_PATTERNS).
    """
    for rule in _OWN_PATTERNS:
        own = rule(form, lemma)
        if own is not None:
            return own
    return lemma


# Hof'al forms: הו + root + a past ending (הופסקה, הופסקו, ...), מו + root + a participle ending
# (מופחת, מופחתים, ...). Longest ending first.
_HOFAL_FORMS = (
    ("הו", tuple(sorted(("", "ה", "ו", "ת", "תי", "נו", "תמ", "תנ"), key=len, reverse=True))),
    ("מו", ("ימ", "ות", "ת", "ה", "")),
)


def _hofal_roots(word: str):
    """(prefix, root) for each reading of `word` as הו/מו + a root + an ending of _HOFAL_FORMS,
    longest ending first."""
    for prefix, endings in _HOFAL_FORMS:
        if word.startswith(prefix):
            yield from ((prefix, root) for root in _roots(word, endings))


def _roots(word: str, endings) -> list[str]:
    """The two or three letters between a two-letter prefix and each ending `word` has."""
    stems = (word[2 : len(word) - len(ending)] for ending in endings if word.endswith(ending))
    return [root for root in stems if len(root) in (2, 3)]


def hofal_lemma(word: str, lex) -> str | None:
    """The hof'al (passive of the hif'il) lemma of `word`, or None: הופסקו -> הופסק.

    simplemma files hof'al verbs under their hif'il (הוצג -> הציג) or does not know them, and
    the letter rules then read הו as prefixes (הופסק -> פסק). A word is taken as hof'al when it is
    הו or מו + a root + an ending and the dictionary has that root's hif'il (הפסיק; הציג for a
    two-letter root), so nouns such as הודעה or הוראה, whose hif'il is not there, stay nouns.
    The past's lemma is its third person (הופסק); the participle's is its masculine singular
    (מופחתת -> מופחת), an adjective in dictionaries, as the participles the table lists are.
    A word the dictionary files under something else keeps that reading: הולך is "walking"
    (הלך) although הליך is a word, מועדים are dates (מועד) although העיד is a verb.
    """
    known = lex.forms.get(word)
    for prefix, root in _hofal_roots(word) if len(word) >= 4 else ():
        hifil = "ה" + root[:-1] + "י" + root[-1]
        if hifil in lex.lemmas and known in (None, hifil, root):
            return prefix + root
    return None


# A headword listed with no more forms than this is a set phrase when it is a prefix (ב, ל)
# and a headword listed with at least PHRASE_BASE_FORMS forms: בזמן, לעולם.
PHRASE_FORMS = 2
PHRASE_BASE_FORMS = 10


def _without_prefixed_phrase(stems: list[str]) -> list[str]:
    """`stems` without the word itself when the table lists it only as a set phrase of a
    prefix and a common headword: בזמן, לעולם are "in time", "forever"
    (זמן, עולם), not words of their own; ברכה, listed with many forms, keeps its own.
    ה is left out: the table lists few forms of real words in ה too (הרכב, האשמה)."""
    lex = lexicon("he")
    word = stems[0]
    if len(stems) < 2 or word[0] not in "בל" or word not in lex.lemmas:
        return stems
    phrase = lex.sizes[word] <= PHRASE_FORMS and lex.sizes[stems[1]] >= PHRASE_BASE_FORMS
    return stems[1:] if phrase else stems


def _site_word(stem: str, lex) -> str | None:
    return _known_term(stem) if len(stem) > MIN_STEM else None


def _headword(stem: str, lex) -> str | None:
    """A dictionary form, or a -י adjective's feminine or plural."""
    adjective = _adjective_base(stem, lex)
    if adjective is not None:
        return adjective
    return stem if stem in lex.lemmas else None


def _listed_inflection(stem: str, lex) -> str | None:
    """A hof'al form, or an inflection the lexicon lists."""
    hofal = hofal_lemma(stem, lex)
    if hofal is not None or stem not in lex.forms:
        return hofal
    return same_pattern_lemma(stem, lex.forms[stem])


def _changed_ending(stem: str, lex) -> str | None:
    """The first ending change (construct state, plural, possessive) the lexicon knows."""
    swapped = next(_with_endings_swapped(stem, lex), None)
    return None if swapped is None else same_pattern_lemma(*swapped)


# The readings dictionary_lemma tries, in order, each on every stem fewest prefixes off first.
_DICTIONARY_READINGS = (_site_word, _headword, _listed_inflection, _changed_ending)


def _first_reading(stems: list[str], lex, readings) -> str | None:
    """The first lemma that one of `readings`, in order, gives one of `stems`, in order."""
    for reading in readings:
        for stem in stems:
            lemma = reading(stem, lex)
            if lemma is not None:
                return lemma
    return None


def dictionary_lemma(token: str) -> str | None:
    """Lemma from the site's KNOWN_WORDS or simplemma's Hebrew lexicon.

    Tried in order, fewest prefixes off first: the site's own words, dictionary forms, the
    inflections the lexicon lists, then ending changes (construct state, plural, possessive).
    Words before inflections: the lexicon also reads common words as inflections of rarer ones
    (השירות as "the caravans", הזמן as "invite!"), and the common reading should win.
    """
    lex = lexicon("he")
    if token.endswith("י") and token in lex.lemmas:
        # A headword in -י is an adjective of its own (משפטי, מרכזי), not a construct plural.
        return token
    stems = _without_prefixed_phrase(list(_unprefixed(token)))
    # Site words first, then infinitives and participles (hebrew_verbs), then the dictionary.
    return (
        _first_reading(stems, lex, _DICTIONARY_READINGS[:1])
        or verb_of_form(token, lex)
        or _first_reading(stems, lex, _DICTIONARY_READINGS[1:])
    )


# Cached per process: running text repeats its words, and a web worker sees the same queries.
@functools.lru_cache(maxsize=100_000)
def analyze_token(token: str) -> str:
    """Search term for one folded token: its dictionary lemma, else the rule-based stem."""
    if not _is_hebrew_word(token) or len(token) < 2:
        return token
    return _analyze(token)


def _analyze(token: str) -> str:
    lemma = dictionary_lemma(token)
    if lemma is not None:
        return lemma
    return rule_stem(token)


def rule_stem(token: str) -> str:
    """Stem by letter rules alone, for words the dictionary does not know."""
    if len(token) <= MIN_STEM:
        return token
    run = _prefix_run(token)
    # Fewest prefixes first: לקוחות is the known word itself before it is ל + קוחות.
    for count in range(run + 1):
        known = _known_term(token[count:])
        if known is not None:
            return known
    stem = strip_suffix(token, RULE_SUFFIXES)
    return stem[_prefix_run(stem) :]
