"""Translating one language of a page side by side with its source, in the admin."""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Page

from apps.core.translation import LANGUAGE_CODES, direction, own_value, page_languages

from .forms import TranslateForm, start_from_source
from .models import LanguageVersion, SourceLanguage
from .outdated import source_changes
from .text import language_text, stored, stream_block, translated_fields
from .tracking import mark_up_to_date


def language_name(lang):
    """The language's name in the admin's language ("Persian" in the Finnish admin: persia)."""
    return get_language_info(lang)["name_translated"]


def source_of(page):
    """The page's recorded source language, else (never published) its first language."""
    recorded = SourceLanguage.objects.filter(page_id=page.pk).values_list("language", flat=True)
    languages = page_languages(page) or list(LANGUAGE_CODES)
    return recorded.first() or languages[0]


def _editable(request, page_id, lang):
    """The page, when `lang` is a language of the site and the user may edit the page."""
    if lang not in LANGUAGE_CODES:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _is_block(item, stream):
    return isinstance(item, dict) and item.get("type") in stream.child_blocks and "value" in item


def _posted_blocks(data, name, stream, fallback):
    """The target's blocks the form was drawn with, as it sends them back; `fallback` when
    they do not parse as blocks of this field."""
    try:
        raw = json.loads(data.get(f"skeleton-{name}", ""))
    except ValueError:
        return fallback
    valid = isinstance(raw, list) and all(_is_block(item, stream) for item in raw)
    return raw if valid else fallback


def skeletons(page, lang, source, data=None, start=False):
    """{StreamField name: the target's blocks} for the form: as posted, else as the page has
    them, with blank copies of the source's blocks it lacks when starting from the source."""
    model, result = type(page), {}
    for name in translated_fields(model):
        stream = stream_block(model, name)
        if stream is None:
            continue
        target = stored(model, name, own_value(page, name, lang))
        if data is not None:
            target = _posted_blocks(data, name, stream, target)
        elif start:
            source_blocks = stored(model, name, own_value(page, name, source))
            target = start_from_source(stream, source_blocks, target)
        result[name] = target
    return result


def _locked(request, page):
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(request, lock.get_message(request.user))
        return True
    return False


def changed_meanwhile(live, form):
    """Whether someone saved a change to the form's language of the page after the translator
    opened the form (on the revision it posts back; a change to other languages merges: the
    form writes only its own language onto the latest revision, which `form.page` holds)."""
    opened = form.data.get("revision")
    if not opened or str(opened) == str(live.latest_revision_id):
        return False
    before = live.revisions.filter(pk=opened).first()
    lang = form.lang
    return before is None or language_text(before.as_object(), lang) != language_text(
        form.page, lang
    )


def _refuse_overwrite(request, live, form):
    """Keep what the translator typed, say why it was not saved, and let the next save
    through (the form now stands on the latest revision)."""
    messages.error(
        request,
        _(
            "Someone else saved a change to this language while you were translating. Your "
            "text is kept below and was not saved: compare it with theirs in the page's "
            "history, then save again."
        ),
    )
    form.data = form.data.copy()
    form.data["revision"] = str(live.latest_revision_id)


def _saved(request, live, form):
    """Save the translation and redirect; None (and an error message) when it cannot be."""
    if changed_meanwhile(live, form):
        _refuse_overwrite(request, live, form)
        return None
    if not _locked(request, live) and form.is_valid() and form.save(request.user, form.publishing):
        published, draft = _("Translation published."), _("Translation saved as a draft.")
        messages.success(request, published if form.publishing else draft)
        return redirect("translations:translate", live.pk, form.lang)
    messages.error(request, _("The translation could not be saved; see the messages below."))
    return None


def _form(request, live, lang, source):
    """The side-by-side form on the page's latest revision, bound when posted."""
    publishing = "action-publish" in request.POST
    if publishing and not live.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    page = live.get_latest_revision_as_object()
    data = request.POST if request.method == "POST" else None
    blocks = skeletons(page, lang, source, data, start=request.GET.get("start") == "1")
    opened = live.latest_revision_id
    return TranslateForm(page, lang, source, blocks, data, publishing=publishing, revision=opened)


@require_http_methods(["GET", "POST"])
def translate(request, page_id, lang):
    """Translate `lang` of the page beside its source (see apps/translations/forms.py)."""
    live = _editable(request, page_id, lang)
    source = source_of(live)
    if lang == source:
        messages.info(request, _("This is the page's source language: edit it in the page editor."))
        return redirect("wagtailadmin_pages:edit", live.pk)
    form = _form(request, live, lang, source)
    response = _saved(request, live, form) if form.is_bound else None
    return response or TemplateResponse(
        request, "translations/translate.html", _context(request, live, form)
    )


def _context(request, live, form):
    lang, source = form.lang, form.source
    unplaced = form.attach(source_changes(live, lang))
    version = LanguageVersion.objects.filter(page=live, language=lang).first()
    return {
        "page": live,
        "form": form,
        "rows": form.rows_with_fields(),
        "unplaced": unplaced,
        "outdated": any(row.changes for row in form.rows) or bool(unplaced),
        "version": version,
        "missing_blocks": any(row.missing for row in form.rows),
        "target": {"code": lang, "name": language_name(lang), "dir": direction(lang)},
        "source": {"code": source, "name": language_name(source), "dir": direction(source)},
        "can_publish": live.permissions_for_user(request.user).can_publish(),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[live.pk]),
    }


@require_POST
def mark_current(request, page_id, lang):
    page = _editable(request, page_id, lang)
    if mark_up_to_date(page, lang, request.user):
        log(instance=page, action="translations.mark_up_to_date", user=request.user,
            data={"language": lang})  # fmt: skip
        messages.success(request, _("Marked up to date with the source."))
    else:
        messages.error(request, _("There is no published translation in this language to mark."))
    return redirect("translations:translate", page.pk, lang)
