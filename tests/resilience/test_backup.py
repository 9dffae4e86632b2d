"""`manage.py backup` then `manage.py restore` into a fresh database gives back the same site."""

import re
import subprocess

import pytest

from .conftest import SITE_DB
from .helpers import comment_form, get, page_url, post_comment
from .services import SiteServer, manage

pytestmark = pytest.mark.django_db

TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"


FINGERPRINT = (
    "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
    ' FROM "{table}" t'
)


def table_fingerprints(postgres, database):
    """Row count and checksum of every table's rows."""
    tables = postgres.query(database, TABLES).split("\n")
    return {table: postgres.query(database, FINGERPRINT.format(table=table)) for table in tables}


def without_form_tokens(html):
    # The comment form's token carries the time of rendering.
    return re.sub(r'name="token" value="[^"]+"', 'name="token"', html)


def test_restore_brings_a_fresh_database_back_to_the_same_pages_comments_and_media(
    running, postgres, workdir
):
    site = running
    path = page_url("004", "he")
    action, token = comment_form(get(site, path).text)
    assert post_comment(site, action, token, "Kept through a backup.").status_code == 303
    media = workdir / "site-media"
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "photo.txt").write_text("an uploaded file")

    source = {"DATABASE_URL": postgres.url(SITE_DB), "MEDIA_ROOT": str(media)}
    folder = manage("backup", "--output", str(workdir / "nightly"), env=source).stdout.strip()

    postgres.create_database("mishov_restored")
    restored_media = workdir / "restored-media"
    target = {"DATABASE_URL": postgres.url("mishov_restored"), "MEDIA_ROOT": str(restored_media)}
    manage("restore", folder, env=target)

    assert table_fingerprints(postgres, "mishov_restored") == table_fingerprints(postgres, SITE_DB)
    assert (restored_media / "original_images" / "photo.txt").read_text() == "an uploaded file"
    count = postgres.query("mishov_restored", "SELECT count(*) FROM comments_comment")
    assert int(count) > 0

    restored = SiteServer(target, workdir / "restored-server.log")
    restored.start()
    try:
        for url in ("/he/", "/fa/", "/fi/", path, "/he/feed/atom/", "/sitemap.xml"):
            before, after = get(site, url), get(restored, url)
            assert after.status_code == before.status_code == 200, url
            assert without_form_tokens(after.text).replace(
                restored.base, site.base
            ) == without_form_tokens(before.text), url
    finally:
        restored.stop()

    # A restore never overwrites a database in use.
    with pytest.raises(subprocess.CalledProcessError) as refused:
        manage("restore", folder, env=target)
    assert "not empty" in refused.value.stderr
