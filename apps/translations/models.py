"""What the translation workflow remembers of each page: the language it was first written in,
and each language's text as last published, with the source text it was last brought up to date
with. A translation is outdated when that source text is no longer the source's published text
(apps/translations/tracking.py writes these rows, outdated.py reads them)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceLanguage(models.Model):
    """The language a page was first written in: the first language with a title when the page
    was first published (Hebrew first when several arrive together), kept from then on."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translation_source",
    )
    language = models.CharField(_("source language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("source language")
        verbose_name_plural = _("source languages")

    def __str__(self):
        return f"{self.page_id}: {self.language}"


class LanguageVersion(models.Model):
    """One language of one page as last published."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="language_versions"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    #: This language's text as last published (apps/translations/text.py), and its digest.
    text = models.JSONField(default=dict)
    fingerprint = models.CharField(max_length=64)
    #: When that text last changed.
    changed_at = models.DateTimeField(_("last changed"))
    #: The source language's published text when this language was last brought up to date
    #: (edited, or marked up to date), and its digest.
    source_text = models.JSONField(default=dict)
    source_fingerprint = models.CharField(max_length=64, blank=True)
    synced_at = models.DateTimeField(_("last brought up to date"))
    #: Who marked it up to date without editing it; empty when it was brought up to date by
    #: publishing an edit.
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked up to date by"),
    )

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_version_per_language")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.language}"

    def bring_up_to_date(self, source, now, user=None):
        """Record that this language now matches `source` (the source language's version, or
        None when the page no longer has its source language)."""
        self.source_text = source.text if source is not None else {}
        self.source_fingerprint = source.fingerprint if source is not None else ""
        self.synced_at = now
        self.marked_by = user
