"""The site's URLs plus one that fails, to see the 500 page as a reader would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [*i18n_patterns(path("broken/", broken_view)), *site_urlpatterns]
handler404 = "apps.operations.views.page_not_found"
handler500 = "apps.operations.views.server_error"
