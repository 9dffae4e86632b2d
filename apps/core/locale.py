"""Django's LocaleMiddleware, fitted to an admin that lives outside the language prefix."""

from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def _in_admin(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class AdminAwareLocaleMiddleware(LocaleMiddleware):
    """Two changes under the admin's prefix.

    - The whole request speaks the editor's admin language. Wagtail switches to it only inside
      its views, so what it says around them (the "no permission" message when a view refuses)
      came in the browser's language, Hebrew by default, to a Finnish editor.
    - A 404 stays Wagtail's own. Django retries a missing path under `/he/` and redirects there
      when it resolves; Wagtail's page route resolves every path, so a mistyped admin address
      (`/admin/pagez/`) ended on the public site's 404 at `/he/admin/pagez/`.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _in_admin(request):
            from wagtail.users.models import UserProfile

            translation.activate(UserProfile.get_for_user(user).get_preferred_language())
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if response.status_code == 404 and _in_admin(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
