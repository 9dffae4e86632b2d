from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translator's workflow in the admin: which languages each page has, which are out of
    date against their source, and the tools to translate and withdraw one language."""

    name = "apps.translations"
    label = "translations"
    verbose_name = _("Translations")
