import re
from html import unescape

import requests

from tests.seeds import seed, seed_page, url_in


def page_url(number, lang):
    """A seed page's path in `lang` (read from the test database, which the site's copy
    was restored from)."""
    return url_in(seed_page(seed(number)), lang)


def get(site, path, **kwargs):
    return requests.get(site.base + path, timeout=10, allow_redirects=False, **kwargs)


def comment_form(html):
    """The comment form's action and signed token, from a page as a reader receives it."""
    action = re.search(r'<form method="post" action="([^"#]+)', html).group(1)
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return unescape(action), token


def post_comment(site, action, token, body):
    data = {"name": "Noa", "email": "noa@example.com", "body": body, "token": token}
    headers = {"Origin": site.base}
    return requests.post(
        site.base + action, data=data, headers=headers, timeout=10, allow_redirects=False
    )


def html_lang_dir(html):
    match = re.search(r'<html lang="(\w+)" dir="(\w+)"', html)
    return match.groups() if match else None
