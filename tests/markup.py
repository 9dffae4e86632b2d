"""Reading what a page's <head> and markup say: JSON-LD, hreflang, canonical, meta properties."""

import html
import json
import re

_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def head(text):
    return text.split("</head>", 1)[0]


def json_ld(text):
    """Every JSON-LD object of the page, parsed."""
    return [json.loads(block) for block in _JSON_LD.findall(text)]


def json_ld_of_type(text, schema_type):
    found = [data for data in json_ld(text) if data.get("@type") == schema_type]
    assert len(found) <= 1, f"{len(found)} {schema_type} objects"
    return found[0] if found else None


def hreflangs(text):
    """hreflang -> href of the head's <link rel="alternate" hreflang> tags."""
    links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(text))
    codes = [code for code, _href in links]
    assert len(codes) == len(set(codes)), f"repeated hreflang: {codes}"
    return {code: html.unescape(href) for code, href in links}


def canonical(text):
    found = re.findall(r'<link rel="canonical" href="([^"]+)">', head(text))
    assert len(found) <= 1
    return html.unescape(found[0]) if found else None


def meta_properties(text):
    """property -> [content, …] of the head's <meta property> tags (Open Graph)."""
    result = {}
    for prop, content in re.findall(r'<meta property="([^"]+)" content="([^"]*)">', head(text)):
        result.setdefault(prop, []).append(html.unescape(content))
    return result
