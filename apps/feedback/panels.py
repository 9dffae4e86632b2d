"""The page's own score in its edit view: votes and share of "yes" per language."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from apps.core.translation import LANGUAGE_NAMES

from .scores import page_scores


class HelpfulPanel(Panel):
    """Read-only: what readers answered to "was this page helpful?", per language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Was this helpful?"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            scores = page_scores(self.instance.pk)
            context["scores"] = [
                (LANGUAGE_NAMES[code], score) for code, score in sorted(scores.items())
            ]
            context["report_url"] = f"{reverse('feedback_report')}?page={self.instance.pk}"
            return context
