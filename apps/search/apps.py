from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The public site search: a per-language index built with apps.analysis."""

    name = "apps.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals

        signals.connect()
