from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "apps.discovery"
    label = "discovery"
    verbose_name = _("Discovery")

    def ready(self):
        from apps.caching import targets

        from .purging import urls_showing

        targets.register(urls_showing)
