from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Site core")

    def ready(self):
        from django.db.models.signals import post_save

        from . import seeded_names
        from .translation import (
            keep_base_columns_in_default_language,
            keep_languages_explicit,
            relax_default_language_requirement,
        )

        seeded_names.connect()
        relax_default_language_requirement()
        keep_languages_explicit()
        post_save.connect(
            keep_base_columns_in_default_language, dispatch_uid="core.base_columns_in_default"
        )
