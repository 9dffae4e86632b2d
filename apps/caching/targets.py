"""Which public URLs show a page, so that publishing can purge them.

A page appears on its own URL in every language and on its ancestors (section listings with
their first pages, and the home page); the apps that show pages elsewhere say where, by
registering a source: discovery (feeds, the sitemap, the related pages of its neighbours),
taxonomy (its topics' pages). Search results are cached for a minute only and not purged
(deploy/nginx.conf.template).
"""

from apps.core.listing import listing_addresses
from apps.core.pages import SectionIndexPage
from apps.core.translation import LANGUAGE_CODES, url_in

_sources = []


def register(source):
    """Add `source(page)`: site-relative URLs, besides the page's own, that show `page`."""
    if source not in _sources:
        _sources.append(source)
    return source


def urls_of(page, languages=LANGUAGE_CODES):
    """The page's own URL in each language; every language, not only those the page exists in
    now: a translation that was just removed must leave the cache too."""
    return {url_in(page, lang) for lang in languages} - {None}


def page_urls(page):
    """Site-relative URLs to purge when `page` is published, unpublished or moved."""
    page = page.specific
    urls = urls_of(page)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        own = urls_of(ancestor)
        urls |= listing_addresses(own) if isinstance(ancestor, SectionIndexPage) else own
    for source in _sources:
        urls |= set(source(page))
    return urls


def thread_urls(page, lang, numbers):
    """The page's URL in `lang` at the comment pages `numbers` (page 1 is the URL itself, page
    N its ?page=N, as nginx keys them); none when the page has no URL in `lang`."""
    url = url_in(page, lang)
    if url is None:
        return set()
    return {url if number <= 1 else f"{url}?page={number}" for number in numbers}
