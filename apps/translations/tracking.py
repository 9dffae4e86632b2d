"""Each publish records what changed in each language of the page.

Wagtail sends `page_published` on every path that makes a revision live: the editor's publish,
a revision reverted and published, scheduled publishing, workflow approval and the content
loader. The page's text in each language it has is compared with the text recorded at the last
publish; a language whose text changed gets its new text and time, and counts as brought up to
date with the source as published now (the translator edited it with the source in view). The
source's own change leaves the other languages as they were, so they become outdated. Languages
the page no longer has lose their record.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from apps.core.translation import LANGUAGE_CODES, page_languages

from .models import LanguageVersion, SourceLanguage
from .outdated import translation_and_source, versions_of
from .text import fingerprint, language_text


def source_language(page, languages):
    """The page's source language, recorded on its first publish as the first of `languages`
    (in the site's order: Hebrew, Persian, Finnish) and kept from then on."""
    if not languages:
        record = SourceLanguage.objects.filter(page=page).first()
        return record.language if record else None
    record, _created = SourceLanguage.objects.get_or_create(
        page=page, defaults={"language": languages[0]}
    )
    return record.language


def page_texts(page):
    """{language: text} for each language `page` exists in."""
    return {lang: language_text(page, lang) for lang in page_languages(page)}


def _updated(version, text, now, source):
    """Give `version` its language's `text` as just published; whether it changed. A changed
    language counts as brought up to date with `source` (the source's version: itself for the
    source; None when the page no longer has its source language)."""
    digest = fingerprint(text)
    if version.pk and version.fingerprint == digest:
        return False
    version.text, version.fingerprint, version.changed_at = text, digest, now
    version.bring_up_to_date(source, now)
    version.save()
    return True


def apply_texts(page, versions, texts, source, now):
    """Update `versions` ({language: LanguageVersion}) of `page` to `texts`; see the module."""
    order = sorted(texts, key=lambda lang: (lang != source, LANGUAGE_CODES.index(lang)))
    for lang in order:
        version = versions.setdefault(lang, LanguageVersion(page=page, language=lang))
        # The source comes first: its version is in `versions` by now, unless the page lost it.
        _updated(version, texts[lang], now, versions.get(source) if source in texts else None)
    gone = [lang for lang in versions if lang not in texts]
    LanguageVersion.objects.filter(page=page, language__in=gone).delete()
    for lang in gone:
        del versions[lang]


def _baseline(page, revision, now):
    """The versions of a page published before tracking began, taken from the revision before
    the one being published (all languages then counted as up to date)."""
    try:
        previous = revision.get_previous()
    except (AttributeError, Revision.DoesNotExist):  # no revision, or its page's first
        return {}
    older = previous.as_object()
    versions = {}
    apply_texts(
        page, versions, page_texts(older), source_language(page, page_languages(older)), now
    )
    return versions


@transaction.atomic
def record_publish(page, revision=None, now=None):
    """Record the languages of `page` as just published (see the module)."""
    now = now or timezone.now()
    versions = {v.language: v for v in LanguageVersion.objects.filter(page=page)}
    if not versions:
        versions = _baseline(page, revision, now)
    texts = page_texts(page)
    apply_texts(page, versions, texts, source_language(page, list(texts)), now)


def on_page_published(sender, instance, revision=None, **kwargs):
    record_publish(instance, revision)


def mark_up_to_date(page, lang, user):
    """Record that the translation of `page` into `lang` matches its source as published now,
    without editing it. Returns whether there was such a translation."""
    versions, source = versions_of(page)
    version, source_version = translation_and_source(versions, lang, source)
    if version is None:
        return False
    version.bring_up_to_date(source_version, timezone.now(), user)
    version.save()
    return True
