"""Each page's reading time in each language, stored so that cards show it without loading the
body (apps/content/pages.py); counted here for the pages that exist."""

from django.db import migrations, models

from apps.content.pages import store_reading_times


def count(apps, schema_editor):
    store_reading_times(apps.get_model("blog", "BlogPostPage"), ("he", "fa", "fi"))


class Migration(migrations.Migration):

    dependencies = [
        ("blog", "0005_alter_blogpostpage_body_alter_blogpostpage_body_fa_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="blogpostpage",
            name="reading_times",
            field=models.JSONField(default=dict, editable=False),
        ),
        migrations.RunPython(count, migrations.RunPython.noop),
    ]
