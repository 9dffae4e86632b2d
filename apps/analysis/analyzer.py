"""Text -> search terms, the same function at index time and at query time."""

from . import finnish, hebrew, persian
from .normalize import tokens

_TOKEN_ANALYZERS = {
    "he": hebrew.analyze_token,
    "fa": persian.analyze_token,
    "fi": finnish.analyze_token,
}
# "iw" is the pre-1989 code for Hebrew that some browsers and libraries still send.
_LANGUAGE_ALIASES = {"iw": "he"}


def _join_persian_verb_prefixes(words: list[str]) -> list[str]:
    # می روم is می‌روم typed with a space instead of a ZWNJ; glue it back to the verb.
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if (
            word in persian.VERB_PREFIXES
            and index + 1 < len(words)
            and persian.strip_verb_prefix(word + words[index + 1]) != word + words[index + 1]
        ):
            joined.append(word + words[index + 1])
            index += 2
        else:
            joined.append(word)
            index += 1
    return joined


def analyze(text: str, lang: str) -> list[str]:
    """Search terms of `text` in order; `lang` is "he", "fa" or "fi" (others: folded tokens)."""
    code = lang.lower().replace("_", "-").split("-")[0]
    code = _LANGUAGE_ALIASES.get(code, code)
    words = tokens(text)
    analyze_token = _TOKEN_ANALYZERS.get(code)
    if analyze_token is None:
        return words
    if code == "fa":
        return _analyze_persian(text, words)
    return [analyze_token(word) for word in words]


def _analyze_persian(text: str, words: list[str]) -> list[str]:
    after_heh = persian.silent_heh_words(text)
    words = _join_persian_verb_prefixes(words)
    return [
        persian.analyze_after_silent_heh(word) if word in after_heh else persian.analyze_token(word)
        for word in words
    ]


def warm_up() -> None:
    """Load every language's dictionaries now (they load on first use otherwise): a server that
    forks workers calls this first, so the workers share one copy."""
    for lang in _TOKEN_ANALYZERS:
        analyze("warm", lang)


def clear_caches() -> None:
    """Forget every analyzed token (benchmarks measure cold speed with this)."""
    for module in (hebrew, persian, finnish):
        module.analyze_token.cache_clear()
    persian.analyze_after_silent_heh.cache_clear()
