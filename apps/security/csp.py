"""Content-Security-Policy on every response (Django 5.2 has none built in).

The public site has no inline scripts, styles or style attributes, so its policy allows only
files from its own origin (JSON-LD blocks are data, not scripts, and CSP does not block them).
Wagtail's admin still relies on inline styles and a few inline scripts, so paths under
CSP_ADMIN_PREFIXES get the separate, looser CSP_ADMIN policy; it is served to logged-in
editors only and keeps every other restriction.
"""

from django.conf import settings

HEADER = "Content-Security-Policy"


def policy_for(path):
    if path.startswith(tuple(settings.CSP_ADMIN_PREFIXES)):
        return settings.CSP_ADMIN
    return settings.CSP_PUBLIC


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = policy_for(request.path)
        return response
