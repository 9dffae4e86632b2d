"""The editors' view of the votes: one row per page and language, and the readers' texts."""

import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from apps.core.translation import LANGUAGE_NAMES

from .models import Reason, Vote
from .scores import grouped_scores, score_from_row


def _pages_with_votes(request):
    return Page.objects.filter(helpful_votes__isnull=False).distinct().order_by("title")


class VoteFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    page = django_filters.ModelChoiceFilter(label=_("Page"), queryset=_pages_with_votes)

    class Meta:
        model = Vote
        fields = []


class TextFilterSet(VoteFilterSet):
    reason = django_filters.ChoiceFilter(label=_("Reason"), choices=Reason.choices)


def _edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row.page_id])


def _percent(value):
    return "—" if value is None else f"{value} %"


def _trend(score):
    """Points gained or lost against the period before, as editors read it."""
    trend = score.trend
    return "—" if trend is None else f"{trend:+d}"


def _reasons(score):
    return ", ".join(f"{Reason(reason).label}: {count}" for reason, count in score.reasons.items())


def _texts_link(score):
    if not score.texts:
        return "0"
    url = reverse("feedback_texts")
    label = ngettext("%(count)d text", "%(count)d texts", score.texts) % {"count": score.texts}
    return format_html(
        '<a href="{}?page={}&amp;language={}">{}</a>', url, score.page_id, score.language, label
    )


class EditorsOnly:
    """Anyone who may add, edit or publish pages may read what readers said about them."""

    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]


class HelpfulReportView(EditorsOnly, ReportView):
    page_title = _("Was this helpful?")
    header_icon = "help"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = VoteFilterSet
    model = Vote
    columns = [
        TitleColumn("page", label=_("Page"), accessor="page_title", get_url=_edit_url),
        Column("language", label=_("Language"), accessor=lambda s: LANGUAGE_NAMES[s.language]),
        Column("yes", label=_("Yes")),
        Column("no", label=_("No")),
        Column("share", label=_("Helpful"), accessor=lambda s: _percent(s.share)),
        Column("trend", label=_("Trend (30 days)"), accessor=_trend),
        Column("reasons", label=_("Reasons"), accessor=_reasons),
        Column("texts", label=_("Texts"), accessor=_texts_link),
    ]

    def get_queryset(self):
        return Vote.objects.all()

    def filter_queryset(self, queryset):
        return grouped_scores(super().filter_queryset(queryset))

    def get_table(self, object_list):
        # The table shows the rows as decorated here, not the grouped query's dicts.
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def decorate_paginated_queryset(self, object_list):
        scores = [score_from_row(row) for row in object_list]
        titles = dict(
            Page.objects.filter(pk__in=[s.page_id for s in scores]).values_list("pk", "title")
        )
        for score in scores:
            score.page_title = titles.get(score.page_id, "")
        return scores


class HelpfulTextsView(EditorsOnly, ReportView):
    page_title = _("What readers missed")
    header_icon = "comment"
    index_url_name = "feedback_texts"
    index_results_url_name = "feedback_texts_results"
    filterset_class = TextFilterSet
    model = Vote
    columns = [
        Column(
            "text", label=_("Text"),
            accessor=lambda vote: format_html('<span dir="auto">{}</span>', vote.text),
        ),
        TitleColumn("page", label=_("Page"), accessor="page.title", get_url=_edit_url),
        Column("language", label=_("Language"), accessor=lambda v: LANGUAGE_NAMES[v.language]),
        Column("reason", label=_("Reason"), accessor="get_reason_display"),
        DateColumn("created_at", label=_("Given")),
    ]

    def get_queryset(self):
        return Vote.objects.exclude(text="").select_related("page").order_by("-created_at")
