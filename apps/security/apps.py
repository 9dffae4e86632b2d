from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "apps.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from django.core import checks

        from .hosts import check_site_url

        checks.register(check_site_url, checks.Tags.security)
