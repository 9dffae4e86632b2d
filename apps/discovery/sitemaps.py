"""The sitemap: /sitemap.xml indexes a file per kind (pages, topics, topic index), each split
into parts of at most SITEMAP_URLS_PER_FILE addresses. Every live page is listed in every
language it exists in, with hreflang alternates that name only its real translations plus
x-default; topics likewise."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page, Site

from apps.core.listing import page_addresses
from apps.core.pages import SectionIndexPage, is_page_of
from apps.core.translation import LANGUAGE_CODES, page_languages, url_in, with_pages_in
from apps.people.models import Author
from apps.people.views import author_url, languages_of
from apps.taxonomy.models import Topic
from apps.taxonomy.views import index_languages, languages_with_pages, topic_links

from .links import alternates


class _LanguageSitemap(Sitemap):
    """Items are (object, lang, {lang: path}) triples; alternates come from the same paths."""

    def __init__(self, request):
        self.request = request

    @property
    def limit(self):
        """Addresses per file of the sitemap index."""
        return settings.SITEMAP_URLS_PER_FILE

    def location(self, item):
        _obj, lang, paths = item
        return paths[lang]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        prefix = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            _obj, _lang, paths = url["item"]
            url["alternates"] = _alternates(paths, prefix)
        return urls


def _alternates(paths, prefix):
    """The hreflang alternates of one item's {lang: path}, as absolute URLs."""
    urls = {code: path if "://" in path else prefix + path for code, path in paths.items()}
    return [{"lang_code": link["code"], "location": link["url"]} for link in alternates(urls)]


def _entries(objects_and_paths):
    """A sitemap's items: (object, lang, paths) for each language of each (object, {lang: path})
    pair."""
    return [(obj, lang, paths) for obj, paths in objects_and_paths for lang in paths]


def _public_pages(root):
    """The site's live public pages, each knowing which languages it has pages in."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .annotate(**{f"has_pages_{lang}": with_pages_in(lang) for lang in LANGUAGE_CODES})
        .prefetch_related("language_withdrawals")
        .order_by("path")
    )


def _listed_languages(page):
    """The page's languages; a section only those it has pages in (no empty rooms)."""
    langs = page_languages(page)
    if not is_page_of(page, SectionIndexPage):
        return langs
    return [lang for lang in langs if getattr(page, f"has_pages_{lang}")]


class PageSitemap(_LanguageSitemap):
    def items(self):
        site = Site.find_for_request(self.request)
        pages = _public_pages(site.root_page) if site else ()
        return _entries((page, self._paths(page)) for page in pages)

    def _paths(self, page):
        """{lang: path} of the page in each language it is listed and has an address in."""
        paths = {lang: url_in(page, lang, self.request) for lang in _listed_languages(page)}
        return {lang: path for lang, path in paths.items() if path}

    def lastmod(self, item):
        return item[0].last_published_at


def _topics(request):
    """All topics and the languages each has pages in, read once for the request's sitemaps."""
    if not hasattr(request, "_sitemap_topics"):
        topics = list(Topic.objects.all())
        request._sitemap_topics = topics, languages_with_pages(topics)
    return request._sitemap_topics


class TopicSitemap(_LanguageSitemap):
    def items(self):
        topics, languages = _topics(self.request)
        return _entries((topic, self._paths(topic, languages[topic.pk])) for topic in topics)

    def _paths(self, topic, languages):
        """{lang: path} of the topic's page in each of `languages`."""
        return {link["code"]: link["url"] for link in topic_links(topic, languages)}


class TopicIndexSitemap(_LanguageSitemap):
    """The topic index of each language that has topics with pages."""

    def items(self):
        _all, languages = _topics(self.request)
        paths = {lang: _topic_index_path(lang) for lang in index_languages(languages)}
        return _entries([("topic-index", paths)])


def _topic_index_path(lang):
    with override(lang):
        return reverse("topic-index")


SECTIONS = ("pages", "topics", "topic-index", "authors")


class AuthorSitemap(_LanguageSitemap):
    """Each author's page in each language they have live pages in."""

    def items(self):
        authors = list(Author.objects.all())
        languages = languages_of(authors)
        return _entries(
            (author, {lang: author_url(author, lang) for lang in languages[author.pk]})
            for author in authors
        )


def sitemaps_for(request):
    return {
        "pages": PageSitemap(request),
        "topics": TopicSitemap(request),
        "topic-index": TopicIndexSitemap(request),
        "authors": AuthorSitemap(request),
    }


def sitemap_addresses():
    """The index and the first parts of each file, for the page cache's purge."""
    return [reverse("sitemap")] + [
        address
        for section in SECTIONS
        for address in page_addresses(reverse("sitemap-file", args=[section]), param="p")
    ]
