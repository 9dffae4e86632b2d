"""Taking a "was this helpful?" vote: a plain form post, then back to the page.

The page with the form is cached for everyone, so the form carries no token and the answer sets
no cookie. A post must come from this site (apps/security/origins.py), stay under the per-client
rate and be the reader's first vote on the page today (limits.py); these checks come before the
database. The reader is sent back to the page's address with a fragment (#helpful-thanks or
#helpful-counted) that the page's own CSS turns into the thank-you: the page itself, and its
cache entry, are the same for every reader.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from apps.comments.rendering import masked_text
from apps.core.translation import current_language
from apps.operations.outage import render_without_database
from apps.security.limits import minutes
from apps.security.origins import on_this_site, same_site

from . import limits
from .forms import HelpfulForm
from .models import Vote

THANKS, COUNTED = "helpful-thanks", "helpful-counted"


def _votable_page(page_id, lang):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not getattr(page, "is_article", False) or not page.exists_in(lang):
        raise Http404
    return page


def _refusal(request, form, message, status):
    """A small page, without the database, with the reader's answer in a form to send again."""
    source = on_this_site(request.headers.get("Referer", ""), request)
    response = render_without_database(
        request, "feedback/resend.html", status, form=form, message=message,
        action=request.path, back=f"{source.path}#helpful" if source else None,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _rate_message(seconds):
    count = minutes(seconds)
    return ngettext(
        "You have answered on many pages in a short time. Please wait %(minutes)d minute "
        "and send again.",
        "You have answered on many pages in a short time. Please wait %(minutes)d minutes "
        "and send again.",
        count,
    ) % {"minutes": count}


def _early_refusal(request, form):
    """The checks before the database: a refusal page, or None when the vote may go on."""
    if not same_site(request):
        message = _("This form was sent from another site and was not accepted.")
        return _refusal(request, form, message, 403)
    if not form.is_valid():
        return _refusal(request, form, _("Please check your answer and send it again."), 400)
    refused, retry_after = limits.over_rate(request)
    if refused:
        response = _refusal(request, form, _rate_message(retry_after), 429)
        response["Retry-After"] = str(retry_after)
        return response
    return None


@csrf_exempt
@require_http_methods(["GET", "POST"])
def vote(request, page_id):
    """/<lang>/feedback/<page id>/: store one vote, then back to the page's thank-you."""
    lang = current_language()
    if request.method == "GET":
        return HttpResponseRedirect(f"{_votable_page(page_id, lang).get_url(request)}#helpful")
    form = HelpfulForm(request.POST, auto_id="helpful-%s")
    refusal = _early_refusal(request, form)
    if refusal is not None:
        return refusal
    page = _votable_page(page_id, lang)
    outcome = COUNTED
    if limits.first_vote_today(request, page.pk) is not False:
        fields = form.vote_fields()
        fields["text"] = masked_text(fields["text"])
        Vote.objects.create(page=page, language=lang, **fields)
        outcome = THANKS
    return HttpResponseRedirect(f"{page.get_url(request)}#{outcome}", status=303)
