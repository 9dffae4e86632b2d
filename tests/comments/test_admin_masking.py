"""Personal data in a comment stays masked in the admin's lists and history (issue 17, #8)."""

import html

import pytest
from django.contrib.auth.models import User

from apps.comments.models import Comment

from .conftest import post_comment

pytestmark = pytest.mark.django_db
PHONE = "040 123 4567"


@pytest.fixture
def superuser_client(client):
    from django.test import Client

    admin = Client()
    admin.force_login(User.objects.create_superuser("masker", "m@example.com", "pw"))
    return admin


def test_a_phone_number_is_masked_in_queue_dashboard_and_history(client, superuser_client):
    post_comment(client, "fi", body=f"Soita minulle {PHONE} kiitos")
    comment = Comment.objects.get(body__contains=PHONE)
    assert comment.has_personal_data
    superuser_client.post(f"/admin/moderation/comments/{comment.pk}/approve/")
    for path in (
        "/admin/snippets/comments/comment/",
        "/admin/",
        "/admin/reports/site-history/",
        f"/admin/snippets/comments/comment/history/{comment.pk}/",
    ):
        text = html.unescape(superuser_client.get(path).content.decode())
        assert "123 4567" not in text, path
    # What the moderator sees in the excerpt says what was masked.
    assert "Soita minulle [" in str(comment)
