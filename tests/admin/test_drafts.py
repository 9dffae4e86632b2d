"""Editors see their unpublished drafts on the dashboard (autosave makes one of every new form),
each linked, with what would stop it from being published (an image block left empty)."""

import html

import pytest
from django.utils.translation import gettext, ngettext, override
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("luonnos", "", "pw")


def _draft(owner):
    """A never-published post with an image block whose image was never chosen, as a draft
    saved under deferred validation (autosave, "Save draft") keeps it."""
    blog = BlogIndexPage.objects.get()
    slug = f"keskenerainen-{owner.username}"
    page = BlogPostPage(title_fi="Keskeneräinen luonnos", slug_fi=slug, live=False)
    page.owner = owner
    with override("fi"):
        blog.add_child(instance=page)
    page.body_fi = [
        {"type": "paragraph", "value": "<p>Alku.</p>"},
        {"type": "image", "value": {"image": None, "alt_text": "", "caption": ""}},
    ]
    page.save_revision(user=owner)
    return page


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_dashboard_lists_my_drafts_and_what_blocks_them(client, editor, lang):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = lang
    profile.save()
    page = _draft(editor)
    other = _draft(type(editor).objects.create_superuser("toinen", "", "pw"))
    client.force_login(editor)

    text = html.unescape(client.get("/admin/").content.decode())

    with override(lang):
        heading = ngettext(
            "Your unpublished draft: %(counter)s", "Your unpublished drafts: %(counter)s", 1
        ) % {"counter": 1}
        blocked = gettext("Cannot be published yet:")
    assert not heading.startswith("Your")
    assert heading in text
    assert f'href="/admin/pages/{page.pk}/edit/"' in text
    assert f'href="/admin/pages/{other.pk}/edit/"' not in text  # someone else's draft
    panel = text.split('id="my-drafts-title"', 1)[1].split("</section>", 1)[0]
    assert "Keskeneräinen luonnos" in panel
    assert blocked in panel
    assert "[fi]" in panel and " 2" in panel  # names the field and the block's position
