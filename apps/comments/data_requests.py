"""A commenter's own data: a copy of their comments, or their deletion, asked for by a link
e-mailed to the address they commented with (so only that address's owner can ask).

Deleting removes each comment with no replies. A comment others have answered keeps its place
in the thread, so the answers still read as answers, but loses its name, address and text
(`erased`; the page says the writer deleted it). Either way the comment's own signals tell the
caches. Their reply-mail consent goes too.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import override

from .models import Comment, MailConsent

SALT = "mishov.comments.data"
MAX_AGE = 2 * 24 * 3600


def comments_of(email):
    """The comments written with `email` (case aside), oldest first."""
    return Comment.objects.filter(email__iexact=email.strip(), erased=False).select_related("page")


def link(email, lang, base_url):
    token = signing.dumps(email.strip().lower(), salt=SALT)
    with override(lang):
        path = reverse("comments:my_data", args=[token])
    return f"{base_url.rstrip('/')}{path}"


def read(token):
    """The address a link was sent to, or None when it is forged or too old."""
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None


def copy(email):
    """Everything stored about the address's comments, as plain data for a JSON download."""
    return {
        "email": email,
        "comments": [
            {
                "page": c.page.specific.title,
                "language": c.language,
                "posted": c.created_at.isoformat(),
                "name": c.name,
                "comment": c.body,
                "status": c.status,
                "in_reply_to": c.parent_id,
                "id": c.pk,
                "reply_emails": c.notify_replies,
            }
            for c in comments_of(email)
        ],
    }


def delete(email):
    """Delete the address's comments (erase those others replied to); returns how many."""
    with transaction.atomic():
        comments = list(comments_of(email).prefetch_related("replies"))
        for comment in comments:
            if comment.replies.all():
                comment.erased, comment.name, comment.email, comment.body = True, "", "", ""
                comment.notify_replies = False
                comment.save(update_fields=["erased", "name", "email", "body", "notify_replies"])
            else:
                comment.delete()
        MailConsent.objects.filter(email__iexact=email).delete()
    return len(comments)
