"""The rendered approved thread of a page in one language, kept in the cache (Redis in
production) so that a page with 200 comments is not re-rendered comment by comment on every
request that misses the page cache.

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


def enabled():
    return getattr(settings, "COMMENTS_THREAD_CACHE_SECONDS", 0) > 0


def render(nodes, context):
    return render_to_string("comments/thread.html", {"nodes": nodes, **context})


def cached_thread(page_id, lang, context, build):
    """{'html', 'count', 'has_nodes'} for the shared thread; `build()` returns (nodes, count)
    and runs only when the rendering is not cached. `context` (is_open, max_depth) is part of
    the key because the rendering depends on it."""
    version = content_version.token(_version_key(page_id, lang))
    key = (
        f"comments:thread:{page_id}:{lang}:{version}:"
        f"{int(context['is_open'])}:{context['max_depth']}"
    )

    def rendered():
        nodes, count = build()
        return {"html": render(nodes, context), "count": count, "has_nodes": bool(nodes)}

    if not version:
        return rendered()  # no cache to keep it in
    # Also in this process's memory (apps/caching/fragments.py): the key holds the version.
    return fragments.kept(
        key, rendered, settings.COMMENTS_THREAD_CACHE_SECONDS,
        size=lambda thread: len(thread["html"]),
    )
