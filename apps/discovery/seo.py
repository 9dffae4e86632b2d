"""What a page's <head> says to search engines and social sites: canonical address, hreflang
alternates (only the languages the page exists in, plus x-default), Open Graph and JSON-LD."""

from wagtail.models import Site

from apps.core.translation import current_language, own_value, url_in

from . import structured_data
from .links import absolute_url, alternates

OG_LOCALES = {"he": "he_IL", "fa": "fa_IR", "fi": "fi_FI"}


def _head(request, lang, urls, title, description, og_type):
    return {
        "canonical": urls[lang],
        "alternates": alternates(urls),
        "og": {
            "site_name": structured_data.site_name(),
            "type": og_type,
            "title": title,
            "description": description,
            "url": urls[lang],
            "locale": OG_LOCALES[lang],
            "locale_alternates": [OG_LOCALES[code] for code in urls if code != lang],
        },
        "json_ld": [],
    }


def _page_urls(page, request):
    """{lang: absolute URL} of the page in each language it exists in and has an address in (a
    page outside any site has none to announce)."""
    urls = {code: url_in(page, code, request) for code in page.languages}
    return {code: absolute_url(request, url) for code, url in urls.items() if url}


def _site_root(request):
    site = Site.find_for_request(request)  # None without a request
    return site.root_page if site else None


def _article_times(page):
    """Open Graph's article times."""
    return {"published_time": page.first_published_at, "modified_time": page.last_published_at}


def page_head(page, request):
    """The head of `page` in the reader's language; None when it does not exist in it."""
    lang = current_language()
    urls = _page_urls(page, request)
    if lang not in urls:
        return None
    is_article = getattr(page, "is_article", False)
    head = _head(
        request,
        lang,
        urls,
        title=own_value(page, "title", lang),
        description=structured_data.page_description(page, lang),
        og_type="article" if is_article else "website",
    )
    head["og"].update(_article_times(page) if is_article else {})
    found = structured_data.for_page(page, lang, request, urls[lang], _site_root(request))
    head["json_ld"] = [structured_data.json_ld(data) for data in found]
    return head


def links_head(links, request, title, description=""):
    """The head of a view that is not a Wagtail page (a topic): from its language links."""
    lang = current_language()
    urls = {link["code"]: absolute_url(request, link["url"]) for link in links}
    if lang not in urls:
        return None
    return _head(request, lang, urls, title, description, og_type="website")


def later_listing_page(head, number):
    """The head of page `number` (2 and on) of a listing: its own address is canonical (page 1
    is another page, not a copy), and no language alternates, which name first pages."""
    url = f"{head['canonical']}?page={number}"
    return {**head, "canonical": url, "alternates": [], "og": {**head["og"], "url": url}}
