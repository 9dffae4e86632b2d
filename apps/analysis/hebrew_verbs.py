"""Hebrew infinitives and participles to their verb: ללמוד, מבקש, מכילים -> למד, ביקש, הכיל.

Dictionaries (and the treebanks) list a verb under its past third person masculine singular.
simplemma knows many infinitives as headwords of their own (ללמוד), and the prefix rules read
the ל of an infinitive or the מ of a participle as a prefix (לקבוע -> קבוע "fixed", מביט ->
ביט "bit"). Each pattern below rebuilds the past form from the letters of the root, and a form
only counts when the dictionary has that past form as a headword, so nouns whose letters happen
to fit a pattern (מנוע, משרד) keep their own reading unless the verb is a known one.

Input is folded (no niqqud, no final letters). Patterns are (form, past, guard): the form's
groups are the root's letters (or the stem after the prefix), spelled into the past form.
"""

import re

# Infinitives: ל + the pattern's own form. The guard says when a match counts: "free" always;
# "not-noun" when ל + the rest is not ל + a headword (לבית is "to the house", not the rarer "to
# domesticate"), unless the dictionary lists the word as that verb; "no-noun" only when the rest
# is not a headword; "listed" only when the dictionary lists the word as the verb.
INFINITIVES = (
    (re.compile("להת(...+)"), "הת{0}", "free"),  # hitpa'el: להתווכח -> התווכח
    (re.compile("להי(...)"), "נ{0}", "free"),  # nif'al: להיעבר -> נעבר
    (re.compile("לה(..י.)"), "ה{0}", "free"),  # hif'il: להגיש -> הגיש
    (re.compile("ל(.)(.)ו(.)"), "{0}{1}{2}", "not-noun"),  # qal: לכתוב -> כתב (לדיון: דיון)
    (re.compile("ל(.)(.)(.)"), "{0}י{1}{2}", "no-noun"),  # pi'el: לבטל -> ביטל (לבית: בית)
)
# Participles: the pattern's form, then one of the participle's endings.
PARTICIPLES = (
    (re.compile("מת(...+)"), "הת{0}", "not-noun"),  # hitpa'el: מתווכחים -> התווכח
    (re.compile("מ(..י.)"), "ה{0}", "not-noun"),  # hif'il: מכילים -> הכיל (מימין: ימין)
    (re.compile("מ(.)(.)(.)"), "{0}י{1}{2}", "not-noun"),  # pi'el: מבקשת -> ביקש
    (re.compile("(.)ו(.)(.)"), "{0}{1}{2}", "listed"),  # qal: יוצאים -> יצא (not דוגמה -> דגם)
)
PARTICIPLE_ENDINGS = ("ימ", "ות", "ת", "ה", "")
# Prefixes a verb form takes: and, that, when, and the ה of a participle used as an adjective.
VERB_PREFIXES = ("", "ו", "ש", "ה", "וה", "וש", "שה", "כש", "וכש")


def _counts(word: str, rest: str, verb: str, guard: str, lex) -> bool:
    """Whether the guard lets `verb` stand for `word` (`rest`: the word after ל or מ)."""
    listed = lex.forms.get(word) == verb
    noun = rest in lex.lemmas
    return {"free": True, "not-noun": listed or not noun, "no-noun": not noun, "listed": listed}[
        guard
    ]


def _pattern_verb(word: str, patterns, lex) -> str | None:
    """The first pattern's verb that the dictionary has and whose guard lets it count."""
    for pattern, past, guard in patterns:
        match = pattern.fullmatch(word)
        verb = past.format(*match.groups()) if match else None
        if verb in lex.lemmas and _counts(word, word[match.start(1) :], verb, guard, lex):
            return verb
    return None


def infinitive_verb(word: str, lex) -> str | None:
    """The verb whose infinitive `word` is, when the dictionary has it: לקבוע -> קבע."""
    return _pattern_verb(word, INFINITIVES, lex)


def _participle_bases(word: str) -> list[str]:
    """`word` without each participle ending it has, four letters at least left."""
    return [
        word[: len(word) - len(ending)]
        for ending in PARTICIPLE_ENDINGS
        if word.endswith(ending) and len(word) - len(ending) >= 4
    ]


def participle_verb(word: str, lex) -> str | None:
    """The verb whose participle `word` is, when the dictionary has it: מבקשת -> ביקש.

    A word that is itself a headword, or whose base is, is left to the dictionary (מנהל
    "manager", שופט "judge").
    """
    if word in lex.lemmas:
        return None
    for base in _participle_bases(word):  # longest ending first: מתחמקות is מתחמק + ות
        if base in lex.lemmas:
            return None
        verb = _pattern_verb(base, PARTICIPLES, lex)
        if verb is not None:
            return verb
    return None


def _verb_stems(token: str, lex) -> list[str]:
    """`token`, then `token` without each conjunction prefix it has; a headword is not taken
    apart (המשיך "continued" is not ה + משיך)."""
    if token in lex.lemmas:
        return [token]
    return [token[len(prefix) :] for prefix in VERB_PREFIXES if token.startswith(prefix)]


def verb_of_form(token: str, lex) -> str | None:
    """The verb of `token` or `token` without its conjunction prefixes, when it is an
    infinitive or a participle of a verb the dictionary knows."""
    for stem in _verb_stems(token, lex):
        verb = infinitive_verb(stem, lex) or participle_verb(stem, lex)
        if verb is not None:
            return verb
    return None
