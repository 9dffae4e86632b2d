import re

import pytest
from django.core.cache import cache

from tests.seeds import seed, seed_page, url_in

# One commentable seed page per language: the Hebrew coaching post (with its imported thread),
# the Persian knowledge-base article and the Finnish Q&A page.
COMMENT_SEEDS = {"he": "004", "fa": "003", "fi": "001"}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counts live in the cache; each test starts from none."""
    cache.clear()
    yield
    cache.clear()


def commentable(lang):
    page = seed_page(seed(COMMENT_SEEDS[lang]))
    return page, url_in(page, lang)


def form_token(client, url):
    html = client.get(url).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "the page has no comment form"
    return match.group(1)


def answer(client, response):
    """What the writer sees after a post: one that went wrong is redirected (303) to the form's
    own address, where their draft waits (apps/comments/drafts.py)."""
    if response.status_code == 303 and "/comments/post/" in response["Location"]:
        return client.get(response["Location"])
    return response


def post_comment(client, lang, **fields):
    """Fetch the page as a reader would, then send its comment form with `fields`."""
    page, url = commentable(lang)
    data = {
        "name": "Dana",
        "email": "dana@example.com",
        "body": "A thoughtful comment.",
        "token": form_token(client, url),
        **fields,
    }
    data = {k: v for k, v in data.items() if v is not None}
    return answer(client, client.post(f"/{lang}/comments/post/{page.pk}/", data)), page, url
