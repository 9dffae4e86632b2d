"""The moderation queue's search (name, e-mail, text; Django's icontains, which PostgreSQL runs
as UPPER(column) LIKE UPPER('%word%')) served by trigram indexes on those same expressions, so
a search among 100,000 pending comments reads the matching rows, not every row.

The text's index holds pending comments only: a row's every trigram is written again whenever
its status changes (the status is indexed, so no update is in place), which made approving 500
comments three times slower with an index of every comment's text; approved comments leave it.
A search of the text in every status reads the table (about a second at a million comments);
the queue opens on the pending ones. PostgreSQL only (pg_trgm is a trusted extension: the
database's owner may create it); SQLite (`make run`) scans, which is fast at its size."""

from django.db import migrations

# name: (expression, which rows)
INDEXES = {
    "comment_search_name": ("UPPER(name::text)", ""),
    "comment_search_email": ("UPPER(email::text)", ""),
    "comment_search_body": ("UPPER(body::text)", " WHERE status = 'pending'"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (expression, rows) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON comments_comment "
            f"USING gin ({expression} gin_trgm_ops){rows}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("comments", "0008_status_newest_index")]

    operations = [migrations.RunPython(create, drop)]
