"""Send purges to the configured front caches (settings.WAGTAILFRONTENDCACHE): nginx's proxy
cache through its purge module, and/or a CDN. Nothing is configured in development and tests
that do not ask for it, and then purging does nothing."""

import logging
from urllib.error import URLError
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import urlopen

from django.db import transaction
from django.utils.encoding import iri_to_uri
from django_tasks import task
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

from .compression import ENCODINGS

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


@task()
def purge_later(urls):
    """purge() by the task worker (`manage.py db_worker`, which polls every second)."""
    purge(urls)


def purge_after_commit(get_urls, background=False):
    """Work out the URLs now (the objects are at hand) and purge once the change is committed,
    so that the next request cannot fetch and cache the old content again. background=True
    for a change of many pages at once (a bulk moderation: hundreds of URLs, each sent once per
    encoding): the task worker sends them a second or so later instead of the editor's request
    waiting for each; Django's own caches are dropped at once either way."""
    if not get_backends():
        return
    try:
        urls = get_urls()
    except Exception:  # noqa: BLE001 - never fail the change itself; the cache's TTL catches up
        logger.exception("Could not work out which URLs to purge")
        return
    if background:
        transaction.on_commit(lambda: purge_later.enqueue(sorted(urls)))
    else:
        transaction.on_commit(lambda: purge(urls))


class EncodedCopiesBackend(HTTPBackend):
    """Wagtail's HTTP purge (settings.WAGTAILFRONTENDCACHE), sent once per encoding class:
    nginx keeps a page's brotli, gzip and plain copies under three keys (compression.py), and
    its purge location keys each PURGE by the request's Accept-Encoding as the page locations
    key a reader's request."""

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        for encoding in ENCODINGS:
            request = PurgeRequest(target, headers={"Host": parts.netloc,
                                                    "Accept-Encoding": encoding})
            try:
                with urlopen(request, timeout=10):  # noqa: S310 - the configured purge address
                    pass
            except URLError:
                logger.exception("Could not purge %s (%s) from %s", url, encoding,
                                 self.cache_netloc)
