from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translator's workflow in the admin: which languages each page has, which are out of
    date against their source, and the tools to translate and withdraw one language."""

    name = "apps.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail.signals import page_published

        from .tracking import on_page_published

        page_published.connect(on_page_published, dispatch_uid="translations.record_publish")
