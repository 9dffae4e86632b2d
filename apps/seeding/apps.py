from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedingConfig(AppConfig):
    name = "apps.seeding"
    label = "seeding"
    verbose_name = _("Seed content")
