"""Reader comments, their moderation state, and the site-wide moderation rules."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

NAME_MAX = 80
EMAIL_MAX = 254
BODY_MAX = 5000


class HeldReason(models.TextChoices):
    """Why a comment waits for (or was refused by) a moderator; shown in the queue."""

    LINKS = "links", _("Many links")
    HOLD_WORDS = "hold_words", _("Hold word list")
    REJECT_WORDS = "reject_words", _("Reject word list")
    PERSONAL_DATA = "personal_data", _("Personal data")
    RATE = "rate", _("Posting rate")
    APPROVAL = "approval", _("Approval required")
    REPORTED = "reported", _("Reported by readers")


class ReportReason(models.TextChoices):
    """What a reader may say is wrong with a published comment."""

    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive or hateful")
    PERSONAL_DATA = "personal_data", _("Someone's personal data")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Trash")

    # A page with comments cannot be deleted (see wagtail_hooks.refuse_deleting_commented_pages):
    # readers' words are not lost as a side effect of tidying the page tree.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.PROTECT,
        related_name="reader_comments",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=1, editable=False)
    # The top-level comment a reply hangs under (none for a top-level comment): a thread page
    # is its top-level comments and everything under them, in one query (threads.py).
    root = models.ForeignKey(
        "self",
        verbose_name=_("thread"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("e-mail"), max_length=EMAIL_MAX, blank=True)
    body = models.TextField(_("comment"), max_length=BODY_MAX)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    held_reasons = models.JSONField(_("held because"), default=list, blank=True, editable=False)
    has_personal_data = models.BooleanField(
        _("contains personal data"), default=False, editable=False
    )
    show_personal_data = models.BooleanField(
        _("show phone numbers and e-mail addresses"),
        default=False,
        help_text=_(
            "Off: phone numbers and e-mail addresses in the comment are masked on the public page."
        ),
    )
    is_author_reply = models.BooleanField(_("author's reply"), default=False, editable=False)
    # Deleted by its writer while replies hang under it: name, address and text are gone, the
    # place in the thread stays (apps/comments/data_requests.py).
    erased = models.BooleanField(_("deleted by its writer"), default=False, editable=False)
    notify_replies = models.BooleanField(_("e-mail the commenter about replies"), default=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A keyed hash of the client address: enough to count posts, useless to identify anyone.
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Where an imported comment came from (e.g. "004:0.1"), so that imports change, not repeat.
    import_key = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("status"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("show_personal_data"), FieldPanel("notify_replies")],
            heading=_("Privacy and notifications"),
        ),
    ]

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "language", "status"]),
            # The moderation queue (and the admin menu's pending count on every admin page):
            # one status, newest first. Without it, counting 100,000 pending among a million
            # comments read the whole table (bench/scale.py).
            models.Index(fields=["status", "-created_at"], name="comment_status_newest"),
        ]

    def __str__(self):
        """A one-line excerpt, with phone numbers and e-mail addresses masked: it is what the
        queue, the dashboard, bulk confirmations and the audit log (its stored label) show."""
        from .rendering import masked_text

        text = masked_text(self.body) if self.has_personal_data else self.body
        excerpt = " ".join(text.split())
        return excerpt[:60] + ("…" if len(excerpt) > 60 else "")

    def save(self, *args, **kwargs):
        if self.parent_id is not None and self.root_id is None:
            self.root_id = self.parent.root_id or self.parent_id
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that a change of status (in any admin view) triggers its side effects.
        instance._loaded_status = instance.status if "status" in field_names else None
        return instance

    @property
    def held_reason_labels(self):
        """The reasons in the active language, as plain strings (lazy ones made templates'
        `join` give up and print the Python list into e-mails)."""
        labels = dict(HeldReason.choices)
        return [str(labels.get(code, code)) for code in self.held_reasons]


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """Moderation rules, editable by editors under Settings → Comments."""

    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=30,
        help_text=_("For pages set to close comments automatically: days after first publication."),
    )
    max_depth = models.PositiveSmallIntegerField(
        _("reply depth"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("How deep replies nest; 1 allows no replies."),
    )
    hold_link_count = models.PositiveSmallIntegerField(
        _("hold comments with this many links"),
        default=2,
        validators=[MinValueValidator(1)],
    )
    hold_words = models.TextField(
        _("hold word list"),
        blank=True,
        help_text=_("One word or phrase per line. A comment containing one waits for a moderator."),
    )
    reject_words = models.TextField(
        _("reject word list"),
        blank=True,
        help_text=_("One word or phrase per line. A comment containing one goes straight to spam."),
    )
    approve_known_commenters = models.BooleanField(
        _("approve known commenters"),
        default=False,
        help_text=_(
            "Publish at once a comment whose author (same name and e-mail) already has an "
            "approved comment, unless another rule holds it."
        ),
    )
    notify_moderators = models.BooleanField(_("e-mail moderators about new comments"), default=True)
    hide_after_reports = models.PositiveSmallIntegerField(
        _("hide a comment reported by this many readers"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A published comment reported by this many different readers waits for a "
            "moderator again (listed under Reported)."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("close_after_days"), FieldPanel("max_depth")], heading=_("Threads")
        ),
        MultiFieldPanel(
            [
                FieldPanel("hold_link_count"),
                FieldPanel("hold_words"),
                FieldPanel("reject_words"),
                FieldPanel("approve_known_commenters"),
            ],
            heading=_("Moderation rules"),
        ),
        FieldPanel("notify_moderators"),
        FieldPanel("hide_after_reports"),
    ]

    class Meta:
        verbose_name = _("comments")

    @staticmethod
    def word_list(text):
        return [line.strip() for line in text.splitlines() if line.strip()]


class CommentReport(models.Model):
    """One reader's report of a published comment: counted once per reader (their keyed address
    hash), open until a moderator decides on the comment."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    client_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved = models.BooleanField(_("decided"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "client_hash"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"


class MailConsent(models.Model):
    """An address's consent to reply e-mails: asked for with a comment, given by opening the
    link mailed to it (double opt-in), withdrawn with one click from any e-mail."""

    email = models.EmailField(_("e-mail"), max_length=EMAIL_MAX, unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("stopped"), null=True, blank=True)

    class Meta:
        verbose_name = _("reply e-mail consent")
        verbose_name_plural = _("reply e-mail consents")

    def __str__(self):
        return self.email
