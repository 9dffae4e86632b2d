"""A reader's answer to "was this page helpful?": yes or no, and on no a reason and a short text.

Nothing in a vote says who gave it: no address, no cookie, no account. The text is stored with
phone numbers and e-mail addresses already masked (the comments' masking), so what editors read
is all there is.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 500


class Reason(models.TextChoices):
    MISSING = "missing", _("Missing information")
    INACCURATE = "inaccurate", _("Inaccurate")
    UNCLEAR = "unclear", _("Hard to understand")
    OUTDATED = "outdated", _("Outdated")


class Vote(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE,
        related_name="helpful_votes",
    )
    language = models.CharField(_("language"), max_length=8)
    helpful = models.BooleanField(_("helpful"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("helpful vote")
        verbose_name_plural = _("helpful votes")
        indexes = [models.Index(fields=["page", "language"], name="feedback_vote_page_language")]

    def __str__(self):
        return f"{self.language} {self.page_id} {'+' if self.helpful else '-'}"
