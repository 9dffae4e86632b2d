"""When the database is unreachable: a 503 in the reader's language, or the page's last good copy
(kept by apps/caching/saved_copies.py).

Nothing here may touch the database: the language comes from the URL prefix, the page is
rendered without a request context (no Wagtail Site lookup, no settings read from the
database), and the only other store consulted is the cache. Django opens a new database
connection for each request (or checks a persistent one first, CONN_HEALTH_CHECKS), so the
site recovers by itself once the database answers again.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from apps.caching.saved_copies import saved_copy
from apps.core.translation import LANGUAGE_CODES, direction

RETRY_AFTER_SECONDS = 30


def is_database_outage(exc):
    """True for errors that mean "the database cannot be reached", not for a bad query."""
    return isinstance(exc, OperationalError | InterfaceError)


def language_from_path(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else settings.LANGUAGE_CODE


def render_without_database(request, template_name, status, **context):
    """A standalone page in the language of the URL prefix, rendered without a request context
    (so no context processor, Wagtail Site or setting is read from the database)."""
    lang = language_from_path(request.path)
    with translation.override(lang):
        content = render_to_string(
            template_name, {"LANG": lang, "DIR": direction(lang), "home": f"/{lang}/", **context}
        )
    response = HttpResponse(content, status=status)
    response["Content-Language"] = lang
    return response


def outage_response(request):
    """The saved copy of the page when there is one, else a 503 page; both say 503 and
    Retry-After, so crawlers come back instead of forgetting the page."""
    copy = saved_copy(request)
    if copy is not None:
        content, content_type = copy
        response = HttpResponse(content, content_type=content_type, status=503)
        response["X-Mishov-Copy"] = "saved"
    else:
        response = render_without_database(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
