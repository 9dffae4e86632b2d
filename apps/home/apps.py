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
        # route(). wagtail-modeltranslation sets that to its own child-by-child walk on each
        # registered page model when its app loads (before this one), in its ready():
        # WagtailTranslator._patch_page_models, `if TRANSLATE_SLUGS: model.route = _new_route`
        # (wagtail_modeltranslation/patch_wagtailadmin.py). That assignment lands in HomePage's
        # own class dict and so hides any route() a base class defines; only another assignment,
        # after it, replaces it (docs/architecture.md, "Routing").
        HomePage.route = route_by_url_path
