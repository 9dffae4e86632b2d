"""The translation status report, and withdrawing or restoring one language of a page."""

from functools import reduce
from operator import or_

import django_filters
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import MultipleContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.log_actions import log
from wagtail.models import Page, get_page_content_types

from apps.core import withdrawal
from apps.core.parts import part_summary
from apps.core.translation import (
    LANGUAGE_CODES,
    current_language,
    own_value,
    page_languages,
    withdrawn_languages,
)

from .status import (
    STATE_LABELS,
    STATES,
    annotate_facts,
    annotate_parts,
    parts_of,
    state_condition,
    states_of,
)


def language_name(lang):
    """The language's name in the admin's language ("Finnish", "פינית"), from Django's own
    catalogs; the site's LANGUAGES name each language in itself."""
    return get_language_info(lang)["name_translated"]


#: The home page's children: Wagtail's root is at depth 1, the site's home page at 2.
SECTION_DEPTH = 3


def sections(request=None):
    return Page.objects.filter(depth=SECTION_DEPTH).order_by("path")


def section_titles():
    """(tree path, title in the admin's language) of each section, in one query."""
    lang = current_language()
    return [
        (section.path, own_value(section, "title", lang) or section.get_admin_display_title())
        for section in sections()
    ]


class LanguageStateFilterSet(WagtailFilterSet):
    """Pages in a state in a language (in any language when none is chosen)."""

    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[(lang, language_name(lang)) for lang in LANGUAGE_CODES],
        method="any_language",
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=[(s, STATE_LABELS[s]) for s in STATES], method="in_state"
    )

    class Meta:
        model = Page
        fields = []

    def any_language(self, queryset, name, value):
        return queryset  # read by in_state, and by the report's columns

    def in_state(self, queryset, name, value):
        chosen = self.form.cleaned_data.get("language")
        langs = [chosen] if chosen else LANGUAGE_CODES
        return queryset.filter(reduce(or_, (state_condition(lang, value) for lang in langs)))


class TranslationReportFilterSet(LanguageStateFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=sections, method="in_section"
    )
    content_type = MultipleContentTypeFilter(
        label=_("Page type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
        widget=CheckboxSelectMultiple,
    )

    class Meta:
        model = Page
        fields = []

    def in_section(self, queryset, name, value):
        return queryset.descendant_of(value, inclusive=True)


def admin_title(page):
    return format_html('<span dir="auto">{}</span>', page.get_admin_display_title())


def state_cell(lang):
    """A page's state in `lang`, as the report and the explorer show it."""

    def cell(page):
        state = page.language_states[lang]
        parts = format_html_join(
            "", '<br><span class="mishov-parts{}">{}</span>',
            ((" mishov-parts--lacking" if counts[lang] < total else "",
              part_summary(child, counts[lang], total))
             for child, total, counts in getattr(page, "parts", ())),
        )  # fmt: skip
        return format_html(
            '<span class="mishov-state mishov-state--{}">{}</span>{}',
            state, STATE_LABELS[state], parts,
        )  # fmt: skip

    return cell


def with_states(pages):
    """Give each page of a page of results its states (read from annotate_facts) and its
    parts in each language (annotate_parts)."""
    for page in pages:
        page.language_states = states_of(page)
        page.parts = parts_of(page)
        page.state_labels = {lang: STATE_LABELS[s] for lang, s in page.language_states.items()}
    return pages


class TranslationReportView(PageReportView):
    """Every page × he/fa/fi: live, draft, missing or withdrawn, and how many of its parts (a
    question's answers) exist in each language, in one query."""

    page_title = _("Translations")
    header_icon = "globe"
    index_url_name = "translations:report"
    index_results_url_name = "translations:report_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    filterset_class = TranslationReportFilterSet
    permission_required = "change"
    default_ordering = "path"
    list_export = [
        "get_admin_display_title", "section_title", "page_type_display_name",
        *(f"state_labels.{lang}" for lang in LANGUAGE_CODES),
    ]  # fmt: skip
    export_headings = {
        "get_admin_display_title": _("Page"),
        "section_title": _("Section"),
        "page_type_display_name": _("Type"),
        **{f"state_labels.{lang}": language_name(lang) for lang in LANGUAGE_CODES},
    }

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).filter(depth__gt=1)
        self.queryset = annotate_parts(annotate_facts(pages))
        return super().get_queryset()

    @cached_property
    def shown_languages(self):
        chosen = self.filters.form.cleaned_data.get("language") if self.filters.is_valid() else ""
        return [chosen] if chosen else list(LANGUAGE_CODES)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor=admin_title,
                get_url=lambda p: reverse("wagtailadmin_pages:edit", args=[p.pk]),
            ),
            Column("section", label=_("Section"), accessor="section_title"),
            Column("type", label=_("Type"), accessor="page_type_display_name"),
            *(
                Column(f"state_{lang}", label=language_name(lang), accessor=state_cell(lang))
                for lang in self.shown_languages
            ),
            DateColumn(
                "latest_revision_created_at",
                label=_("Updated"),
                sort_key="latest_revision_created_at",
            ),
        ]

    def decorate_paginated_queryset(self, object_list):
        pages = with_states(list(object_list))
        titles = section_titles()
        for page in pages:
            page.section_title = next((t for p, t in titles if page.path.startswith(p)), "")
        return pages

    def get_filename(self):
        return "translations"


def report_url(lang, state):
    return f"{reverse('translations:report')}?language={lang}&state={state}"


# Withdrawing and restoring one language.


def _withdrawable(page, lang):
    """Whether the page is live in `lang` and in another language too (never its last one)."""
    languages = page_languages(page)
    return lang in languages and len(languages) > 1


# For each action: the permission it needs, the languages it applies to, what it does, its log.
ACTIONS = {
    "withdraw": {
        "can": lambda perms: perms.can_unpublish(),
        "applies": _withdrawable,
        "do": lambda page, lang, user: withdrawal.withdraw(page, lang, user),
        "log": "translations.withdraw",
    },
    "restore": {
        "can": lambda perms: perms.can_publish(),
        "applies": lambda page, lang: lang in withdrawn_languages(page),
        "do": lambda page, lang, user: withdrawal.restore(page, lang),
        "log": "translations.restore",
    },
}


def can_act(action, page, lang, user):
    """Whether `user` may `action` ("withdraw" or "restore") `page` in `lang` now: withdraw a
    live language that is not the page's last one; restore a withdrawn one."""
    rules = ACTIONS[action]
    allowed = page.live and rules["can"](page.permissions_for_user(user))
    return bool(allowed and rules["applies"](page, lang))


def language_action(request, page_id, action, lang):
    """GET: the confirmation, in the admin's language; POST: withdraw or restore, log it in
    the page's history, and go back to the page."""
    if action not in ACTIONS or lang not in LANGUAGE_CODES:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_act(action, page, lang, request.user):
        raise PermissionDenied
    context = {"page": page, "action": action, "language": language_name(lang), "lang": lang}
    if request.method != "POST":
        return TemplateResponse(request, "translations/admin/confirm_language_action.html", context)
    ACTIONS[action]["do"](page, lang, request.user)
    log(instance=page, action=ACTIONS[action]["log"], user=request.user, data={"language": lang})
    messages.success(request, confirmation_message(action, page, lang))
    return redirect("wagtailadmin_pages:edit", page.pk)


def confirmation_message(action, page, lang):
    if action == "withdraw":
        text = _("“%(title)s” is withdrawn in %(language)s. Its text is kept.")
    else:
        text = _("“%(title)s” is published in %(language)s again.")
    return text % {"title": page.get_admin_display_title(), "language": language_name(lang)}
