"""`make screenshots`: every page type in every language at 375 and 1280 px, light and dark, and
the admin (dashboard, page editor, comment moderation) in each admin language.

PNG files go to var/screenshots/<lang>-<page type>-<width>-<scheme>.png for review; the site is
a temporary seeded copy (bench/sitekit.py). `--only fa` limits the languages.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sitekit import running_site  # noqa: E402
from tests.chromium import launch_chromium  # noqa: E402

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")
ADMIN_LANGUAGES = ("he", "fa", "fi")
ADMIN_PASSWORD = "screenshots-only-1"  # noqa: S105 - an account of the temporary site


def admin_screens():
    """(name, path) of the admin screens shot in each admin language: the dashboard, a post's
    editor and the comment moderation queue. Makes an editor per language first."""
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    from apps.blog.models import BlogPostPage

    for lang in ADMIN_LANGUAGES:
        user, _created = User.objects.get_or_create(
            username=f"editor-{lang}", defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(ADMIN_PASSWORD)
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
    post = BlogPostPage.objects.live().first()
    from django.db import connections

    connections.close_all()  # the server process writes the same SQLite file
    return [
        ("dashboard", "/admin/"),
        ("editor", f"/admin/pages/{post.pk}/edit/"),
        ("moderation", "/admin/snippets/comments/comment/"),
    ]


def shoot_admin(browser, base, screens, out, only):
    """Each admin screen in each admin language at 1280 px, as admin-<lang>-<screen>.png."""
    count = 0
    for lang in ADMIN_LANGUAGES:
        if only and lang not in only:
            continue
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", f"editor-{lang}")
        page.fill("#id_password", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        for name, path in screens:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"admin-{lang}-{name}.png"), full_page=True)
            count += 1
        page.close()
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="languages (default: he fa fi)")
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with running_site(production=True) as site, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        count = 0
        for (lang, kind), _path in sorted(site.paths.items()):
            if args.only and lang not in args.only:
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
        count += shoot_admin(browser, site.base, admin_screens(), out, args.only)
        browser.close()
    print(f"{count} screenshots in {out}")


if __name__ == "__main__":
    main()
