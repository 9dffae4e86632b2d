"""The public pages' security headers, added by nginx to what it serves from its cached locations.

Every page nginx may cache carries the same policy headers: the public Content-Security-Policy,
X-Frame-Options, X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy, about
400 bytes. Stored in the cache file, nginx parses them again on every hit, which cost a small
page about 0.5 µs of nginx's 9 (6% of its requests per second). So for requests from those
locations (nginx sends the cache key in X-Cache-Key) Django leaves them out, and nginx adds
them with `add_header ... always` to every response there: hits, misses, bypasses, error pages
and nginx's own 502.

The values come from Django's settings, so there is one policy: `manage.py nginx_page_headers`
writes the lines nginx includes (deploy/stack.py does it for `make run-prod` and `make bench`).
A response whose header differs from the policy keeps it, and nginx adds the policy's beside
it; no public view sets its own today, and tests/production/test_edge_headers.py checks that
each header reaches readers once, with the policy's value.
"""

from django.conf import settings

CACHE_KEY_HEADER = "X-Cache-Key"


def policy_headers():
    """(name, value) of the headers every public page gets, as Django's middleware sets them."""
    referrer = settings.SECURE_REFERRER_POLICY or ""
    optional = [
        ("X-Content-Type-Options", "nosniff" if settings.SECURE_CONTENT_TYPE_NOSNIFF else ""),
        ("Referrer-Policy", referrer if isinstance(referrer, str) else ",".join(referrer)),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
    ]
    return [
        ("Content-Security-Policy", settings.CSP_PUBLIC),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        *((name, value) for name, value in optional if value),
    ]


def nginx_lines():
    """The `add_header` lines for nginx's cached locations."""
    return "".join(_add_header(name, value) for name, value in policy_headers())


def _add_header(name, value):
    return f'add_header {name} "{_nginx_string(name, value)}" always;\n'


def _nginx_string(name, value):
    """`value` as it goes between nginx's double quotes; an error for what would need escaping."""
    if any(char in value for char in '"\\$'):
        raise ValueError(f"{name} cannot be written as an nginx string: {value!r}")
    return value


class PolicyHeadersFromNginxMiddleware:
    """First in MIDDLEWARE, so it sees the headers every other middleware has set."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = policy_headers()

    def __call__(self, request):
        response = self.get_response(request)
        if CACHE_KEY_HEADER in request.headers:
            for name, value in self.headers:
                if response.get(name) == value:
                    del response[name]
        return response
