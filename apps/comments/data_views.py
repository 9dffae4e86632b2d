"""/<lang>/comments/my-data/: ask for a link by e-mail; the link leads to a copy of one's
comments (a JSON download) and to their deletion (a button). Asking is checked like a comment
post (origin, single-use token, rate per address) and says the same whether or not the address
wrote anything, so nobody learns who commented."""

import json

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.core.translation import current_language
from apps.operations.outage import render_without_database
from apps.security import limits
from apps.security.clients import client_hash
from apps.security.origins import same_site

from . import data_requests, tokens

SCOPE = "my-data"
REFUSED = _("Please send the form once more.")


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("The e-mail address you commented with"))


def _page(request, status=200, **context):
    response = render_without_database(
        request, "comments/my_data.html", status, request_path=request.path, **context
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _allowed(request):
    """The cheap checks before the database: origin, a fresh token, the rate."""
    if not same_site(request):
        return False
    if tokens.check(request.POST.get("token"), SCOPE) != tokens.VALID:
        return False
    count, _retry = limits.hit("data-requests", client_hash(request), settings.COMMENTS_RATE_WINDOW)
    return not limits.over(count, settings.COMMENTS_RATE_LIMIT)


def _send_link(request, email):
    from . import tasks

    if data_requests.comments_of(email).exists():
        base = request.build_absolute_uri("/")
        lang = current_language()
        transaction.on_commit(lambda: tasks.send_data_link.enqueue(email, lang, base))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def ask(request):
    form = AddressForm(request.POST or None)
    if request.method == "POST":
        if not _allowed(request):
            return _page(request, 400, form=form, token=tokens.issue(SCOPE), problem=REFUSED)
        if form.is_valid():
            _send_link(request, form.cleaned_data["email"])
            return HttpResponseRedirect(f"{request.path}?sent=1", status=303)
    return _page(request, 400 if form.errors else 200, form=form, token=tokens.issue(SCOPE),
                 sent=request.GET.get("sent") == "1")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def mine(request, token):
    email = data_requests.read(token)
    if email is None:
        return _page(request, 400, invalid=True)
    if request.method == "POST" and same_site(request):
        deleted = data_requests.delete(email)
        return HttpResponseRedirect(f"{request.path}?deleted={deleted}", status=303)
    if request.GET.get("format") == "json":
        body = json.dumps(data_requests.copy(email), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mishov-comments.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    return _page(request, email=email, count=data_requests.comments_of(email).count(),
                 deleted=request.GET.get("deleted"))
