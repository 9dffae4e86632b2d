"""Which moderator word-list entries occur in a comment.

Matching works on folded tokens (normalize.tokens), never on raw substrings, so "ass" does not
match "class". Because people write the same word with or without spaces (می روم, میروم,
می‌روم), an entry matches any run of consecutive comment tokens whose letters, joined, equal
the entry's letters joined. The comment is indexed once, so each entry costs a few set lookups.
"""

from .hebrew import PREFIX_LETTERS
from .normalize import tokens

MAX_HEBREW_PREFIXES = 3
# A Hebrew entry matches with prefixes attached (חרא in והחרא) only when it has at least this
# many letters; shorter entries would match the ends of unrelated words.
MIN_PREFIXED_ENTRY = 3
# Runs of tokens split inside a word must be made of pieces of at least two letters, or
# "as s(omething)" would spell "ass".
MIN_SPLIT_PIECE = 2


def _is_hebrew(word: str) -> bool:
    return "\u05d0" <= word[0] <= "\u05ea"


def _runs(words: list[str], longest: int):
    """Every run of one to `longest` consecutive words."""
    for start in range(len(words)):
        for end in range(start + 1, min(start + longest, len(words)) + 1):
            yield words[start:end]


def _may_join(run: list[str]) -> bool:
    """A run is read as one word written apart only when its pieces are long enough."""
    return len(run) == 1 or min(map(len, run)) >= MIN_SPLIT_PIECE


class _CommentIndex:
    def __init__(self, words: list[str], longest_run: int):
        self.phrases: set[tuple[str, ...]] = set()  # exact token runs
        self.joined: set[str] = set()  # token runs with the spaces removed
        self.unprefixed: set[str] = set()  # the same, minus Hebrew prefix letters
        for run in _runs(words, longest_run):
            self.phrases.add(tuple(run))
            if _may_join(run):
                text = "".join(run)
                self.joined.add(text)
                self._add_unprefixed(text, first_word=run[0])

    def _add_unprefixed(self, text: str, first_word: str) -> None:
        # The prefixes belong to the first word only: strip at most len(first_word) - 1 letters.
        for count in range(1, min(MAX_HEBREW_PREFIXES, len(first_word) - 1) + 1):
            if text[count - 1] not in PREFIX_LETTERS:
                break
            self.unprefixed.add(text[count:])

    def contains(self, entry_words: list[str]) -> bool:
        if tuple(entry_words) in self.phrases:
            return True
        joined = "".join(entry_words)
        if joined in self.joined:
            return True
        return (
            _is_hebrew(joined) and len(joined) >= MIN_PREFIXED_ENTRY and joined in self.unprefixed
        )


def _entries(terms: list[str]) -> list[tuple[str, list[str]]]:
    """(entry as typed, its tokens) for each distinct entry that has any."""
    return [(term, words) for term in dict.fromkeys(terms) if (words := tokens(term))]


def find_terms(text: str, terms: list[str]) -> list[str]:
    """Entries of `terms` (words or phrases, as typed) that occur in `text`, in `terms` order."""
    entries = _entries(terms)
    if not entries:
        return []
    # A run may be a little longer than the longest entry when words were split by a space.
    longest_run = max(len(words) for _, words in entries) + 2
    index = _CommentIndex(tokens(text), longest_run)
    return [term for term, words in entries if index.contains(words)]
