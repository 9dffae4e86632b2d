"""Posting a comment: the one public write on the site.

The page with the form is the same for every anonymous reader, so it can be cached and carries
no CSRF token. Instead, a post must come from this site (Origin or Referer, when the browser
sends them, with the site's own scheme and host), carry a form token of the page that nobody
has used yet (tokens.py), leave the honeypot empty and stay under the rate limit. An anonymous
commenter has no session a forged post could abuse.

Refusals are cheap: the origin, the token and the rate are checked before the database or any
rendering. Every post that goes wrong (a refusal, a field to correct) is redirected to the
form's own address, where its writer finds a small page in their language with their text, what
to do and a fresh token, never the whole page with its thread (drafts.py): an address they can
reload without sending the form again, and that leads anyone else to the page's form.
"""

import functools
import logging

from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
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
from apps.security.origins import on_this_site, same_site

from . import cookies, drafts, mailing, moderation, permalinks, ratelimit, rules, tokens
from .forms import CommentForm
from .models import Comment, CommentSettings
from .pages import CommentsMixin

logger = logging.getLogger(__name__)

SEND_ONCE_MORE = gettext_lazy(
    "To protect the site from automated posts, please send your comment once more; your text "
    "is kept below."
)
CORRECT_FIELDS = gettext_lazy("Please correct the marked fields; everything you wrote is kept.")
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


def _page_sent_from(request):
    """The path of this site's page the form was sent from (its Referer), or None."""
    source = on_this_site(request.headers.get("Referer", ""), request)
    return f"{source.path}#respond" if source else None


def resend_page(request, form, message, status, page_id=None, back=None):
    """A small page, rendered without the database, with the reader's text in a form that
    posts again with a fresh token (no page, no thread), and a way back to the page."""
    response = render_without_database(
        request, "comments/resend.html", status,
        form=form, message=message, action=request.path, back=back,
        token=tokens.issue(page_id) if page_id is not None else "",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def refuse(request, form, message, status, page_id=None, back=None, retry_after=None):
    """The post did not go through: redirect to the form's address, where the draft waits
    (POST, redirect, GET); when the cache cannot keep it, the small page at once."""
    back = back or _page_sent_from(request)
    response = HttpResponseRedirect(request.path, status=303)
    told = {"message": str(message), "status": status, "retry_after": retry_after, "back": back}
    if not drafts.keep(response, request.path, form.data, told):
        response = resend_page(request, form, message, status, page_id, back)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "private, no-store"
    return response


def show_draft(request, page_id, draft):
    """The writer's kept comment at the form's address, with what to do about it."""
    response = resend_page(
        request, CommentForm(draft["data"]), draft["message"], draft["status"], page_id,
        back=draft.get("back"),
    )
    if draft.get("retry_after") is not None:
        response["Retry-After"] = str(draft["retry_after"])
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
    if not same_site(request):
        message = _("This form was sent from another site and was not accepted.")
        return refuse(request, form, message, 403, page_id), None
    verdict = tokens.check(request.POST.get("token"), page_id)
    if verdict != tokens.VALID:
        return refuse(request, form, TOKEN_MESSAGES[verdict], 400, page_id), None
    if request.POST.get("website"):
        # The honeypot, filled: the same answer as a spent token, so a bot learns nothing.
        return refuse(request, form, SEND_ONCE_MORE, 400, page_id), None
    rate, retry_after = ratelimit.check(request)
    if rate == ratelimit.REFUSE:
        message = _rate_message(retry_after)
        return refuse(request, form, message, 429, page_id, retry_after=retry_after), rate
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
            return refuse(request, CommentForm(request.POST), message, 503,
                          kwargs.get("page_id"), retry_after=RETRY_AFTER_SECONDS)

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
        mailing.ask_to_confirm(comment)
    return comment


def _posted(request, page, comment, data):
    """Back to the comment on the page of the thread that shows it, remembering the author (or
    not) and what is pending."""
    pending = [] if comment.status == Comment.Status.APPROVED else [comment.pk]
    own = [*cookies.pending_ids(request), *pending]
    response = HttpResponseRedirect(permalinks.thread_url(page, comment, request, own), status=303)
    drafts.drop(request, response, request.path)
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
        draft = drafts.kept(request)
        if draft is not None:
            return show_draft(request, page_id, draft)
        # The form's address, shared or kept: the page's own form is where it lives.
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
        return refuse(request, form, _("Comments on this page are closed."), 403, back=back)
    if not form.is_valid():
        return refuse(request, form, CORRECT_FIELDS, 400, page_id)
    parent = _reply_parent(form, page, lang, site_rules.max_depth)
    if form.errors:
        return refuse(request, form, " ".join(form.non_field_errors()), 400, page_id)

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
