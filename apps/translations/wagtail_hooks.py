"""The translation workflow in Wagtail's admin: the side-by-side view's URLs, "Translate into …"
in the page header's menu, and the outdated flag on each field whose source changed."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page

from apps.core.translation import LANGUAGE_CODES

from . import views
from .diff import changed_fields
from .outdated import source_changes, versions_of


@hooks.register("register_admin_urls")
def translation_urls():
    urls = [
        path("<int:page_id>/<str:lang>/", views.translate, name="translate"),
        path("<int:page_id>/<str:lang>/up-to-date/", views.mark_current, name="mark_current"),
    ]
    return [path("translations/", include((urls, "translations")))]


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
