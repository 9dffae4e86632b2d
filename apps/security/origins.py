"""Whether a form was sent from this site: the one check that replaces CSRF on cached pages.

Pages served from the page cache carry no CSRF token, so the public forms (comments, "was this
helpful?") ask the browser instead: Origin, or Referer when there is no Origin, must name this
site's own scheme and host.
"""

from urllib.parse import urlsplit


def on_this_site(url, request):
    """`url` split, when it is on this site's own scheme and host; else None."""
    parts = urlsplit(url)
    return parts if (parts.scheme, parts.netloc) == (request.scheme, request.get_host()) else None


def same_site(request):
    """Whether the browser says the form was sent from this site's own scheme and host."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        # Some privacy tools strip both headers; the other checks still apply.
        return True
    return on_this_site(source, request) is not None
