"""Hebrew infinitives and participles to their verb: ללמוד, מבקש, מכילים -> למד, ביקש, הכיל.

Dictionaries (and the treebanks) list a verb under its past third person masculine singular.
simplemma knows many infinitives as headwords of their own (ללמוד), and the prefix rules read
the ל of an infinitive or the מ of a participle as a prefix (לקבוע -> קבוע "fixed", מביט ->
ביט "bit"). Each pattern below rebuilds the past form from the letters of the root, and a form
only counts when the dictionary has that past form as a headword, so nouns whose letters happen
to fit a pattern (מנוע, משרד) keep their own reading unless the verb is a known one.

Input is folded (no niqqud, no final letters). Patterns are (prefix, shape, past): the shape's
C is any letter of the root; the past is spelled from those letters.
"""

# Infinitives: ל + the pattern's own form. The last field says when a match counts:
# "free" always; "not-noun" when ל + the rest is not ל + a headword (לבית is "to the house", not
# the rarer "to domesticate"), unless the dictionary lists the word as that verb; "no-noun" only
# when the rest is not a headword; "listed" only when the dictionary lists the word as the verb.
INFINITIVES = (
    ("להת", "CC+", "הת{}", "free"),  # hitpa'el: להתווכח -> התווכח
    ("להי", "CCC", "נ{}", "free"),  # nif'al: להיעבר -> נעבר
    ("לה", "CCיC", "ה{}", "free"),  # hif'il: להגיש -> הגיש
    ("ל", "CCוC", "{0}{1}{3}", "not-noun"),  # qal: לכתוב -> כתב (לדיון is not דין)
    ("ל", "CCC", "{0}י{1}{2}", "no-noun"),  # pi'el: לבטל -> ביטל (לבית stays בית)
)
# Participles: the pattern's form, then one of the participle's endings.
PARTICIPLES = (
    ("מת", "CC+", "הת{}", "not-noun"),  # hitpa'el: מתווכחים -> התווכח
    ("מ", "CCיC", "ה{}", "not-noun"),  # hif'il: מכילים -> הכיל (מימין is "from the right")
    ("מ", "CCC", "{0}י{1}{2}", "not-noun"),  # pi'el: מבקשת -> ביקש
    ("", "CוCC", "{0}{2}{3}", "listed"),  # qal: יוצאים -> יצא (not דוגמה -> דגם)
)
PARTICIPLE_ENDINGS = ("ימ", "ות", "ת", "ה", "")


def _fits(letters: str, shape: str) -> bool:
    """Whether `letters` have the shape: C any letter, + two or more, others themselves."""
    if shape.endswith("+"):
        return len(letters) >= len(shape) and _fits(letters[: len(shape) - 1], shape[:-1])
    return len(letters) == len(shape) and all(
        want == "C" or got == want for got, want in zip(letters, shape, strict=True)
    )


def _past(letters: str, shape: str, past: str) -> str:
    if shape.endswith("+"):
        return past.format(letters)
    if "{}" in past:
        return past.format(letters)
    return past.format(*letters)


def _rebuilt(word: str, prefix: str, shape: str, past: str) -> str | None:
    if not word.startswith(prefix):
        return None
    letters = word[len(prefix) :]
    return _past(letters, shape, past) if _fits(letters, shape) else None


def _counts(word: str, prefix: str, verb: str, guard: str, lex) -> bool:
    listed = lex.forms.get(word) == verb
    noun = word[len(prefix) :] in lex.lemmas
    return {
        "free": True,
        "not-noun": listed or not noun,
        "no-noun": not noun,
        "listed": listed,
    }[guard]


def _pattern_verb(word: str, patterns, lex) -> str | None:
    """The first pattern's verb that the dictionary has and whose guard (above) lets it count."""
    for prefix, shape, past, guard in patterns:
        verb = _rebuilt(word, prefix, shape, past)
        if verb is not None and verb in lex.lemmas and _counts(word, prefix, verb, guard, lex):
            return verb
    return None


def infinitive_verb(word: str, lex) -> str | None:
    """The verb whose infinitive `word` is, when the dictionary has it: לקבוע -> קבע."""
    return _pattern_verb(word, INFINITIVES, lex)


def participle_verb(word: str, lex) -> str | None:
    """The verb whose participle `word` is, when the dictionary has it: מבקשת -> ביקש.

    A word that is itself a headword is left to the dictionary (מנהל "manager", שופט "judge").
    """
    if word in lex.lemmas:
        return None
    for ending in PARTICIPLE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 4:
            continue
        base = word[: len(word) - len(ending)] if ending else word
        if base in lex.lemmas:
            return None
        verb = _pattern_verb(base, PARTICIPLES, lex)
        if verb is not None:
            return verb
    return None


# Prefixes a verb form takes: and, that, when, and the ה of a participle used as an adjective.
VERB_PREFIXES = ("", "ו", "ש", "ה", "וה", "וש", "שה", "כש", "וכש")


def verb_of_form(token: str, lex) -> str | None:
    """The verb of `token` or `token` without its conjunction prefixes, when it is an
    infinitive or a participle of a verb the dictionary knows. A headword is not taken apart
    (המשיך "continued" is not ה + משיך)."""
    for prefix in VERB_PREFIXES:
        if not token.startswith(prefix) or (prefix and token in lex.lemmas):
            continue
        stem = token[len(prefix) :]
        verb = infinitive_verb(stem, lex) or participle_verb(stem, lex)
        if verb is not None:
            return verb
    return None
