"""Imports a page's existing comment thread from a content file, as approved comments.

Each comment is keyed by its position in the file ("0", "0.0", "1", …), so a second import
changes only what differs. A comment without a `posted:` date is dated at the page's first
publication, one second apart in thread order: the order of the thread is kept and no date is
invented.
"""

import datetime

from .models import Comment
from .segments import has_personal_data


def sync_comments(page, lang, specs):
    """Make the page's imported comments in `lang` match `specs`; returns how many changed."""
    existing = {
        c.import_key: c
        for c in Comment.objects.filter(page_id=page.pk, language=lang).exclude(import_key="")
    }
    start = page.first_published_at
    changed = 0
    order = 0

    def walk(items, parent, prefix, depth):
        nonlocal changed, order
        for i, spec in enumerate(items):
            key = f"{prefix}{i}"
            order += 1
            wanted = {
                "parent_id": parent.pk if parent else None,
                "depth": depth,
                "name": spec["name"],
                "email": spec["email"],
                "body": spec["body"],
                "is_author_reply": spec["author_reply"],
                "status": Comment.Status.APPROVED,
                "has_personal_data": has_personal_data(spec["body"]),
                "created_at": spec["posted"] or start + datetime.timedelta(seconds=order),
            }
            comment = existing.pop(key, None)
            if comment is None:
                comment = Comment.objects.create(
                    page_id=page.pk, language=lang, import_key=key, **wanted
                )
                changed += 1
            else:
                differs = {k: v for k, v in wanted.items() if getattr(comment, k) != v}
                if differs:
                    for name, value in differs.items():
                        setattr(comment, name, value)
                    comment.save()
                    changed += 1
            walk(spec["replies"], comment, f"{key}.", depth + 1)

    walk(specs, None, "", 1)
    for removed in existing.values():
        # Gone from the file: replies of a removed comment go with it.
        if Comment.objects.filter(pk=removed.pk).exists():
            removed.delete()
            changed += 1
    return changed
