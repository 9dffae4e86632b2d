"""Search that learns: what readers look for, per language, grouped by need, kept for a while.

A search is recorded when Django renders its first results page. nginx keeps a rendered search
for a minute (deploy/nginx.conf.template), and that cached path stays as fast as before: a
query asked again within its minute is served by nginx and not counted again. So the counts
are "searches that reached the site", at most one a minute for the same words: they rank needs
against each other well enough, and cost a cached search nothing. A beacon on every view would
count each view, but it would send each reader's search back to Django anyway.

Opening a result goes through a redirect (`/<lang>/search/open/<page id>/?q=…`), the same link
for everyone, never cached: that is how the report knows the queries whose results nobody opened.

Nothing recorded says who searched: no address, no cookie; the text as typed, with phone
numbers and e-mail addresses masked. Rows older than SEARCH_LOG_RETENTION_DAYS are deleted by
`manage.py prune_search_log` (run it daily).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from apps.analysis import analyze
from apps.comments.rendering import masked_text

from .indexer import index_term
from .models import LoggedSearch, OpenedResult
from .query import MAX_QUERY_LENGTH, stop_terms

NEED_LENGTH = 255


def need(text, lang):
    """The query's analysed terms without stop words, sorted: one need however it was typed."""
    terms = {index_term(term) for term in analyze(text[:MAX_QUERY_LENGTH], lang)}
    content = terms - stop_terms(lang) or terms
    return " ".join(sorted(content))[:NEED_LENGTH]


def record_search(text, lang, results):
    """Record one rendered search (a query that found something or nothing)."""
    LoggedSearch.objects.create(
        language=lang,
        need=need(text, lang),
        query=masked_text(text)[:MAX_QUERY_LENGTH],
        results=results,
        searched_at=timezone.now(),
    )


def record_opened(text, lang, page):
    OpenedResult.objects.create(
        language=lang, need=need(text, lang), page=page, opened_at=timezone.now()
    )


def prune(now=None, days=None):
    """Delete what is older than the retention; returns how many rows went."""
    days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    searches, _ = LoggedSearch.objects.filter(searched_at__lt=cutoff).delete()
    opened, _ = OpenedResult.objects.filter(opened_at__lt=cutoff).delete()
    return searches + opened
