"""Content-Security-Policy on every response (Django 5.2 has none built in).

The public site has no inline scripts, styles or style attributes, so its policy allows only
files from its own origin (JSON-LD blocks are data, not scripts, and CSP does not block them).
Wagtail's admin still relies on inline styles and a few inline scripts, so paths under
CSP_ADMIN_PREFIXES get the separate, looser CSP_ADMIN policy; it is served to logged-in
editors only and keeps every other restriction. A page previewed in the admin gets the public
policy, framable by the admin's own origin.
"""

from django.conf import settings

HEADER = "Content-Security-Policy"


def framable(policy):
    """`policy` with frame-ancestors 'self' instead of whatever it said, so that the admin (same
    origin) may show the page in its preview panel; everything else stays as strict."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    kept = [d for d in directives if d.split()[0] != "frame-ancestors"]
    return "; ".join([*kept, "frame-ancestors 'self'"])


def policy_for(request):
    if request.path.startswith(tuple(settings.CSP_ADMIN_PREFIXES)):
        return settings.CSP_ADMIN
    if getattr(request, "is_preview", False):
        # A page previewed in the admin, which shows it in a frame (Wagtail marks the request).
        return framable(settings.CSP_PUBLIC)
    return settings.CSP_PUBLIC


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = policy_for(request)
        return response
