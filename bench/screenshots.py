"""`make screenshots`: every page type in every language at 375 and 1280 px, light and dark
(among them the topic index, an author page and the Q&A cards), a reader's moments on them (the
"was this helpful?" form open, search results narrowed to a topic), and the admin's translation
workflow (dashboard, report) and editors' reports in the Hebrew, Persian and Finnish admin.

PNG files go to var/screenshots/<lang>-<page type>-<width>-<scheme>.png and
var/screenshots/admin-<lang>-<screen>.png for review; the site is a temporary seeded copy
(bench/sitekit.py). `--only fa` limits the languages. The translator's admin screens follow
(bench/translation_screenshots.py), in the admin of each language.
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
ADMIN_PASSWORD = "screenshots-password-1"  # noqa: S105 - a throwaway site's account
#: The admin screens shot in each admin language: (name, address).
ADMIN_SCREENS = (
    ("dashboard", "/admin/"),
    ("translations-missing-fi", "/admin/translations/?language=fi&state=missing"),
    ("translations", "/admin/translations/"),
    ("moderation", "/admin/snippets/comments/comment/"),
    ("moderation-reported", "/admin/snippets/comments/comment/?reported=true"),
)


def make_admin_users(langs):
    """An editor reading the admin in each language (before Playwright starts its loop)."""
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    for lang in langs:
        user = User.objects.create_superuser(f"screenshots-{lang}", password=ADMIN_PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()


def signed_in(browser, base, lang):
    """A browser tab signed in to the admin as make_admin_users' editor for `lang`."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", f"screenshots-{lang}")
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def admin_screenshots(browser, base, langs, out):
    """The translation workflow's admin screens in each admin language; returns the count."""
    count = 0
    for lang in langs:
        page = signed_in(browser, base, lang)
        for name, path in ADMIN_SCREENS:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"admin-{lang}-{name}.png"), full_page=True)
            count += 1
        page.close()
    return count


# The editors' reports, in each admin language, with a few votes and searches to show.
REPORTS = {
    "helpful": "/admin/reports/helpful/",
    "helpful-texts": "/admin/reports/helpful/texts/",
    "searches": "/admin/reports/searches/",
}


def add_report_data():
    """Votes and searches for the reports to show (the editors are make_admin_users')."""
    from django.db import connections
    from django.utils import timezone
    from wagtail.models import Page

    from apps.feedback.models import Vote
    from apps.search.log import record_opened, record_search

    now = timezone.now()
    samples = {
        "he": ("לקוחות", "מזגן שבור", "חסר מחיר"),
        "fa": ("مشتریان", "یخچال خراب", "قیمت نیامده"),
        "fi": ("asiakkaille", "jääkaappi rikki", "Hinta puuttui"),
    }
    articles = [page for page in Page.objects.live().specific() if getattr(page, "is_article", 0)]
    for lang, (found, missing, text) in samples.items():
        pages = [page for page in articles if page.exists_in(lang)][:2]
        for page in pages:
            for helpful, reason, written in (
                (True, "", ""),
                (True, "", ""),
                (False, "missing", text),
            ):
                Vote.objects.create(page=page, language=lang, helpful=helpful, reason=reason,
                                    text=written, created_at=now)  # fmt: skip
        for query, results in ((found, 3), (found, 3), (missing, 0)):
            record_search(query, lang, results)
        record_opened(found, lang, pages[0])
        add_reported_comment(pages[0], lang, text)
    connections.close_all()


def add_reported_comment(page, lang, text):
    """A published comment on `page` that a reader reported, for the Reported queue."""
    from apps.comments.models import Comment, CommentReport

    comment = Comment.objects.create(page=page, language=lang, name="Dana", body=text,
                                     email="dana@example.com", status="approved")  # fmt: skip
    CommentReport.objects.create(comment=comment, client_hash=lang * 32, reason="off_topic")


def open_helpful(page):
    """The reader answered "no" and sees the reasons and the text box."""
    page.locator("#helpful summary").click()
    page.locator("#helpful").scroll_into_view_if_needed()


def filtered_search_paths(paths):
    """{lang: the sample search narrowed to the sample pages' topic} (before Playwright's loop:
    it reads the topic's id)."""
    from apps.taxonomy.models import Topic

    topic = Topic.objects.get(key="customer-service")
    return {lang: f"{path}&topic={topic.pk}" for (lang, kind), path in paths.items()
            if kind == "search" and lang in topic.languages}  # fmt: skip


def moment_screenshots(browser, site, out, langs, searches):
    """A reader's moments beyond the page as it loads, at each width, light only: the helpful
    form open (the part of the article around it), results filtered by topic (full page)."""
    count = 0
    for lang in langs:
        moments = (
            ("helpful-open", site.url((lang, "article")), open_helpful, False),
            ("search-filtered", site.base + searches[lang], None, True),
        )
        for name, url, action, full_page in moments:
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(url)
                page.wait_for_load_state("networkidle")
                if action:
                    action(page)
                page.screenshot(path=str(out / f"{lang}-{name}-{width}-light.png"),
                                full_page=full_page)  # fmt: skip
                page.close()
                count += 1
    return count


def report_screenshots(browser, base, out, langs):
    count = 0
    for lang in langs:
        page = signed_in(browser, base, lang)
        for name, path in REPORTS.items():
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(f"{base}{path}?language={lang}")
                page.screenshot(path=str(out / f"{lang}-admin-{name}-{width}.png"), full_page=True)
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

    langs = [lang for lang in ("he", "fa", "fi") if not args.only or lang in args.only]
    with running_site(production=True) as site:
        make_admin_users(langs)
        admin = translation_screenshots.prepare()
        add_report_data()  # before Playwright's loop starts: Django refuses database calls in it
        searches = filtered_search_paths(site.paths)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            count = shoot_pages(browser, site, out, args.only)
            count += moment_screenshots(browser, site, out, langs, searches)
            count += admin_screenshots(browser, site.base, langs, out)
            count += translation_screenshots.shoot(browser, out, admin, args.only)
            count += report_screenshots(browser, site.base, out, langs)
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
