"""The site's own address, whatever Host a request names.

Canonical links, hreflang, feeds, the sitemap and Open Graph are absolute URLs, and pages that
hold them are cached for every reader. Built from the request's Host header, one request with
`Host: localhost:6666` would make every later reader's copy point elsewhere. With SITE_URL set
(production), a request whose host Django accepts (ALLOWED_HOSTS) is handled as if it had named
SITE_URL's host, so every absolute URL, whichever code builds it, starts with the site's own
address. nginx also refuses unknown names before they reach Django (deploy/nginx.conf.template).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import split_domain_port, validate_host


def site_host():
    return urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else ""


def check_site_url(app_configs=None, **kwargs):
    """SITE_URL's host must be one Django accepts, or every request would be refused."""
    host = site_host()
    if not host:
        return []
    domain, _port = split_domain_port(host)
    if validate_host(domain, settings.ALLOWED_HOSTS):
        return []
    return [
        checks.Error(
            f"SITE_URL ({settings.SITE_URL}) names a host that ALLOWED_HOSTS does not allow.",
            hint="Add it to DJANGO_ALLOWED_HOSTS, or set DJANGO_SITE_URL to an allowed host.",
            id="security.E001",
        )
    ]


class PinnedHostMiddleware:
    """Early in MIDDLEWARE: everything after it sees the site's host."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.host = site_host()

    def __call__(self, request):
        if self.host:
            # Refuses a host outside ALLOWED_HOSTS (DisallowedHost: a 400) before pinning.
            request.get_host()
            request.META["HTTP_HOST"] = self.host
            request.META.pop("HTTP_X_FORWARDED_HOST", None)
        return self.get_response(request)
