"""Send purges to the configured front caches (settings.WAGTAILFRONTENDCACHE): nginx's proxy
cache through its purge module, and/or a CDN. Nothing is configured in development and tests
that do not ask for it, and then purging does nothing."""

import logging
from urllib.parse import urljoin

from django.db import transaction
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

logger = logging.getLogger(__name__)


def _absolute(url, root_url):
    return iri_to_uri(urljoin(root_url + "/", url))


def _root_url():
    """The default site's root URL, which site-relative URLs are purged under."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else "http://localhost"


def purge(urls):
    """Purge `urls` (site-relative or absolute) from every configured cache."""
    backends = get_backends()
    if not backends:
        return
    root_url = _root_url()
    absolute = sorted({_absolute(url, root_url) for url in urls})
    for name, backend in backends.items():
        try:
            backend.purge_batch(absolute)
        except Exception:  # noqa: BLE001 - a cache that is down must not fail a publish
            logger.exception("Purging %d URLs from the %s cache failed", len(absolute), name)


def purge_after_commit(get_urls):
    """Work out the URLs now (the objects are at hand) and purge once the change is committed,
    so that the next request cannot fetch and cache the old content again."""
    if not get_backends():
        return
    try:
        urls = get_urls()
    except Exception:  # noqa: BLE001 - never fail the change itself; the cache's TTL catches up
        logger.exception("Could not work out which URLs to purge")
        return
    transaction.on_commit(lambda: purge(urls))
