"""A page's comment thread in one query, nested in Python."""

from dataclasses import dataclass, field

from django.db.models import Q

from .models import Comment


@dataclass
class Node:
    comment: Comment
    replies: list = field(default_factory=list)

    @property
    def pending(self):
        return self.comment.status != Comment.Status.APPROVED


def visible_comments(page, lang, own_pending_ids=()):
    """Approved comments in `lang`, plus the reader's own comments not (yet) approved.

    A comment sent to spam by the reject list also looks "awaiting moderation" to its author:
    telling a spammer which words are refused only teaches them to avoid those words.
    """
    visible = Q(status=Comment.Status.APPROVED)
    if own_pending_ids:
        waiting = [Comment.Status.PENDING, Comment.Status.SPAM]
        visible |= Q(status__in=waiting, pk__in=list(own_pending_ids))
    return Comment.objects.filter(visible, page_id=page.pk, language=lang).order_by(
        "created_at", "pk"
    )


def thread(comments):
    """Top-level nodes in posting order, each with its replies nested.

    A reply whose parent is not visible (pending, spam or trash) is not shown either: a thread
    never shows an answer to something the reader cannot see.
    """
    nodes = {c.pk: Node(c) for c in comments}
    roots = []
    for node in nodes.values():
        parent_id = node.comment.parent_id
        if parent_id is None:
            roots.append(node)
        elif parent_id in nodes:
            nodes[parent_id].replies.append(node)
    return roots
