"""Persian verbs to one term: the past stem (کرد for کردن, می‌کنم, کرده‌اند, بکنید).

A Persian verb has two stems: the past stem (کرد, infinitive کردن) and the present stem (کن).
Most verbs build the past stem regularly as present stem + ید (رس -> رسید); the common
irregular ones are listed here, from grammar references. Forms are recognised by stripping
the prefixes می / نمی / ب / ن and the personal endings, then checking the dictionary.
"""

from .normalize import fold, without_ending

# Present stem -> past stem for common irregular verbs.
IRREGULAR_PRESENT_STEMS = {
    fold(present): fold(past)
    for present, past in (
        ("کن", "کرد"), ("ده", "داد"), ("گیر", "گرفت"), ("نویس", "نوشت"), ("دان", "دانست"),
        ("شو", "شد"), ("گو", "گفت"), ("بین", "دید"), ("رو", "رفت"), ("آ", "آمد"),
        ("آی", "آمد"), ("خواه", "خواست"), ("توان", "توانست"), ("یاب", "یافت"), ("دار", "داشت"),
        ("باش", "بود"), ("نشین", "نشست"), ("شناس", "شناخت"), ("ساز", "ساخت"),
        ("انداز", "انداخت"), ("پرداز", "پرداخت"), ("فروش", "فروخت"), ("آموز", "آموخت"),
        ("سوز", "سوخت"), ("دوز", "دوخت"), ("گذار", "گذاشت"), ("گذر", "گذشت"), ("کش", "کشید"),
        ("بر", "برد"), ("خور", "خورد"), ("زن", "زد"), ("مان", "ماند"), ("ران", "راند"),
        ("خوان", "خواند"), ("افت", "افتاد"), ("ایست", "ایستاد"), ("فرست", "فرستاد"),
        ("نه", "نهاد"), ("گشا", "گشود"), ("نما", "نمود"), ("فزا", "فزود"), ("افزا", "افزود"),
        ("آزما", "آزمود"), ("ستا", "ستود"), ("شنو", "شنید"), ("بند", "بست"), ("جو", "جست"),
        ("شکن", "شکست"), ("پیوند", "پیوست"), ("رس", "رسید"), ("میر", "مرد"), ("کار", "کاشت"),
        ("گرد", "گشت"), ("ریز", "ریخت"), ("گریز", "گریخت"), ("آویز", "آویخت"), ("پز", "پخت"),
        ("تاز", "تاخت"), ("باز", "باخت"), ("نواز", "نواخت"), ("شو", "شد"), ("زی", "زیست"),
        ("پذیر", "پذیرفت"), ("گمار", "گماشت"), ("پندار", "پنداشت"), ("کوب", "کوبید"),
        ("جه", "جست"), ("خیز", "خاست"), ("کاه", "کاست"), ("آرا", "آراست"), ("پیرا", "پیراست"),
        ("زدا", "زدود"), ("بخش", "بخشید"), ("بخشا", "بخشود"), ("فرما", "فرمود"),
        ("ربا", "ربود"), ("سرا", "سرود"), ("آسا", "آسود"), ("پیما", "پیمود"),
        ("گزین", "گزید"), ("آفرین", "آفرید"), ("چین", "چید"), ("است", "هست"), ("نیست", "هست"),
    )
}

PREFIXES = tuple(fold(p) for p in ("نمی", "می", "ب", "ن"))
# Personal endings, the perfect participle ه with its endings, longest first.
ENDINGS = tuple(
    sorted(
        fold("هایم هاید هاند هام های هاست ه ند ید یم م ی د ن").split(), key=len, reverse=True
    )
) + ("",)
_PAST_STEM_ENDS = ("د", "ت")


def _first_reading(readings, word: str, lex) -> str | None:
    """What the first of `readings` that reads `word` gives, or None."""
    for reading in readings:
        found = reading(word, lex)
        if found is not None:
            return found
    return None


def is_infinitive(word: str) -> bool:
    return len(word) >= 4 and word.endswith(("دن", "تن"))


def canonical(lemma: str, lex) -> str:
    """Infinitives and present stems from the dictionary become the past stem."""
    if is_infinitive(lemma):
        return lemma[:-1]
    return _first_reading((_participle_verb, _causative_past), lemma, lex) or (
        IRREGULAR_PRESENT_STEMS.get(lemma, lemma)
    )


def _participle_verb(lemma: str, lex) -> str | None:
    """Past participles (رفته, نوشته, داده) read as their verb when the dictionary has it."""
    return _regular_past(lemma[:-1], lex) if lemma.endswith("ه") else None


def _regular_past(stem: str, lex) -> str | None:
    """A past stem whose infinitive (stem + ن) the dictionary has."""
    return stem if stem.endswith(_PAST_STEM_ENDS) and stem + "ن" in lex.lemmas else None


def _id_past(stem: str, lex) -> str | None:
    """A present stem whose past adds ید (the dictionary has stem + یدن)."""
    return stem + "ید" if stem + "یدن" in lex.lemmas else None


def _causative_past(stem: str, lex) -> str | None:
    # Causatives add ان to the present stem and د for the past: رسان -> رساند (رساندن).
    verbs = (stem + "دن", stem + "یدن", stem[:-2] + "یدن")
    causative = stem.endswith("ان") and len(stem) >= 4
    return stem + "د" if causative and any(verb in lex.lemmas for verb in verbs) else None


def past_stem(stem: str, lex) -> str | None:
    """The past stem for a verb stem (past or present), if the dictionary knows the verb."""
    return _first_reading((_regular_past, _irregular_past, _causative_past, _id_past), stem, lex)


def _irregular_past(stem: str, lex) -> str | None:
    return IRREGULAR_PRESENT_STEMS.get(stem)


def _stems(body: str, prefixed: bool):
    """`body` without each personal ending it ends in (a bare word, with neither a prefix nor
    an ending, is the noun path's job)."""
    stems = (without_ending(body, ending) for ending in ENDINGS if prefixed or ending)
    yield from (stem for stem in stems if stem is not None)


def _verb_stems(token: str):
    """The stems `token` may have as prefix + stem + personal ending."""
    for prefix in (*PREFIXES, ""):
        if token.startswith(prefix):
            yield from _stems(token[len(prefix) :], bool(prefix))


def verb_stem(token: str, lex) -> str | None:
    """Past stem of a conjugated verb form, or None when `token` does not read as one."""
    for stem in _verb_stems(token):
        past = past_stem(stem, lex)
        if past is not None:
            return past
    return None
