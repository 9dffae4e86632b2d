from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Site core")

    def ready(self):
        from .translation import relax_default_language_requirement

        relax_default_language_requirement()
