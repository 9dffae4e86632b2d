"""The links in commenters' e-mails: confirming reply e-mails, stopping them.

Opening a link shows what it does and a button; only the button (a POST to the same address)
acts, so a mail scanner that opens every link changes nothing. The signed token in the address
is the permission, so the form needs no CSRF token, but it must come from this site.
"""

from django.http import Http404, HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.operations.outage import render_without_database
from apps.security.origins import same_site

from . import mailing

DO = {mailing.CONFIRM: mailing.confirm, mailing.STOP: mailing.stop}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def mail_link(request, action, token):
    if action not in DO:
        raise Http404
    consent = mailing.read(token, action)
    if consent is None:
        response = render_without_database(request, "comments/mail_link.html", 400,
                                           action=action, invalid=True)
    elif request.method == "POST" and same_site(request):
        DO[action](consent)
        return HttpResponseRedirect(f"{request.path}?done=1", status=303)
    else:
        response = render_without_database(
            request, "comments/mail_link.html", 200, action=action, consent=consent,
            done=request.GET.get("done") == "1", request_path=request.path,
        )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response
