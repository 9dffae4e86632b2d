from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "apps.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from apps.caching.routes import route_by_url_path

        from .models import HomePage

        # The home page is every site's root, so Wagtail routes every request through its
        # route(). wagtail-modeltranslation set that to its own child-by-child walk when its
        # app loaded (before this one); routing by stored URL path replaces it.
        HomePage.route = route_by_url_path
