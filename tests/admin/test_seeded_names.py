"""The groups and the workflow the site is installed with keep their stored (English) names,
which code and tests look them up by, while the admin shows them in the editor's language; a
name an editor types is stored and shown as typed (apps/core/seeded_names.py)."""

import html

import pytest
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext, override
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from tests.admin.forms import form_data, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_admin(client):
    user = User.objects.create_superuser("nimet-http", "nimet-http@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    client.force_login(user)
    return client


def _text(response):
    return html.unescape(response.content.decode())


def _save_group(client, group, name=None):
    """Submit the group's edit form as the editor's browser would, with `name` typed in."""
    url = f"/admin/groups/edit/{group.pk}/"
    data = form_data(_text(client.get(url)), form_id=None)
    if name is not None:
        data["name"] = name
    assert submitted(client.post(url, data))
    return data


def test_the_stored_names_stay_as_the_migrations_wrote_them():
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.tasks.get().name == "Moderators approval"


def test_a_seeded_name_made_from_one_keeps_the_stored_text():
    from apps.core.seeded_names import SeededName

    with override("fi"):
        copy = SeededName(SeededName("Editors"))
        assert str.__str__(copy) == "Editors" and str(copy) == "Toimittajat"


def test_a_seeded_name_reads_in_the_active_language():
    group = Group.objects.get(name="Editors")
    assert group.name == "Editors"  # compares, and is looked up, as stored
    # Wagtail formats names into its messages with %: "Submit to %(workflow_name)s".
    with override("fi"):
        assert str(group.name) == gettext("Editors") == "Toimittajat"
        assert "%(name)s" % {"name": group.name} == "Toimittajat"  # noqa: UP031
    with override("he"):
        assert "%(name)s" % {"name": group.name} == "עורכים"  # noqa: UP031


def test_the_groups_listing_is_in_the_admins_language(finnish_admin):
    text = _text(finnish_admin.get("/admin/groups/"))
    assert "Toimittajat" in text and "Moderaattorit" in text
    assert "Editors" not in text


def test_saving_a_seeded_group_unchanged_keeps_its_name(finnish_admin):
    group = Group.objects.get(name="Editors")
    data = _save_group(finnish_admin, group)
    assert data["name"] == "Toimittajat"  # the editor sees the name in their language
    group.refresh_from_db()
    assert group.name == "Editors"


def test_a_group_renamed_by_an_editor_keeps_the_typed_name(finnish_admin):
    group = Group.objects.get(name="Moderators")
    _save_group(finnish_admin, group, "Kommenttien valvojat")
    group.refresh_from_db()
    assert group.name == "Kommenttien valvojat"
    with override("he"):
        assert str(Group.objects.get(pk=group.pk).name) == "Kommenttien valvojat"


def test_an_editors_own_workflow_name_is_shown_as_typed(finnish_admin):
    Workflow.objects.create(name="Käännösten tarkistus")
    text = _text(finnish_admin.get("/admin/workflows/list/"))
    assert "Käännösten tarkistus" in text
    assert "Moderaattorien hyväksyntä" in text


def test_a_workflow_log_entry_names_the_workflow_in_the_readers_language(finnish_admin):
    from wagtail.models import PageLogEntry

    from apps.kb.models import ArticlePage

    user = User.objects.get(username="nimet-http")
    article = ArticlePage.objects.live().first()
    article.save_revision(user=user)
    state = Workflow.objects.get(name="Moderators approval").start(article, user)
    entry = PageLogEntry.objects.filter(page=article, action="wagtail.workflow.start").latest("pk")
    assert entry.data["workflow"]["title"] == "Moderators approval"  # stored as written
    with override("fi"):
        assert entry.message == (
            "'Moderaattorien hyväksyntä' käynnistetty. Seuraava vaihe 'Moderaattorien hyväksyntä'"
        )
    state.cancel(user=user)
