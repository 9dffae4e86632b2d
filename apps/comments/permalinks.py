"""A comment's permanent address, /<lang>/comments/<id>/: a redirect (302) to the page of its
thread that shows it, at its anchor (#comment-<id>).

Which page shows a comment changes when an earlier top-level comment is hidden or the page size
is changed, so the address names the comment and the redirect is worked out when it is followed
(threads.page_of): two queries. Reply e-mails link here. Only comments readers see have one: an
unknown, pending, spam or trashed comment, a reply to one, a comment in another language than
the address's or on a page that is not live in it is a 404.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_safe
from wagtail.models import Page

from apps.core.translation import current_language, url_in

from . import threads
from .models import Comment
from .pages import CommentsMixin


def address(comment):
    """The comment's permanent address (site-relative), in its own language."""
    with override(comment.language):
        return reverse("comments:permalink", args=[comment.pk])


def thread_url(page, comment, request=None, pending_ids=()):
    """The address of the page of `page`'s thread that shows `comment` to a reader whose own
    not-yet-approved comments are `pending_ids`, at the comment."""
    lang = comment.language
    number = threads.page_of(comment, threads.visible_comments(page, lang, pending_ids))
    return threads.page_address(url_in(page, lang, request), number, comment.pk)


def _shown_comment(comment_id, lang):
    """The comment, when readers of `lang` see it (its ancestors loaded for the check); else 404."""
    comment = (
        Comment.objects.select_related("root", "parent__parent")
        .filter(pk=comment_id, language=lang)
        .first()
    )
    if comment is None or not threads.is_shown(comment):
        raise Http404("no such comment")
    return comment


@require_safe
def permalink(request, comment_id):
    lang = current_language()
    comment = _shown_comment(comment_id, lang)
    page = get_object_or_404(Page.objects.live(), pk=comment.page_id).specific
    if not isinstance(page, CommentsMixin) or not page.exists_in(lang):
        raise Http404("the comment's page is not shown")
    return HttpResponseRedirect(thread_url(page, comment, request))
