import sys

from django.contrib.staticfiles import finders
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from .outage import is_database_outage, outage_response, render_without_database


@never_cache
@require_GET
def healthz(request):
    """Liveness and database reachability, for load balancers and `make run` to wait on."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


@cache_control(public=True, max_age=86400)
@require_GET
def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever the page's <link rel=icon>
    says: the same speech bubble as static/img/favicon.svg, at 48, 32 and 16 px."""
    path = finders.find("img/favicon.ico")
    if path is None:
        raise Http404("no favicon")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115


def bad_request(request, exception=None):
    # Malformed requests (a bad Host, a body over the size limit, broken encodings) may fail
    # before the language or the site is known: a plain page in the URL's language.
    return render_without_database(request, "400.html", 400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this inside its exception handler, so the error is at hand. Wherever the
    # database went away (a view, a middleware, a template tag), readers get the 503 page.
    if is_database_outage(sys.exc_info()[1]):
        return outage_response(request)
    return render(request, "500.html", status=500)
