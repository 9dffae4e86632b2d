"""Pages seen by a signed-in editor are theirs alone.

An editor's view of a public page carries Wagtail's user bar (and may show drafts in preview):
no shared cache may keep it. nginx already skips its cache for a session cookie; this says so
to every other cache on the way (a CDN, a company proxy, the browser's shared cache).
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PrivateForEditorsMiddleware:
    """After AuthenticationMiddleware: responses to signed-in users are Cache-Control: private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        signed_in = (
            settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated
        )
        if signed_in and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        return response
