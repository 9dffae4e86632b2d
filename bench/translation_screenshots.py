"""The translator's admin screens for `make screenshots`: the side-by-side view started from
the source, and an outdated translation with what changed in its source, in the Hebrew, Persian
and Finnish admin (var/screenshots/admin-<admin language>-translate-….png)."""

ADMIN_LANGUAGES = ("he", "fa", "fi")
PASSWORD = "screenshots-password-1"  # noqa: S105 - a throwaway site's account


def _translate_blocks(blocks):
    """The Hebrew blocks as a translator's first Persian draft: structure kept, placeholder
    Persian text in each."""
    from apps.blocks.blocks import BodyBlock
    from apps.translations.text import map_text

    stream = BodyBlock()
    return [
        {
            **item,
            "value": map_text(
                stream.child_blocks[item["type"]],
                item["value"],
                lambda path, block, value: (
                    "<p>ترجمهٔ فارسی این بند.</p>"
                    if block.__class__.__name__ == "RichTextBlock"
                    else ("ترجمهٔ فارسی" if value else value)
                ),
            ),
        }
        for item in blocks
    ]


def prepare():
    """An editor per admin language and a Hebrew post whose Persian translation is outdated;
    returns the post's id and the database's URL. Call before the browser starts (Django
    refuses the database inside Playwright's loop)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.utils.translation import override
    from wagtail.users.models import UserProfile

    from apps.blog.models import BlogPostPage
    from apps.core.translation import in_language

    for lang in ADMIN_LANGUAGES:
        user, _created = User.objects.get_or_create(
            username=f"shots-{lang}", defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(PASSWORD)
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
    hebrew_only = in_language("he") & ~in_language("fa") & ~in_language("fi")
    post = BlogPostPage.objects.filter(hebrew_only).first()
    blocks = post.body_he.raw_data[:4]
    with override("he"):
        post.title_fa, post.lead_fa = "مشتری همیشه حق دارد؟", "ترجمهٔ فارسی مقدمه."
        post.body_fa = _translate_blocks([dict(b) for b in blocks])
        post.save_revision().publish()
        post = BlogPostPage.objects.get(pk=post.pk)
        post.lead_he = post.lead_he.replace(".", ", ועכשיו גם עם דוגמה חדשה.", 1)
        body = post.body_he.raw_data
        body.insert(1, {"type": "paragraph", "value": "<p>פסקה חדשה שנוספה למקור.</p>"})
        post.body_he = list(body)
        post.save_revision().publish()
    return post.pk, f"sqlite:///{connection.settings_dict['NAME']}"


def _signed_in(browser, base, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 2400})
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", f"shots-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def shoot(browser, out, prepared, only=None):
    """Take the screenshots; returns how many. The admin is served by the development settings
    (the production ones want HTTPS for a signed-in session)."""
    from bench.sitekit import serve

    post, database_url = prepared
    with serve(database_url) as base:
        return _shoot(browser, base, out, post, only)


def _shoot(browser, base, out, post, only):
    count = 0
    for lang in ADMIN_LANGUAGES:
        if only and lang not in only:
            continue
        page = _signed_in(browser, base, lang)
        for name, path in (
            ("outdated", f"/admin/translations/{post}/fa/"),
            ("start", f"/admin/translations/{post}/fi/?start=1"),
        ):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"admin-{lang}-translate-{name}-1280.png"))
            count += 1
        page.close()
    return count
