"""The rendered approved thread of a page in one language (each of its pages, and its counts),
kept in the cache (Redis in production) so that a page with 200 comments is not re-rendered
comment by comment on every request that misses the page cache.

Only the thread every reader sees is kept: a reader with pending comments or a reply form open
gets a fresh rendering. Each (page, language) has a version token; any change to a public
comment drops the token once committed (invalidation.thread_changed), so the next request renders
anew under a new token and old renderings are never read again. COMMENTS_THREAD_CACHE_SECONDS = 0
(the default outside production) turns it off.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string

from . import content_version, fragments


def _version_key(page_id, lang):
    return f"comments:thread-version:{page_id}:{lang}"


def forget(page_id, lang):
    """The page's thread in `lang` changed: stop serving its rendering."""
    cache.delete(_version_key(page_id, lang))


def forget_many(keys):
    """forget() for many (page id, language) threads, in one call to the cache."""
    cache.delete_many([_version_key(page_id, lang) for page_id, lang in keys])


def enabled():
    return getattr(settings, "COMMENTS_THREAD_CACHE_SECONDS", 0) > 0


def render(nodes, context):
    return render_to_string("comments/thread.html", {"nodes": nodes, **context})


def _kept(page_id, lang, name, build, size):
    """build() kept under the thread's version token; built each time when there is no cache.
    Also in this process's memory (apps/caching/fragments.py): the key holds the version."""
    version = content_version.token(_version_key(page_id, lang))
    if not version:
        return build()  # no cache to keep it in
    key = f"comments:{name}:{page_id}:{lang}:{version}"
    return fragments.kept(key, build, settings.COMMENTS_THREAD_CACHE_SECONDS, size=size)


def cached_counts(page_id, lang, build):
    """The shared thread's counts (a small dict); `build()` runs only when they are not kept."""
    return _kept(page_id, lang, "thread-counts", build, size=lambda counts: 64)


def cached_thread(page_id, lang, context, build):
    """{'html', 'has_nodes'} for a page of the shared thread; `build()` returns its nodes and
    runs only when the rendering is not cached. `context` (is_open, max_depth, the page's
    number) is part of the key because the rendering depends on it."""

    def rendered():
        nodes = build()
        return {"html": render(nodes, context), "has_nodes": bool(nodes)}

    name = f"thread:{int(context['is_open'])}:{context['max_depth']}:{context['page_number']}"
    return _kept(page_id, lang, name, rendered, size=lambda thread: len(thread["html"]))
