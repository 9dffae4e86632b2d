from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from apps.core.admin_forms import LanguageFieldsForm
from apps.core.listing import listing_addresses
from apps.core.pages import topics_of
from apps.core.translation import (
    LANGUAGE_CODES,
    current_language,
    is_filled,
    language_link,
    own_value,
)


@register_snippet
class Topic(models.Model):
    """A subject that groups pages across types, with a page of its own in each language where
    it has a name (/he/נושאים/<slug>/, see apps.taxonomy.views)."""

    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("Stable identifier used by imports.")
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    base_form_class = LanguageFieldsForm  # each language's fields in its direction
    panels = [FieldPanel("key"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["key"]

    def __str__(self):
        return self.name or self.key

    def clean(self):
        super().clean()
        # A name without a slug would leave the topic without an address in that language.
        for lang in LANGUAGE_CODES:
            name = own_value(self, "name", lang)
            if name and not own_value(self, "slug", lang):
                setattr(self, f"slug_{lang}", slugify(name, allow_unicode=True))

    @property
    def languages(self):
        """The languages the topic has a page in: those with its own name and slug."""
        return [
            lang
            for lang in LANGUAGE_CODES
            if is_filled(own_value(self, "name", lang)) and own_value(self, "slug", lang)
        ]

    def urls(self):
        """{lang: the topic page's address} in each language it has one in."""
        urls = {lang: self.url_in(lang) for lang in self.languages}
        return {lang: url for lang, url in urls.items() if url}

    def url_in(self, lang=None):
        """The topic page's address in `lang` (default: the reader's), or None."""
        lang = lang or current_language()
        if lang not in self.languages:
            return None
        with override(lang):
            try:
                return reverse("topic", kwargs={"slug": own_value(self, "slug", lang)})
            except NoReverseMatch:
                return None

    @property
    def url(self):
        return self.url_in()

    def translation_links(self, request=None):
        """A link (code, name, url, dir) for each language the topic has a page in."""
        return [language_link(lang, url) for lang, url in self.urls().items()]


def topic_urls_showing(page):
    """The pages of `page`'s topics, in each language they have, with the first pages of each
    listing (apps/caching/targets.py)."""
    topics = topics_of(page)
    return listing_addresses(url for topic in topics for url in topic.urls().values())
