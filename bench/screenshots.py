"""`make screenshots`: every page type in every language at 375 and 1280 px, light and dark.

PNG files go to var/screenshots/<lang>-<page type>-<width>-<scheme>.png for review; the site is
a temporary seeded copy (bench/sitekit.py). `--only fa` limits the languages. The translator's
admin screens follow (bench/translation_screenshots.py), in the admin of each language.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import translation_screenshots  # noqa: E402
from bench.sitekit import running_site  # noqa: E402
from tests.chromium import launch_chromium  # noqa: E402

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="languages (default: he fa fi)")
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with running_site(production=True) as site:
        admin = translation_screenshots.prepare()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            count = shoot_pages(browser, site, out, args.only)
            count += translation_screenshots.shoot(browser, out, admin, args.only)
            browser.close()
    print(f"{count} screenshots in {out}")


def shoot_pages(browser, site, out, only):
    """Every page type in every language, at each width and color scheme."""
    count = 0
    for (lang, kind), _path in sorted(site.paths.items()):
        if only and lang not in only:
            continue
        for width in WIDTHS:
            for scheme in SCHEMES:
                page = browser.new_page(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                page.goto(site.url((lang, kind)))
                page.wait_for_load_state("networkidle")
                target = out / f"{lang}-{kind}-{width}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                count += 1
    return count


if __name__ == "__main__":
    main()
