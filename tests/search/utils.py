"""Searching through HTTP and making pages for search tests."""

import html
import re
from urllib.parse import urlencode

from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage

_RESULT = re.compile(
    r'<li class="search-result">.*?<h2 class="search-result__title"><a href="(?P<url>[^"]+)">'
    r"(?P<title>.*?)</a></h2>(?:\s*<p class=\"search-result__snippet\">(?P<snippet>.*?)</p>)?",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def search(client, lang, query, **params):
    """GET /<lang>/search/?q=…; returns (response, results as dicts in rank order)."""
    response = client.get(f"/{lang}/search/?{urlencode({'q': query, **params})}")
    assert response.status_code == 200
    text = response.content.decode()
    results = [
        {
            "url": match["url"],
            "title": html.unescape(_TAG.sub("", match["title"])),
            "title_html": match["title"],
            "snippet_html": match["snippet"] or "",
        }
        for match in _RESULT.finditer(text)
    ]
    return response, results


def titles(results):
    return [result["title"] for result in results]


def add_post(lang, title, slug, lead="", paragraphs=(), parent=None):
    """A published blog post that exists in `lang` only."""
    parent = parent or BlogIndexPage.objects.get()
    body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    with override(lang):
        page = BlogPostPage(
            **{f"title_{lang}": title, f"slug_{lang}": slug, f"lead_{lang}": lead},
            **{f"body_{lang}": body},
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    return BlogPostPage.objects.get(pk=page.pk)
