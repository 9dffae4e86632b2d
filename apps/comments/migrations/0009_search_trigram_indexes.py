"""The moderation queue's search (name, e-mail, text; Django's icontains, which PostgreSQL runs
as UPPER(column) LIKE UPPER('%word%')) served by trigram indexes on those same expressions, so
a search among 100,000 pending comments reads the matching rows, not every row. PostgreSQL only
(pg_trgm is a trusted extension: the database's owner may create it); SQLite (`make run`) keeps
scanning, which is fast at its size."""

from django.db import migrations

INDEXES = {
    "comment_search_name": "UPPER(name::text)",
    "comment_search_email": "UPPER(email::text)",
    "comment_search_body": "UPPER(body::text)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON comments_comment "
            f"USING gin ({expression} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("comments", "0008_status_newest_index")]

    operations = [migrations.RunPython(create, drop)]
