"""Posting a comment: the one public write on the site.

The page with the form is the same for every anonymous reader, so it can be cached and carries
no CSRF token. Instead, a post must come from this site (Origin or Referer, when the browser
sends them, with the site's own scheme and host), carry a form token of the page that nobody
has used yet (tokens.py), leave the honeypot empty and stay under the rate limit. An anonymous
commenter has no session a forged post could abuse.

Refusals are cheap: the origin, the token and the rate are checked before the database or any
rendering, and a refused post gets a small page in the reader's language with their text and a
fresh token, never the whole page with its thread. Only a post that passes them and still has
mistakes (an e-mail address missing) gets the page again with the form's errors.
"""

import functools
import logging
from urllib.parse import urlsplit

from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from apps.core.translation import current_language
from apps.operations.outage import RETRY_AFTER_SECONDS, render_without_database
from apps.security import limits
from apps.security.clients import client_hash

from . import cookies, moderation, ratelimit, rules, tokens
from .forms import CommentForm
from .models import Comment, CommentSettings
from .pages import CommentsMixin

logger = logging.getLogger(__name__)

SEND_ONCE_MORE = gettext_lazy(
    "To protect the site from automated posts, please send your comment once more; your text "
    "is kept below."
)
TOKEN_MESSAGES = {
    tokens.FORGED: SEND_ONCE_MORE,
    tokens.SPENT: SEND_ONCE_MORE,
    tokens.EXPIRED: gettext_lazy(
        "This page was open for a long time. Please send your comment once more; your text is "
        "kept below."
    ),
    tokens.TOO_FAST: gettext_lazy(
        "Your comment was sent very soon after the page opened, so it was not posted yet. "
        "Please check it and send it once more; your text is kept below."
    ),
}


def _on_this_site(url, request):
    """`url` split, when it is on this site's own scheme and host; else None."""
    parts = urlsplit(url)
    return parts if (parts.scheme, parts.netloc) == (request.scheme, request.get_host()) else None


def _same_site(request):
    """Whether the browser says the form was sent from this site's own scheme and host."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        # Some privacy tools strip both headers; the other checks still apply.
        return True
    return _on_this_site(source, request) is not None


def _page_sent_from(request):
    """The path of this site's page the form was sent from (its Referer), or None."""
    source = _on_this_site(request.headers.get("Referer") or "", request)
    return f"{source.path}#respond" if source else None


def resend_page(request, form, message, status, page_id=None, back=None):
    """A small page, rendered without the database, with the reader's text in a form that
    posts again with a fresh token (no page, no thread), and a way back to the page."""
    back = back or _page_sent_from(request)
    response = render_without_database(
        request, "comments/resend.html", status,
        form=form, message=message, action=request.path, back=back,
        token=tokens.issue(page_id) if page_id is not None else "",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def render_page_with_form(request, page, form, status):
    """The page again, the form showing its errors and everything the reader typed."""
    context = page.get_context(request)
    context["comment_form"] = form
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _reply_parent(form, page, lang, max_depth):
    """The approved comment being answered, moved up the thread if it is nested too deep."""
    parent_id = form.cleaned_data.get("parent")
    if not parent_id:
        return None
    parent = (
        Comment.objects.filter(
            pk=parent_id, page_id=page.pk, language=lang, status=Comment.Status.APPROVED
        )
        .select_related("parent")
        .first()
    )
    if parent is None:
        form.add_error(None, _("The comment you are replying to is no longer available."))
        return None
    while parent.depth >= max_depth and parent.parent is not None:
        parent = parent.parent
    if parent.depth >= max_depth:
        return None
    return parent


def _rate_message(seconds):
    minutes = limits.minutes(seconds)
    return ngettext(
        "You have posted several comments in a short time. Please wait %(minutes)d minute "
        "and send again; your text is kept below.",
        "You have posted several comments in a short time. Please wait %(minutes)d minutes "
        "and send again; your text is kept below.",
        minutes,
    ) % {"minutes": minutes}


def early_refusal(request, page_id, form):
    """The cheap checks, before the database: a refusal page, or None when the post may go on.
    Returns (response, rate decision)."""
    if not _same_site(request):
        message = _("This form was sent from another site and was not accepted.")
        return resend_page(request, form, message, 403, page_id), None
    verdict = tokens.check(request.POST.get("token"), page_id)
    if verdict != tokens.VALID:
        return resend_page(request, form, TOKEN_MESSAGES[verdict], 400, page_id), None
    if request.POST.get("website"):
        # The honeypot, filled: the same answer as a spent token, so a bot learns nothing.
        return resend_page(request, form, SEND_ONCE_MORE, 400, page_id), None
    rate, retry_after = ratelimit.check(request)
    if rate == ratelimit.REFUSE:
        response = resend_page(request, form, _rate_message(retry_after), 429, page_id)
        response["Retry-After"] = str(retry_after)
        return response, rate
    return None, rate


def keeps_text_when_database_is_down(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (OperationalError, InterfaceError):
            logger.error("Database unavailable; comment returned to the reader", exc_info=True)
            message = _(
                "The site cannot save comments right now. Your text is kept below: send it "
                "again in a minute, or copy it somewhere safe."
            )
            response = resend_page(request, CommentForm(request.POST), message, 503,
                                   kwargs.get("page_id"))
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response

    return wrapped


def _commentable_page(page_id, lang):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, CommentsMixin) or not page.exists_in(lang):
        raise Http404
    return page


def _save_comment(request, page, lang, parent, data, verdict):
    """The comment as the rules judged it, and the moderators told, in one transaction."""
    with transaction.atomic():
        comment = Comment.objects.create(
            page=page,
            language=lang,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=data["name"],
            email=data["email"],
            body=data["body"],
            status=verdict.status,
            held_reasons=list(verdict.reasons),
            has_personal_data=verdict.personal_data,
            notify_replies=data["notify"],
            client_hash=client_hash(request),
        )
        moderation.comment_posted(comment)
    return comment


def _posted(request, page, comment, data):
    """Back to the comment on its page, remembering the author (or not) and what is pending."""
    response = HttpResponseRedirect(f"{page.get_url(request)}#comment-{comment.pk}", status=303)
    if data["remember"]:
        cookies.remember(response, data["name"], data["email"])
    else:
        cookies.forget(response)
    if comment.status != Comment.Status.APPROVED:
        cookies.add_pending(request, response, comment.pk)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
@keeps_text_when_database_is_down
def post_comment(request, page_id):
    lang = current_language()
    if request.method == "GET":
        # The form's address, reloaded or shared: the page's own form is where it lives.
        page = _commentable_page(page_id, lang)
        return HttpResponseRedirect(f"{page.get_url(request)}#respond")
    form = CommentForm(request.POST)
    refusal, rate = early_refusal(request, page_id, form)
    if refusal is not None:
        return refusal

    page = _commentable_page(page_id, lang)
    form = CommentForm(request.POST, page=page)
    site_rules = CommentSettings.for_request(request)
    if not page.comments_open(site_rules):
        back = f"{page.get_url(request)}#respond"
        return resend_page(request, form, _("Comments on this page are closed."), 403, back=back)
    if not form.is_valid():
        return render_page_with_form(request, page, form, status=400)
    parent = _reply_parent(form, page, lang, site_rules.max_depth)
    if form.errors:
        return render_page_with_form(request, page, form, status=400)

    data = form.cleaned_data
    verdict = rules.verdict(
        data["name"],
        data["body"],
        site_rules,
        known_commenter=rules.is_known_commenter(data["name"], data["email"]),
        over_rate=rate == ratelimit.HOLD,
    )
    comment = _save_comment(request, page, lang, parent, data, verdict)
    return _posted(request, page, comment, data)


@never_cache
@require_GET
def form_token(request, page_id):
    """A fresh token of the reader's own, asked for by site.js when they start writing."""
    return JsonResponse({"token": tokens.issue(page_id)})
