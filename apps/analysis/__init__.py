"""Text analysis shared by comment moderation (word lists) and site search.

`analyze` turns text into per-language search terms (Hebrew, Persian, Finnish); `find_terms`
finds moderator word-list entries in a comment; `normalize` holds the character-level clean-up.
"""

from .analyzer import analyze, compound_parts, spelling_variants
from .matching import find_terms
from .normalize import BIDI_CONTROLS, fold, strip_unsafe, tokens

__all__ = [
    "BIDI_CONTROLS", "analyze", "compound_parts", "find_terms", "fold", "spelling_variants",
    "strip_unsafe", "tokens",
]
