"""Reporting a published comment: a small form at /<lang>/comments/report/<comment>/.

The link under each comment is the same for every reader, so the cached thread stays one copy.
The post is checked like a comment post, cheaply and before the database (views.early checks:
origin, a single-use form token, a rate per client address), and every outcome is a redirect to
the form's address (POST, redirect, GET) that says what happened, with JavaScript or without.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.core.translation import current_language
from apps.operations.outage import render_without_database
from apps.security import limits
from apps.security.clients import client_hash
from apps.security.origins import same_site

from . import permalinks, reports, tokens
from .models import Comment, CommentSettings, ReportReason

PROBLEMS = {
    "again": _("To protect the site from automated reports, please send your report once more."),
    "origin": _("This form was sent from another site and was not accepted."),
    "reason": _("Choose what is wrong with the comment."),
    "rate": _("You have sent several reports in a short time. Please try again later."),
}


def _token_scope(comment_id):
    """Report forms have tokens of their own, never good for a comment post."""
    return f"report-{comment_id}"


def _problem(request, comment_id):
    """Why the report cannot be taken before the database is asked, or None."""
    if not same_site(request):
        return "origin"
    if tokens.check(request.POST.get("token"), _token_scope(comment_id)) != tokens.VALID:
        return "again"
    if request.POST.get("reason") not in ReportReason.values:
        return "reason"
    count, _retry = limits.hit(
        "comment-reports", client_hash(request), settings.COMMENTS_RATE_WINDOW
    )
    if limits.over(count, settings.COMMENTS_REPORT_LIMIT):
        return "rate"
    return None


def _reportable(comment_id, lang):
    comment = (
        Comment.objects.select_related("page", "root").filter(pk=comment_id, language=lang).first()
    )
    if comment is None or not reports.is_reportable(comment):
        raise Http404
    return comment


def _answer(request, **told):
    """Back to the form's address, saying what happened."""
    return HttpResponseRedirect(f"{request.path}?{urlencode(told)}", status=303)


def _receive(request, comment_id):
    problem = _problem(request, comment_id)
    if problem is not None:
        return _answer(request, problem=problem, reason=request.POST.get("reason", ""))
    comment = _reportable(comment_id, current_language())
    threshold = CommentSettings.for_request(request).hide_after_reports
    reports.report(comment, request.POST["reason"], client_hash(request), threshold)
    return _answer(request, sent=1)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def report_comment(request, comment_id):
    if request.method == "POST":
        return _receive(request, comment_id)
    lang = current_language()
    comment = _reportable(comment_id, lang)
    response = render_without_database(
        request, "comments/report.html", 200,
        comment=comment,
        reasons=ReportReason.choices,
        chosen=request.GET.get("reason", ""),
        problem=PROBLEMS.get(request.GET.get("problem", "")),
        sent=request.GET.get("sent") == "1",
        token=tokens.issue(_token_scope(comment_id)),
        # The page of the thread that shows it (or showed it: the report may have hidden it).
        back=permalinks.thread_url(comment.page.specific, comment, request),
        request_path=request.path,
    )
    response["Cache-Control"] = "private, no-store"
    return response
