"""The editors' report of what readers searched for: per language, the needs asked most, those
that found nothing (with a link to start the missing page) and those whose results nobody opened."""

from urllib.parse import urlencode

import django_filters
from django.apps import apps
from django.conf import settings
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from apps.core.translation import LANGUAGE_NAMES

from .models import LoggedSearch, OpenedResult

MISSING, UNOPENED = "missing", "unopened"


def _opened_count():
    opened = (
        OpenedResult.objects.filter(language=OuterRef("language"), need=OuterRef("need"))
        .order_by()
        .values("need")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(opened, output_field=IntegerField()), Value(0))


def needs():
    """One row per (language, need): searches, most results found, an example as typed, when
    last asked, and how many results were opened; most asked first."""
    return (
        LoggedSearch.objects.values("language", "need")
        .annotate(
            searches=Count("pk"),
            found=Max("results"),
            example=Max("query"),
            last=Max("searched_at"),
            opened=_opened_count(),
        )
        .order_by("-searches", "need")
    )


class NeedFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    show = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[(MISSING, _("Found nothing")), (UNOPENED, _("Results nobody opened"))],
        method="filter_show",
    )

    class Meta:
        model = LoggedSearch
        fields = []

    def filter_show(self, queryset, name, value):
        if value == MISSING:
            return queryset.filter(found=0)
        return queryset.filter(found__gt=0, opened=0)


def new_page_parent():
    """Where the report's "start a page" links add one: the first live page that may hold a
    page of SEARCH_NEW_PAGE_TYPE (the knowledge base), or None."""
    model = apps.get_model(settings.SEARCH_NEW_PAGE_TYPE)
    parents = Page.objects.type(*model.allowed_parent_page_models()).live().order_by("path")
    return model, parents.first()


def start_page_url(model, parent, title, lang):
    """Wagtail's add-page address, the title to fill in the reader's language given along
    (static/js/admin-prefill.js fills it)."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    return f"{url}?{urlencode({'title': title, 'lang': lang})}"


class SearchReportView(ReportView):
    page_title = _("What readers search for")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = NeedFilterSet
    model = LoggedSearch
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    columns = [
        Column("example", label=_("Search"),
               accessor=lambda row: format_html('<bdi dir="auto">{}</bdi>', row["example"])),
        Column("language", label=_("Language"), accessor=lambda r: LANGUAGE_NAMES[r["language"]]),
        Column("searches", label=_("Searches")),
        Column("found", label=_("Results")),
        Column("opened", label=_("Results opened")),
        DateColumn("last", label=_("Last searched")),
        Column("start", label=_("Missing page"), accessor="start"),
    ]

    def get_queryset(self):
        return needs()

    def get_table(self, object_list):
        # The table shows the rows as decorated here, not the grouped query's dicts.
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def decorate_paginated_queryset(self, object_list):
        model, parent = new_page_parent()
        rows = list(object_list)
        for row in rows:
            row["start"] = ""
            if row["found"] == 0 and parent is not None:
                url = start_page_url(model, parent, row["example"], row["language"])
                row["start"] = format_html('<a href="{}">{}</a>', url, _("Start a page"))
        return rows
