from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from apps.core.admin_forms import LanguageFieldsForm


@register_snippet
class Author(index.Indexed, models.Model):
    """A person who writes for Mishov. The name is shared; credentials and bio are translated."""

    name = models.CharField(_("name"), max_length=120)
    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("Stable identifier used by imports.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    credentials = models.CharField(_("credentials"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)

    base_form_class = LanguageFieldsForm  # each language's fields in its direction
    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("photo"),
        FieldPanel("credentials"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def initials(self):
        return "".join(part[0] for part in self.name.split()[:2]).upper()
