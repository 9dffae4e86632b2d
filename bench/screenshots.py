"""`make screenshots`: every page type in every language at 375 and 1280 px, light and dark,
and the moderation screens of reported comments in the he/fa/fi admin.

PNG files go to var/screenshots/<lang>-<page type>-<width>-<scheme>.png for review; the site is
a temporary seeded copy (bench/sitekit.py). `--only fa` limits the languages.
"""

import argparse
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sitekit import running_site  # noqa: E402
from tests.chromium import launch_chromium  # noqa: E402

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")


def reported_comment(langs):
    """A moderator account per admin language and a published comment that two readers
    reported: what the Reported queue and the moderation screen show. Made before Chromium
    starts (Django refuses database calls inside Playwright's event loop).
    Returns ({lang: (username, password)}, comment id)."""
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    from apps.comments.models import Comment, CommentReport

    accounts = {}
    for lang in langs:
        password = secrets.token_urlsafe(12)
        user, _created = User.objects.get_or_create(
            username=f"screenshots-{lang}", defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(password)
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
        accounts[lang] = (user.username, password)
    comment = Comment.objects.filter(status="approved").order_by("pk").first()
    for number, reason in enumerate(("spam", "off_topic")):
        CommentReport.objects.get_or_create(
            comment=comment, client_hash=f"screenshot-reader-{number}", defaults={"reason": reason}
        )
    return accounts, comment.pk


def moderation_screens(browser, base, out, accounts, comment_id):
    """The Reported queue and a reported comment's screen, in each admin language."""
    count = 0
    for lang, (username, password) in accounts.items():
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", password)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/admin/")
            for name, path in (
                ("reported-queue", "/admin/snippets/comments/comment/?reported=true"),
                ("reported-comment", f"/admin/moderation/comments/{comment_id}/"),
            ):
                page.goto(base + path)
                page.screenshot(path=str(out / f"{lang}-{name}-{width}-light.png"), full_page=True)
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

    with running_site(production=True) as site:
        accounts, comment_id = reported_comment(args.only or ("he", "fa", "fi"))
        from django.db import connections

        connections.close_all()
        with sync_playwright() as playwright:
            take(playwright, site, args, out, accounts, comment_id)


def take(playwright, site, args, out, accounts, comment_id):
    """Every page type, then the moderation screens."""
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
    count += moderation_screens(browser, site.base, out, accounts, comment_id)
    browser.close()
    print(f"{count} screenshots in {out}")


if __name__ == "__main__":
    main()
