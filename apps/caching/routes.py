"""Page routing in one query instead of one per level.

wagtail-modeltranslation routes a request the way Wagtail did years ago: from the site's root,
it loads every child of each page on the path and compares their slugs in Python. A post in a
section of a thousand posts loads a thousand pages. Every page already stores its URL path in
each language (`url_path_he`, `url_path_fa`, `url_path_fi`, kept up to date by the same
package and by `set_translation_url_paths`), and page URLs are built from those columns, so
routing looks the path up there: the inverse of how the link was made.

With the fragment cache on (production), what routing finds is also kept under the content
version (apps/caching/fragments.py): the cache keeps each address's page with its privacy rules,
so that routing a request that reaches Django costs no query; Wagtail finds the request's site
itself, as it always does (Site.find_for_request). Publishing, moving or unpublishing a page,
or changing a site or a privacy rule, makes a new content version (apps/caching/invalidation.py).
"""

import hashlib
import pickle

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from apps.core.pages import is_page_of
from apps.core.translation import current_language, withdrawn_languages

from . import fragments


def localized_url_path(page, lang):
    """The page's stored URL path in `lang`, with the same fallback that built it."""
    return (
        getattr(page, build_localized_fieldname("url_path", lang), None)
        or getattr(page, build_localized_fieldname("url_path", "he"), None)
        or page.url_path
    )


def _route_to_keep(root, request, path_components, key):
    """(the route, its pickled copy kept in the cache under `key`, or None for a routable
    page's view, which is not kept)."""
    result = _route(root, request, path_components)
    page, args, kwargs = result
    if args or kwargs:
        return result, None
    # Wagtail asks every page it serves for its privacy rules (its own and its ancestors'):
    # kept with the page, they cost no query either; so do the languages it is withdrawn in,
    # which its serve reads. The root page itself comes with the request's site.
    withdrawn_languages(page)
    found = pickle.dumps((page if path_components else None, list(page.get_view_restrictions())))
    cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return result, found


def _route_key(root, request, path_components):
    path = "/".join(path_components)
    return (f"route-pickle:{root.pk}:{current_language()}:{fragments.version(request)}:"
            f"{hashlib.md5(path.encode()).hexdigest()}")  # noqa: S324 - a cache key


def _kept(key):
    """The pickled route kept under `key` in this process, else in the shared cache (then kept
    in this process too), or None."""
    kept = fragments.local_get(key)
    if kept:
        return kept[0]
    found = cache.get(key)
    if not isinstance(found, bytes):
        return None
    fragments.local_put(key, found, len(found))
    return found


def route_by_url_path(root, request, path_components):
    """Route `path_components` below `root` (the site's root page) as Page.route would."""
    if not fragments.enabled(request):
        return _route(root, request, path_components)
    # Pickled, so that every request unpickles its own page.
    key = _route_key(root, request, path_components)
    found = _kept(key)
    if found is None:
        result, found = _route_to_keep(root, request, path_components, key)
        if found is None:
            return result  # a routable page's view: not kept
        fragments.local_put(key, found, len(found))
    page, restrictions = pickle.loads(found)  # noqa: S301 - written by this site
    page = page or root
    # Plain data, read by TranslatedPage.get_view_restrictions (apps/core/pages.py).
    page.known_view_restrictions = restrictions
    return RouteResult(page)


def _pages_on_path(root, prefixes):
    """The pages below `root` whose URL path in the current language is one of `prefixes`."""
    field = build_localized_fieldname("url_path", current_language())
    pages = (
        Page.objects.filter(path__startswith=root.path, **{f"{field}__in": prefixes})
        .order_by("depth", "path")
        .only("id", "path", "depth", "live", "content_type_id", field)
    )
    by_url_path = {}
    for page in pages:
        by_url_path.setdefault(getattr(page, field), page)
    return by_url_path


def _is_routable(page):
    """A live page whose type routes the rest of the path itself."""
    routable = page is not None and is_page_of(page, RoutablePageMixin)
    return routable and page.live


def _routed_on_the_way(by_url_path, prefixes, path_components):
    """What the first live routable page on the way answers for the rest of the path, as in
    Wagtail, or None."""
    for depth, prefix in enumerate(prefixes[:-1], start=1):
        page = by_url_path.get(prefix)
        result = _is_routable(page) and _resolve_subpage(page.specific, path_components[depth:])
        if result:
            return result
    return None


def _served(page, request):
    """The path's own page: a routable page routes its root, another must be live."""
    if page is None:
        raise Http404
    page = page.specific
    if isinstance(page, RoutablePageMixin):
        return page.route(request, [])
    if not page.live:
        raise Http404
    return RouteResult(page)


def _route(root, request, path_components):
    """The path's page in one query: the stored URL paths of the page and its ancestors."""
    if not path_components:
        if root.live:
            return RouteResult(root)
        raise Http404
    base = localized_url_path(root, current_language())
    # The path's own page and every ancestor on the way, for routable pages.
    prefixes = [
        base + "/".join(path_components[:depth]) + "/"
        for depth in range(1, len(path_components) + 1)
    ]
    by_url_path = _pages_on_path(root, prefixes)
    routed = _routed_on_the_way(by_url_path, prefixes, path_components)
    return routed or _served(by_url_path.get(prefixes[-1]), request)


def _resolve_subpage(page, components):
    try:
        view, args, kwargs = page.resolve_subpage("/" + "/".join(components) + "/")
    except Http404:
        return None
    return RouteResult(page, args=(view, args, kwargs))
