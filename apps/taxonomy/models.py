from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Topic(models.Model):
    """A subject that groups pages across types: navigation now, related articles later."""

    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("Stable identifier used by imports.")
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("key"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["key"]

    def __str__(self):
        return self.name or self.key
