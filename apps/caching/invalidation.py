"""Saying what changed, in one place: every cache in front of and behind Django follows.

Three things change what readers see, and each has one function here. It works out, at once
(the objects are at hand), the Django-side keys to drop and the URLs to purge from nginx or a
CDN, and does both once the change is committed, so that no request can fill a cache with the
old content in between:

- page_changed(page): a page was published, unpublished or moved, or withdrawn or restored in
  one language. Everything rendered under the
  content version (fragments, routes) is never read again, and every URL that shows
  the page is purged (targets.page_urls).
- shared_content_changed(): something many pages show or obey (an author, a topic, a site, a
  privacy rule, the comment settings): a new content version; the page cache's TTL catches up.
- thread_changed(page_id, lang, pages): a page's public comments in one language: that
  thread's renderings and counts, and the page's URL in that language at the thread's page
  numbers `pages()` says (the comments app knows which pages a comment is on);
  threads_changed(keys, pages) the same for many threads at once, with one purge.

Wagtail's own page and site signals are connected here; the apps that own authors, topics and
comments call these functions from their own signal handlers.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from apps.core.withdrawal import page_languages_changed

from . import content_version, targets, threads
from .purge import purge_after_commit


def page_changed(page):
    transaction.on_commit(content_version.bump)
    purge_after_commit(lambda: targets.page_urls(page))


def shared_content_changed():
    transaction.on_commit(content_version.bump)


def thread_changed(page_id, lang, pages=lambda: [1]):
    transaction.on_commit(lambda: threads.forget(page_id, lang))
    purge_after_commit(
        lambda: targets.thread_urls(Page.objects.get(pk=page_id).specific, lang, pages())
    )


def threads_changed(keys, pages):
    """thread_changed for many (page id, language) threads at once (a bulk moderation):
    `pages()` says {(page id, language): page numbers}; one purge for all of them, sent by the
    task worker (purge.purge_after_commit)."""
    keys = set(keys)
    transaction.on_commit(lambda: threads.forget_many(keys))
    purge_after_commit(lambda: _thread_urls(pages()), background=True)


def _thread_urls(numbers):
    """The URLs of {(page id, language): page numbers}, the pages read in one query per type."""
    pages = Page.objects.filter(pk__in={page_id for page_id, _lang in numbers}).specific()
    by_id = {page.pk: page for page in pages}
    urls = set()
    for (page_id, lang), wanted in numbers.items():
        if page_id in by_id:
            urls |= targets.thread_urls(by_id[page_id], lang, wanted)
    return urls


def _page_signal(sender, instance, **kwargs):
    page_changed(instance)


def _shared_signal(sender, instance=None, raw=False, **kwargs):
    if not raw:
        shared_content_changed()


def connect():
    page_published.connect(_page_signal, dispatch_uid="caching.published")
    page_unpublished.connect(_page_signal, dispatch_uid="caching.unpublished")
    # A move changes the page's address in every language.
    post_page_move.connect(_page_signal, dispatch_uid="caching.moved")
    page_languages_changed.connect(_page_signal, dispatch_uid="caching.languages")
    for model in (Site, PageViewRestriction):
        connect_shared(model, f"caching.{model._meta.label}")


def connect_shared(model, uid):
    """Connect `model`'s saves and deletions to shared_content_changed (for the apps that own
    authors, topics, settings)."""
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_shared_signal, sender=model, dispatch_uid=f"{uid}.{name}")
