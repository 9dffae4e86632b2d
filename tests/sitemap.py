"""Reading the whole sitemap as a search engine does: /sitemap.xml, then each file it indexes."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_files(client, **extra):
    """[(path with query, body)] of every file the sitemap index lists, in its order."""
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{SM}sitemapindex"
    files = []
    for loc in root.iter(f"{SM}loc"):
        parts = urlsplit(loc.text)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        file = client.get(path, **extra)
        assert file.status_code == 200, path
        files.append((path, file.content))
    return files


def sitemap_text(client, **extra):
    """Every file of the sitemap, one after the other (for looking up addresses)."""
    return "\n".join(body.decode() for _path, body in sitemap_files(client, **extra))


def sitemap_locations(client, **extra):
    """Every <loc> of the sitemap's files."""
    return re.findall(r"<loc>([^<]+)</loc>", sitemap_text(client, **extra))
