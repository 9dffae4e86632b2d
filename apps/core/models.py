"""What the core stores besides the pages' own fields: the languages a page is withdrawn in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageWithdrawal(models.Model):
    """An editor withdrew `page` in `language`: its text stays, readers no longer get it.

    A row of its own rather than a field of the page types, so that one condition on Wagtail's
    page table (apps/core/translation.py, `in_language`) leaves the language out of every
    listing, whatever the page's type; and not in the page's revisions, so that publishing an
    older draft does not bring a withdrawn language back.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="language_withdrawals"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    class Meta:
        verbose_name = _("withdrawn language")
        verbose_name_plural = _("withdrawn languages")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_withdrawal_per_language")
        ]

    def __str__(self):
        return f"{self.page_id}:{self.language}"
