"""No English in the Hebrew, Persian or Finnish admin: an editor in each language walks the real
admin in Chromium (dashboard and its menus, explorer, the editor of every page type with its
panels and schedule dialog, history, revisions, delete/move/copy/unpublish, search, snippets,
the comment moderation screens, images, documents, reports, settings, users and groups, account)
and every visible text and title/aria-label/placeholder is checked (tests/browser/admin_words.py).
"""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site, Workflow
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.comments.models import Comment
from apps.home.models import HomePage
from apps.kb.models import ArticlePage
from apps.people.models import Author
from tests.browser.admin_words import walk
from tests.seeds import CONTENT

PASSWORD = "language-password-1"  # noqa: S105 - a test account
LANGUAGES = ("he", "fa", "fi")
# Names the site's data gives, which are not the admin's words: the root page's title.
DATA_NAMES = ("Root",)


def _words(*texts):
    return {w.lower() for text in texts for w in re.findall(r"[^\W\d_]+", text or "")}


def _names():
    """Every word of the test data's own names and texts: the seed content's files, accounts,
    authors, comment writers, page titles and log labels (content, not admin strings)."""
    texts = list(DATA_NAMES)
    texts += [path.read_text(encoding="utf-8") for path in CONTENT.rglob("*.yaml")]
    texts += [f"{u.username} {u.email}" for u in User.objects.all()]
    texts += [str(a) for a in Author.objects.all()]
    texts += [f"{c.name} {c.body}" for c in Comment.objects.all()]
    for page in Page.objects.all():
        texts += [getattr(page, f"title_{lang}", "") or "" for lang in LANGUAGES] + [page.title]
    # Log labels, also of objects other test modules made and deleted (site history).
    texts += list(PageLogEntry.objects.values_list("label", flat=True))
    texts += list(ModelLogEntry.objects.values_list("label", flat=True))
    texts += [i.title for i in Image.objects.all()] + [d.title for d in Document.objects.all()]
    texts += [s.hostname for s in Site.objects.all()]
    return frozenset(_words(*texts))


def _media():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (30, 90, 160)).save(buffer, "PNG")
    image = Image.objects.create(
        title="asiakaspalvelu",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="asiakaspalvelu.png"),
    )
    document = Document.objects.create(title="ohje", file=ContentFile(b"ohje", name="ohje.txt"))
    return image, document


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    """An editor per admin language, an image and a document, a post with a scheduled
    revision (so the explorer and editor show their scheduled states), and the ids to visit."""
    with django_db_blocker.unblock():
        for lang in LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"kieli-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        image, document = _media()
        post = BlogPostPage.objects.live().first()
        scheduled = post.save_revision(user=user)
        scheduled.approved_go_live_at = timezone.now() + datetime.timedelta(days=3)
        scheduled.publish()
        # A knowledge-base article in the seeded workflow: its status panel, the dashboard's
        # review list and the workflow report show the workflow's and the task's names.
        article = ArticlePage.objects.live().first()
        article.save_revision(user=user)
        moderation = Workflow.objects.get(name="Moderators approval").start(article, user)
        types = {}
        for page in Page.objects.filter(depth__gt=1).specific():
            types.setdefault(type(page).__name__, page.pk)
        types["ArticlePage"] = article.pk
        ids = {
            "home": HomePage.objects.first().pk,
            "blog": BlogIndexPage.objects.first().pk,
            "post": post.pk,
            "moderated": article.pk,
            "types": types,
            "revision": scheduled.pk,
            "comment": Comment.objects.first().pk,
            "image": image.pk,
            "user": user.pk,
            "group": Group.objects.get(name="Editors").pk,
            "names": _names(),
        }
        yield ids
        moderation.cancel(user=user)
        article.get_latest_revision().delete()
        ArticlePage.objects.filter(pk=article.pk).update(has_unpublished_changes=False)
        image.delete()
        document.delete()
        post.get_latest_revision().delete()
        type(post).objects.filter(pk=post.pk).update(has_unpublished_changes=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_in_the_admin(browser, server_url, browser_data, lang):
    page = browser.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"kieli-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    assert page.locator("html").get_attribute("lang") == lang

    found = walk(page, server_url, browser_data, browser_data["names"])
    page.close()
    report = sorted({f"{screen} · {where}: {line}" for screen, where, line in found})
    assert not report, f"English in the {lang} admin:\n" + "\n".join(report)
