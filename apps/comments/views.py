"""Posting a comment: the one public write on the site.

The page with the form is the same for every anonymous reader, so it can be cached and carries
no CSRF token. Instead of the token, a post must come from this site (Origin or Referer, when
the browser sends them), carry the signed form token of the page, leave the honeypot empty and
stay under the rate limit. An anonymous commenter has no session a forged post could abuse;
what it could do (post a comment) is what the form does anyway, behind the same checks.
"""

import functools
import logging
import math
from urllib.parse import urlsplit

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from apps.core.outage import RETRY_AFTER_SECONDS, render_without_database
from apps.core.translation import current_language

from . import cookies, moderation, ratelimit, rules
from .forms import CommentForm
from .models import Comment, CommentSettings
from .pages import CommentsMixin

logger = logging.getLogger(__name__)


def _same_site(request):
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        # Some privacy tools strip both headers; the other checks still apply.
        return True
    return urlsplit(source).netloc == request.get_host()


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


def _automated(form):
    if form.cleaned_data.get("website"):
        return True
    age = form.token_age()
    return age is None or age < settings.COMMENTS_MIN_SECONDS


def _rate_message(seconds):
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "You have posted several comments in a short time. Please wait %(minutes)d minute "
        "and send again; your text is kept below.",
        "You have posted several comments in a short time. Please wait %(minutes)d minutes "
        "and send again; your text is kept below.",
        minutes,
    ) % {"minutes": minutes}


def database_down_page(request, form):
    """The reader's text back in a form that posts again, rendered without the database."""
    response = render_without_database(
        request, "comments/unavailable.html", 503, form=form, action=request.path
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "private, no-store"
    return response


def keeps_text_when_database_is_down(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (OperationalError, InterfaceError):
            logger.error("Database unavailable; comment returned to the reader", exc_info=True)
            return database_down_page(request, CommentForm(request.POST))

    return wrapped


@csrf_exempt
@require_POST
@keeps_text_when_database_is_down
def post_comment(request, page_id):
    lang = current_language()
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, CommentsMixin) or not page.exists_in(lang):
        raise Http404
    form = CommentForm(request.POST, page=page)
    if not _same_site(request):
        form.is_valid()
        form.add_error(None, _("This form was sent from another site and was not accepted."))
        return render_page_with_form(request, page, form, status=403)
    site_rules = CommentSettings.for_request(request)
    if not page.comments_open(site_rules):
        form.is_valid()
        form.add_error(None, _("Comments on this page are closed."))
        return render_page_with_form(request, page, form, status=403)
    if not form.is_valid():
        return render_page_with_form(request, page, form, status=400)
    if _automated(form):
        form.add_error(
            None,
            _(
                "Your comment looked automated and was not posted. If you are a person, "
                "please send it again; your text is kept below."
            ),
        )
        return render_page_with_form(request, page, form, status=400)
    parent = _reply_parent(form, page, lang, site_rules.max_depth)
    if form.errors:
        return render_page_with_form(request, page, form, status=400)
    rate, retry_after = ratelimit.check(request)
    if rate == ratelimit.REFUSE:
        form.add_error(None, _rate_message(retry_after))
        response = render_page_with_form(request, page, form, status=429)
        response["Retry-After"] = str(retry_after)
        return response

    data = form.cleaned_data
    verdict = rules.verdict(
        data["name"],
        data["body"],
        site_rules,
        known_commenter=rules.is_known_commenter(data["name"], data["email"]),
        over_rate=rate == ratelimit.HOLD,
    )
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
            client_hash=ratelimit.client_hash(request),
        )
        moderation.comment_posted(comment)

    response = HttpResponseRedirect(f"{page.get_url(request)}#comment-{comment.pk}", status=303)
    if data["remember"]:
        cookies.remember(response, data["name"], data["email"])
    else:
        cookies.forget(response)
    if comment.status != Comment.Status.APPROVED:
        cookies.add_pending(request, response, comment.pk)
    return response
