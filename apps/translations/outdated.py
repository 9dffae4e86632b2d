"""Which translations are outdated, and what changed in their source since they were last
brought up to date: what the editor, the side-by-side view and the status report ask.

A translation (a language of a page other than its source language) is outdated when the source
text it was last brought up to date with is no longer the source's published text. Comparing
content rather than times, a source changed and changed back is not a change.
"""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.query import QuerySet

from .diff import text_changes
from .models import LanguageVersion, SourceLanguage


def _page_filter(pages):
    if isinstance(pages, QuerySet):
        return Q(page__in=pages.values("pk"))
    return Q(page__in=[getattr(page, "pk", page) for page in pages])


def outdated_languages(pages):
    """{page id: {language, …}} for `pages` (pages, page ids or a page queryset): the languages
    of each page whose translation is outdated. Pages with none are left out. One query."""
    rows = LanguageVersion.objects.filter(_page_filter(pages)).values_list(
        "page_id",
        "language",
        "fingerprint",
        "source_fingerprint",
        "page__translation_source__language",
    )
    rows = list(rows)
    sources = {page: digest for page, lang, digest, _synced, source in rows if lang == source}
    outdated = {}
    for page, lang, _digest, synced, source in rows:
        if lang != source and sources.get(page, synced) != synced:
            outdated.setdefault(page, set()).add(lang)
    return outdated


def outdated_in(lang):
    """The same question as SQL: a condition on pages (for filter(), annotate() or Case/When)
    that holds when the page's translation into `lang` is outdated, so a report can filter and
    count on it in the query that lists its pages."""
    source = LanguageVersion.objects.filter(
        page=OuterRef("page"), language=OuterRef("page__translation_source__language")
    )
    translation = (
        LanguageVersion.objects.filter(page=OuterRef("pk"), language=lang)
        .exclude(language=F("page__translation_source__language"))
        .annotate(current=Subquery(source.values("fingerprint")[:1]))
        .filter(current__isnull=False)
        .exclude(source_fingerprint=F("current"))
    )
    return Exists(translation)


def versions_of(page):
    """{language: LanguageVersion} of `page`, and its source language (None when unknown)."""
    versions = {v.language: v for v in LanguageVersion.objects.filter(page=page)}
    source = SourceLanguage.objects.filter(page_id=page.pk).values_list("language", flat=True)
    return versions, source.first()


def translation_and_source(versions, lang, source):
    """(the version of `lang`, the source language's version) from `versions` ({language:
    LanguageVersion}); (None, None) when `lang` is the source or either has no version."""
    if lang == source or lang not in versions or source not in versions:
        return None, None
    return versions[lang], versions[source]


def source_changes(page, lang, versions=None, source=None):
    """The Changes (apps/translations/diff.py) in `page`'s source text since its translation
    into `lang` was last brought up to date; empty when it is up to date."""
    if versions is None:
        versions, source = versions_of(page)
    version, current = translation_and_source(versions, lang, source)
    if version is None or version.source_fingerprint == current.fingerprint:
        return []
    return text_changes(type(page), version.source_text, current.text)
