"""The translations workflow in the admin: the status report (Reports menu), the explorer's
language column and filter, the dashboard's counts, withdrawing or restoring a language, the
side-by-side view with "Translate into …" in the page header's menu, and the outdated flag on
each field whose source changed."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from apps.core.translation import LANGUAGE_CODES

from . import report, views
from .diff import changed_fields
from .outdated import source_changes, versions_of
from .status import (
    DRAFT,
    MISSING,
    OUTDATED,
    STATE_LABELS,
    WITHDRAWN,
    annotate_facts,
    state_counts,
    states_of,
)


@hooks.register("register_admin_urls")
def translations_urls():
    urls = [
        path("", report.TranslationReportView.as_view(), name="report"),
        path(
            "results/",
            report.TranslationReportView.as_view(results_only=True),
            name="report_results",
        ),
        path(
            "pages/<int:page_id>/<slug:action>/<slug:lang>/",
            report.language_action,
            name="language_action",
        ),
        path("<int:page_id>/<str:lang>/", views.translate, name="translate"),
        path("<int:page_id>/<str:lang>/up-to-date/", views.mark_current, name="mark_current"),
    ]
    return [path("translations/", include((urls, "translations")))]


def editable_pages(user):
    """The pages `user` may edit, below Wagtail's root: what the report and the counts cover."""
    return (
        PagePermissionPolicy().instances_user_has_permission_for(user, "change").filter(depth__gt=1)
    )


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def translations_report_menu_item():
    return ReportMenuItem(
        _("Translations"), reverse("translations:report"), name="translations",
        icon_name="globe", order=650,
    )  # fmt: skip


# The explorer: a column with each language's state, and the report's language/state filter.


#: What the explorer's column shows beside each language's code (the state is also spelled
#: out for screen readers and in the tooltip).
STATE_MARKS = {"live": "✓", "outdated": "↻", "draft": "✎", "missing": "—", "withdrawn": "⊘"}


def languages_cell(page):
    """Each language's code, marked with its state."""
    return format_html(
        '<span class="mishov-languages">{}</span>',
        format_html_join(
            " ",
            '<span class="w-status" title="{1}: {2}"><span aria-hidden="true">{0} {3}</span>'
            '<span class="w-sr-only">{1}: {2}</span></span>',
            (
                (lang, report.language_name(lang), STATE_LABELS[state], STATE_MARKS[state])
                for lang, state in states_of(page).items()
            ),
        ),
    )


class ExplorerFilterSet(GenericPageFilterSet, report.LanguageStateFilterSet):
    class Meta:
        model = Page
        fields = []


class TranslatedPageViewSet(PageViewSet):
    """Wagtail's page explorer with a Languages column and the language/state filter."""

    columns = [*PageViewSet.columns, Column("languages", label=_("Languages"),
                                            accessor=languages_cell)]  # fmt: skip
    filterset_class = ExplorerFilterSet


@hooks.register("register_admin_viewset")
def translated_page_viewset():
    return TranslatedPageViewSet()


@hooks.register("construct_explorer_page_queryset")
def explorer_language_facts(parent_page, pages, request):
    return annotate_facts(pages)


# The dashboard: "12 pages missing Finnish", each count a link into the report.

MISSING_SENTENCES = {
    "he": ngettext_lazy("%(count)d page missing Hebrew", "%(count)d pages missing Hebrew", "count"),
    "fa": ngettext_lazy(
        "%(count)d page missing Persian", "%(count)d pages missing Persian", "count"
    ),
    "fi": ngettext_lazy(
        "%(count)d page missing Finnish", "%(count)d pages missing Finnish", "count"
    ),
}
OTHER_SENTENCES = {
    OUTDATED: ngettext_lazy(
        "%(count)d outdated translation", "%(count)d outdated translations", "count"
    ),
    DRAFT: ngettext_lazy("%(count)d draft", "%(count)d drafts", "count"),
    WITHDRAWN: ngettext_lazy("%(count)d withdrawn", "%(count)d withdrawn", "count"),
}


def dashboard_links(lang, counts):
    """(text, report address) for `lang`: its missing pages always, outdated translations,
    drafts and withdrawn pages when there are any."""
    sentences = {MISSING: MISSING_SENTENCES[lang], **OTHER_SENTENCES}
    states = [MISSING, *(state for state in OTHER_SENTENCES if counts[lang, state])]
    return [
        (sentences[state] % {"count": counts[lang, state]}, report.report_url(lang, state))
        for state in states
    ]


class TranslationsPanel(Component):
    name = "translations"
    order = 60
    template_name = "translations/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        counts = state_counts(editable_pages(parent_context["request"].user))
        return {
            "rows": [dashboard_links(lang, counts) for lang in LANGUAGE_CODES],
            "report_url": reverse("translations:report"),
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if PagePermissionPolicy().user_has_permission(request.user, "change"):
        panels.append(TranslationsPanel())


# Withdrawing and restoring a language: in the page's header menu, logged in its history.

ACTION_LABELS = {
    "withdraw": _("Withdraw in %(language)s"),
    "restore": _("Restore in %(language)s"),
}


@hooks.register("register_page_header_buttons")
def language_buttons(page, user, view_name, next_url=None):
    for action, label in ACTION_LABELS.items():
        for lang in LANGUAGE_CODES:
            if report.can_act(action, page, lang, user):
                yield Button(
                    label % {"language": report.language_name(lang)},
                    reverse("translations:language_action", args=[page.pk, action, lang]),
                    icon_name="globe",
                    priority=62,
                )


class LanguageLogFormatter(LogFormatter):
    text = ""

    def format_message(self, log_entry):
        return self.text % {"language": report.language_name(log_entry.data.get("language"))}


@hooks.register("register_log_actions")
def language_log_actions(actions):
    @actions.register_action("translations.withdraw")
    class Withdrawn(LanguageLogFormatter):
        label = _("Withdraw one language")
        text = _("Withdrawn in %(language)s")

    @actions.register_action("translations.restore")
    class Restored(LanguageLogFormatter):
        label = _("Restore one language")
        text = _("Restored in %(language)s")

    @actions.register_action("translations.mark_up_to_date")
    class MarkedUpToDate(LanguageLogFormatter):
        label = _("Mark a translation up to date")
        text = _("Translation into %(language)s marked up to date with the source")


def _translate_button(page, lang, outdated, priority):
    label = _("Translate into %(language)s") % {"language": views.language_name(lang)}
    if outdated:
        label = _("%(action)s (outdated)") % {"action": label}
    url = reverse("translations:translate", args=[page.pk, lang])
    return Button(label, url, icon_name="globe", priority=priority)


@hooks.register("register_page_header_buttons")
def translate_buttons(page, user, view_name, next_url=None):
    """ "Translate into …" for each language but the page's source, "(outdated)" when so."""
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return []
    versions, source = versions_of(page)
    source = source or views.source_of(page)
    languages = [lang for lang in LANGUAGE_CODES if lang != source]
    return [
        _translate_button(page, lang, source_changes(page.specific, lang, versions, source), 80 + i)
        for i, lang in enumerate(languages)
    ]


@hooks.register("language_field_notes")
def outdated_field_notes(instance):
    """{form field name: note} for the page editor: each field of an outdated translation whose
    source changed, and the translation's title, say so and link to the side-by-side view."""
    if not isinstance(instance, Page) or instance.pk is None:
        return {}
    versions, source = versions_of(instance)
    notes = {}
    for lang in versions:
        changes = source_changes(instance, lang, versions, source)
        if not changes:
            continue
        context = {
            "url": reverse("translations:translate", args=[instance.pk, lang]),
            "source": views.language_name(source),
        }
        for name in {"title", *changed_fields(changes)}:
            context["changed_here"] = name in changed_fields(changes)
            notes[f"{name}_{lang}"] = render_to_string("translations/field_note.html", context)
    return notes
