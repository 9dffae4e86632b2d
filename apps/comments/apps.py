from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "apps.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import signals  # noqa: F401  (connects the moderation side effects)
