"""Absolute addresses on the request's host, and hreflang alternates with x-default."""

from django.conf import settings


def absolute_url(request, url):
    """`url` made absolute with the scheme and host the reader used."""
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def x_default_language(languages):
    """x-default: the default language's version if there is one, else the first one."""
    if not languages:
        return None
    default = settings.LANGUAGE_CODE
    return default if default in languages else languages[0]


def alternates(urls):
    """hreflang alternates from {lang: absolute url}, in site order, plus x-default."""
    links = [{"code": lang, "url": url} for lang, url in urls.items()]
    fallback = x_default_language(list(urls))
    if fallback:
        links.append({"code": "x-default", "url": urls[fallback]})
    return links
