"""Where discovery shows a page besides its own URL: the feeds, the sitemap, and the related
pages of its neighbours. Registered with apps/caching/targets.py, so that publishing purges them.

The neighbours purged are bounded: NEIGHBOURS_PURGED pages, however many pages picked this one
by hand (1,000 would be some 3,000 URLs, each purged once per encoding, on every publish). First
the page's own related pages (the ranking is symmetric, so they show it), then the pages that
picked it, most recently published first. The others show the old title or summary in their
"related" list until their copy in the page cache expires: at most the cache's TTL (ten
minutes, deploy/nginx.conf.template), since everything Django keeps rendered is keyed by the
content version that the publish replaced, so the next fill is fresh (docs/caching.md).
"""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from apps.caching.targets import urls_of
from apps.core.translation import LANGUAGE_CODES, titled_languages

from .models import RelatedPageLink
from .related import related_page_ids
from .sitemaps import sitemap_addresses

NEIGHBOURS_PURGED = 30


def _neighbour_ids(page, limit=None):
    """Up to `limit` (NEIGHBOURS_PURGED) pages whose "related" list shows `page`: its own
    related pages (the ranking is symmetric: shared topics and shared words), in every language
    the page has text in, so that a language just withdrawn leaves its neighbours too; then the
    pages that picked it by hand, the most recently published first."""
    limit = limit or NEIGHBOURS_PURGED
    ids = []
    for lang in titled_languages(page):
        ids.extend(related_page_ids(page, lang))
    ids.extend(_picked_by_hand(page, limit))
    unique = [pk for pk in dict.fromkeys(ids) if pk != page.pk]
    return unique[:limit]


def _picked_by_hand(page, limit):
    """Up to `limit` pages per kind of related link that picked `page`, newest first."""
    ids = []
    for link_model in RelatedPageLink.__subclasses__():
        picked = link_model.objects.filter(related_id=page.pk).order_by(
            F("page__last_published_at").desc(nulls_last=True), "page_id"
        )
        ids.extend(picked.values_list("page_id", flat=True)[:limit])
    return ids


def urls_showing(page):
    urls = set()
    for neighbour in Page.objects.filter(pk__in=_neighbour_ids(page)).specific():
        urls |= urls_of(neighbour)
    for lang in LANGUAGE_CODES:
        with override(lang):
            urls |= {reverse("feed-rss"), reverse("feed-atom")}
    urls.update(sitemap_addresses())
    return urls
