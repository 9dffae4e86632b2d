"""A page's comment thread, a page of top-level comments at a time, nested in Python.

A thread longer than settings.COMMENTS_PER_PAGE top-level comments is shown in pages (oldest
first, as the whole thread always was): page 1 at the page's own address, page N at ?page=N.
Replies stay with the comment they answer, so a page holds its top-level comments and every
reply under them, fetched in one query by the reply's root (models.Comment.root). A page's
contents move only when an earlier top-level comment is hidden, so a comment's page is where
its permanent link (/<lang>/comments/<id>/) sends the reader, worked out when it is followed.
"""

import bisect
import collections
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q

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
    page_id = getattr(page, "pk", page)  # a page or its id
    return Comment.objects.filter(visible, page_id=page_id, language=lang).order_by(
        "created_at", "pk"
    )


def counts(comments):
    """{'roots': top-level comments, 'approved': approved comments} of `comments`, one query:
    the first sets the number of pages, the second is the count the thread's heading shows."""
    return comments.aggregate(
        roots=Count("pk", filter=Q(parent=None)),
        approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
    )


def on_page(comments, number, per_page=None):
    """The comments of page `number` (1-based) of the thread: its top-level comments and the
    replies under them, in one query however long the thread."""
    per_page = per_page or settings.COMMENTS_PER_PAGE
    start = (number - 1) * per_page
    roots = comments.filter(parent=None).values("pk")[start : start + per_page]
    return comments.filter(Q(pk__in=roots) | Q(root__in=roots))


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


def page_number(roots_before, per_page=None):
    """The page that shows a top-level comment with `roots_before` top-level comments before it."""
    return roots_before // (per_page or settings.COMMENTS_PER_PAGE) + 1


def page_of(comment, comments):
    """The page of the thread `comments` (a visible_comments query) that shows `comment`: the
    page of its top-level comment. One query for a top-level comment or one whose root is
    loaded."""
    root = comment.root if comment.root_id else comment
    before = comments.filter(parent=None).filter(
        Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
    )
    return page_number(before.count())


def page_address(url, number, comment_id=None):
    """`url` (the page's own address) at comment page `number`, at the comment when given."""
    address = url if number <= 1 else f"{url}?page={number}"
    return f"{address}#comment-{comment_id}" if comment_id else address


def purged_pages(comment):
    """The page numbers of the thread to purge when `comment` appears or disappears: page 1
    (every link names it, and it shows the thread's count), the page that shows the comment
    and the one before it (whose "Later comments" link may just have appeared). Later pages
    shift by one comment when a top-level comment is hidden; the page cache's TTL catches
    them up, so a change purges three addresses however long the thread."""
    root = comment
    if comment.root_id is not None:
        root = Comment.objects.filter(pk=comment.root_id).first()
        if root is None:  # deleted with the comment: the thread's start is all that is left
            return [1]
    number = page_of(root, visible_comments(comment.page_id, comment.language))
    return sorted({1, max(number - 1, 1), number})


def _thread_positions(keys):
    """{(page id, language): [(created_at, pk)] of the thread's approved top-level comments, in
    posting order} for the threads `keys`; one query."""
    shown = (
        Comment.objects.filter(
            status=Comment.Status.APPROVED,
            parent=None,
            page_id__in={page_id for page_id, _lang in keys},
            language__in={lang for _page_id, lang in keys},
        )
        .order_by("created_at", "pk")
        .values_list("page_id", "language", "created_at", "pk")
    )
    positions = collections.defaultdict(list)
    for page_id, lang, created_at, pk in shown:
        positions[(page_id, lang)].append((created_at, pk))
    return positions


def _pages_around(positions, root):
    """The page that shows a top-level comment at `root` (created_at, pk) among `positions`,
    and the one before it."""
    number = page_number(bisect.bisect_left(positions, root))
    return {max(number - 1, 1), number}


def _root_pk(comment):
    """The id of the top-level comment of `comment`'s thread branch (its own for one)."""
    return comment.root_id or comment.pk


def _roots_created(comments):
    """{id: created_at} of the top-level comments above `comments`; one query."""
    roots = Comment.objects.filter(pk__in={_root_pk(comment) for comment in comments})
    return dict(roots.values_list("pk", "created_at"))


def purged_pages_many(comments):
    """{(page id, language): purged_pages} for the threads of `comments` (a bulk decision), in
    two queries however many comments and threads: their top-level comments, and the approved
    top-level comments of those threads, positioned in Python."""
    roots = _roots_created(comments)
    keys = {(comment.page_id, comment.language) for comment in comments}
    positions = _thread_positions(keys)
    pages = {key: {1} for key in keys}
    for comment in comments:
        key, root = (comment.page_id, comment.language), _root_pk(comment)
        if root in roots:
            pages[key] |= _pages_around(positions[key], (roots[root], root))
    return {key: sorted(numbers) for key, numbers in pages.items()}


def is_shown(comment):
    """Whether readers see `comment`: it is approved, and so is every comment above it (a
    reply to a hidden comment is hidden with it). Loads parents not already loaded."""
    node = comment
    while node is not None:
        if node.status != Comment.Status.APPROVED:
            return False
        node = node.parent
    return True


def _between(previous, number):
    """What the navigation shows between two page numbers it links: nothing, the one number
    left out, or None ("…") for two or more."""
    if previous is None or number == previous + 1:
        return []
    return [previous + 1 if number == previous + 2 else None]


def page_numbers(current, last, around=2):
    """The page numbers a thread's navigation links: the first and the last, and `around` on
    each side of the current one; None where two or more numbers are left out (shown as "…";
    a single one left out is shown instead)."""
    wanted = {1, last, *range(current - around, current + around + 1)}
    numbers = sorted(number for number in wanted if 1 <= number <= last)
    shown = []
    for previous, number in zip([None, *numbers[:-1]], numbers, strict=True):
        shown += [*_between(previous, number), number]
    return shown
