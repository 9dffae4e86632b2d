"""Admin forms whose per-language fields are written in their own language's direction."""

from django.core.exceptions import FieldDoesNotExist
from django.forms import BoundField
from django.utils.html import format_html
from modeltranslation.fields import TranslationField
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm

from .translation import direction


def field_language(model, name):
    """The language of `model`'s form field `name` (`title_fi` -> "fi"), or None when the field
    is not one language's copy of a translated field."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field.language if isinstance(field, TranslationField) else None


def language_notes(instance):
    """{form field name: HTML} that features put under per-language fields of `instance`'s form
    (a Wagtail hook, `language_field_notes`, called with the edited object), such as the flag of
    an outdated translation; core itself knows none of them."""
    notes = {}
    for describe in hooks.get_hooks("language_field_notes"):
        notes.update(describe(instance) or {})
    return notes


class LanguageBoundField(BoundField):
    """A field in one language, drawn inside `<div lang dir>` (and with lang/dir on the input
    itself where the widget takes attributes), whatever the admin's own language: Finnish typed
    into the Hebrew admin reads left to right, with its punctuation where it belongs, and
    screen readers and spell checkers know the language. The wrapper reaches what Wagtail
    draws with JavaScript (StreamField blocks such as quotes and FAQ questions, rich text)."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        lang = self.field.language
        attrs = {**(attrs or {}), "lang": lang, "dir": direction(lang)}
        html = super().as_widget(widget, attrs, only_initial)
        note = getattr(self.field, "language_note", "")
        return format_html('<div lang="{}" dir="{}">{}</div>{}', lang, direction(lang), html, note)


class LanguageFieldsMixin:
    """Marks each per-language field of the form with its language (see LanguageBoundField),
    and with the note a feature gives it (see language_notes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        notes = language_notes(self.instance)
        for name, field in self.fields.items():
            lang = field_language(self._meta.model, name)
            if lang is not None:
                field.language = lang
                field.language_note = notes.get(name, "")
                field.bound_field_class = LanguageBoundField


class LanguageFieldsForm(LanguageFieldsMixin, WagtailAdminModelForm):
    """For snippets and inline children (answers, authors, topics)."""
