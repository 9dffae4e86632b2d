"""The moderation rules: small pure functions that say what should happen to a new comment.

`verdict()` returns a status and the reasons behind it; the view only stores them.
"""

from dataclasses import dataclass, field

from apps.analysis import find_terms

from .models import Comment, CommentSettings, HeldReason
from .segments import has_personal_data, link_count


@dataclass
class Verdict:
    status: str
    reasons: list = field(default_factory=list)
    personal_data: bool = False


def _held_reasons(text, body, rules, personal, over_rate):
    """Why a comment waits for a moderator, in the order the queue shows them."""
    held = {
        HeldReason.LINKS: link_count(body) >= rules.hold_link_count,
        HeldReason.HOLD_WORDS: bool(find_terms(text, CommentSettings.word_list(rules.hold_words))),
        HeldReason.PERSONAL_DATA: personal,
        HeldReason.RATE: over_rate,
    }
    return [reason for reason, holds in held.items() if holds]


def verdict(name, body, rules: CommentSettings, *, known_commenter=False, over_rate=False):
    """What to do with a comment: approve, hold (pending) or spam, and why."""
    text = f"{name}\n{body}"
    # The name is shown publicly too: a phone number or an address there counts the same.
    personal = has_personal_data(name) or has_personal_data(body)
    if find_terms(text, CommentSettings.word_list(rules.reject_words)):
        return Verdict(Comment.Status.SPAM, [HeldReason.REJECT_WORDS], personal)
    reasons = _held_reasons(text, body, rules, personal, over_rate)
    if reasons:
        return Verdict(Comment.Status.PENDING, reasons, personal)
    if known_commenter and rules.approve_known_commenters:
        return Verdict(Comment.Status.APPROVED, [], personal)
    return Verdict(Comment.Status.PENDING, [HeldReason.APPROVAL], personal)


def is_known_commenter(name, email):
    """Whether the same name and e-mail already have an approved comment."""
    return Comment.objects.filter(
        name=name, email__iexact=email, status=Comment.Status.APPROVED, is_author_reply=False
    ).exists()
