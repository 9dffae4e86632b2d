from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "apps.taxonomy"
    label = "taxonomy"
    verbose_name = _("Topics")

    def ready(self):
        from apps.caching import invalidation, targets

        from .models import Topic, topic_urls_showing

        # A topic's name and pages are shown on many pages; its pages list the pages in it.
        invalidation.connect_shared(Topic, "taxonomy.topic")
        targets.register(topic_urls_showing)
