from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from apps.discovery import urls as discovery_urls
from apps.operations import views as operations_views
from apps.search import views as search_views
from apps.security.signin import LimitedPasswordResetView, SignInView
from apps.taxonomy import urls as taxonomy_urls

# Outside the language prefix: the admin, documents, the health check, favicon.ico, sitemap.xml
# and robots.txt.
urlpatterns = [
    # Wagtail's sign-in and password reset with their limits (apps/security/signin.py); same
    # addresses and names, so they take precedence.
    path("admin/login/", SignInView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", operations_views.healthz, name="healthz"),
    path("favicon.ico", operations_views.favicon, name="favicon"),
    path("", include(discovery_urls)),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # `make run` serves uploads itself, debug pages or not (config/settings/dev.py); Django's
    # static() helper would only do so under DEBUG.
    from django.urls import re_path
    from django.views.static import serve

    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Every reader-facing page lives under /he/, /fa/ or /fi/; "/" redirects by Accept-Language.
# Comments, feeds, topic pages and the site search come before Wagtail's catch-all page route.
urlpatterns += i18n_patterns(
    path("", include("apps.comments.urls")),
    path("", include("apps.feedback.urls")),
    path("", include(discovery_urls.language_urlpatterns)),
    path("", include(taxonomy_urls)),
    path("", include("apps.people.urls")),
    path("search/", search_views.search, name="search"),
    path("search/open/<int:page_id>/", search_views.open_result, name="search_open"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "apps.operations.views.bad_request"
handler404 = "apps.operations.views.page_not_found"
handler500 = "apps.operations.views.server_error"
