from django.apps import AppConfig


class FrontCacheConfig(AppConfig):
    name = "apps.frontcache"
    label = "frontcache"
    verbose_name = "Front cache"

    def ready(self):
        from . import signals

        signals.connect()
