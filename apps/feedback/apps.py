from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """What readers tell editors about a page: "was this helpful?" votes and their reasons."""

    name = "apps.feedback"
    label = "feedback"
    verbose_name = _("Reader feedback")
