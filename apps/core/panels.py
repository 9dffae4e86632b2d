"""An admin panel that tells editors which languages a page is published in."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .parts import parts_in_languages
from .translation import LANGUAGE_NAMES, page_languages, withdrawn_languages


class PageLanguagesPanel(Panel):
    """Read-only: the languages this page exists in (those whose title is filled), and how many
    of its parts (a question's answers) exist in each."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Languages"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/page_languages.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["languages"] = [LANGUAGE_NAMES[code] for code in page_languages(instance)]
            context["withdrawn"] = [
                LANGUAGE_NAMES[code] for code in sorted(withdrawn_languages(instance))
            ]
            context["is_new"] = instance.pk is None
            context["parts"] = parts_in_languages(instance)
            return context
