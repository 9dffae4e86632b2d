"""Word-form dictionaries from simplemma, folded the way the analyzers see tokens.

simplemma (MIT) ships form -> lemma tables built from open lexicons (Wiktionary-derived and
similar, not from the Universal Dependencies evaluation treebanks). Its keys are spelled as
written; tokens reach the analyzers folded (no final letters, no ZWNJ, Persian letters unified),
so the table is folded once, when a language is first analyzed, and kept for the process.
"""

import collections
import functools

from .normalize import fold


class Lexicon:
    """Folded form -> folded lemma, plus the set of lemmas (words already in dictionary form)."""

    def __init__(self, forms: dict[str, str]):
        self.forms = forms
        self.lemmas = frozenset(forms.values())

    @functools.cached_property
    def sizes(self) -> collections.Counter:
        """Headword -> how many forms the table lists under it (a rough measure of how common
        and how much of a word it is: לימוד has 40, the phrase בזמן only itself)."""
        return collections.Counter(self.forms.values())

    def lemma(self, word: str) -> str | None:
        """`word` itself when it is a dictionary form, else its lemma, else None."""
        if word in self.lemmas:
            return word
        return self.forms.get(word)


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """Loaded once per process and language, on first use (about 10-25 MB each)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    raw = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
    forms: dict[str, str] = {}
    for form, lemma in raw.items():
        # First entry wins when folding makes two written forms the same.
        forms.setdefault(fold(form), fold(lemma))
    return Lexicon(forms)
