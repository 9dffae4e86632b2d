"""`make budgets`: what a reader's phone downloads for a post with its comments, first visit.

Budgets: under 120 KB transferred in all, including fonts; under 15 KB of CSS and 10 KB of
JavaScript transferred (their uncompressed sizes are printed beside); no request to any other
host. Served with the production settings (compressed, fingerprinted static files; the page
itself compressed as the page cache stores and sends it, brotli for Chromium:
apps/caching/compression.py), measured in Chromium from the bytes on the wire; the HTML's
decoded size is printed beside.
"""

import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sitekit import running_site  # noqa: E402
from tests.chromium import launch_chromium  # noqa: E402

KB = 1024
BUDGETS = {"total": 120 * KB, "css": 15 * KB, "js": 10 * KB}
KINDS = {"stylesheet": "css", "script": "js", "font": "font", "document": "html", "image": "image"}


def measure(browser, url):
    """Bytes on the wire (headers and bodies) per kind of resource, and the hosts asked."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    response = page.goto(url, wait_until="networkidle")
    if response.status != 200:
        raise SystemExit(f"{url} answered {response.status}")
    wire, hosts, count = Counter(), set(), 0
    for request in responses:
        sizes = request.sizes()
        kind = KINDS.get(request.resource_type, "other")
        wire[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if kind in ("html", "css", "js"):  # also the size once decompressed
            wire[f"{kind} raw"] += len(request.response().body())
        hosts.add(urlsplit(request.url).netloc)
        count += 1
    comments = page.locator(".comment").count()
    context.close()
    wire["total"] = sum(v for k, v in wire.items() if not k.endswith(" raw"))
    return wire, hosts, count, comments


def main():
    from playwright.sync_api import sync_playwright

    rows = []
    with running_site(production=True) as site, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        own_host = urlsplit(site.base).netloc
        for lang in ("he", "fa", "fi"):
            wire, hosts, count, comments = measure(browser, site.url((lang, "post")))
            rows.append((lang, wire, hosts - {own_host}, count, comments))
        browser.close()

    print("\nA post with its comments, first load at 375 px (KB on the wire, headers included)\n")
    header = f"{'lang':6}{'comments':>9}{'requests':>9}{'html':>8}{'(raw)':>8}{'css':>8}"
    header += f"{'(raw)':>8}{'js':>8}"
    header += f"{'(raw)':>8}"
    header += f"{'fonts':>8}{'total':>8}{'other hosts':>13}"
    print(header)
    print("-" * len(header))
    worst = Counter()
    for lang, wire, others, count, comments in rows:
        print(
            f"{lang:6}{comments:>9}{count:>9}{wire['html'] / KB:>8.1f}"
            f"{wire['html raw'] / KB:>8.1f}{wire['css'] / KB:>8.1f}"
            f"{wire['css raw'] / KB:>8.1f}{wire['js'] / KB:>8.1f}{wire['js raw'] / KB:>8.1f}"
            f"{wire['font'] / KB:>8.1f}{wire['total'] / KB:>8.1f}"
            f"{len(others):>13}"
        )
        for key in BUDGETS:
            worst[key] = max(worst[key], wire[key])
    print("\nbudget   largest   limit   share of the limit")
    over = 0
    for key, limit in BUDGETS.items():
        over += worst[key] >= limit
        print(f"{key:8}{worst[key] / KB:>8.1f}{limit / KB:>8.0f}{worst[key] / limit:>12.0%}")
    others = sum(len(r[2]) for r in rows)
    print(f"requests to other hosts: {others}")
    print("\nWithin every budget." if not over and not others else "\nOver budget!")


if __name__ == "__main__":
    main()
