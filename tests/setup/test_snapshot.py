"""scripts/empty-database.sql.gz: the database every migration makes, loaded in one step.

`make run`'s first start loads it instead of running the migrations one by one. It must give the
same database as migrating does, and hold every migration, or a first start gets slow again.
"""

import gzip
import os
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SNAPSHOT = ROOT / "scripts" / "empty-database.sql.gz"


def migrate(database):
    """manage.py migrate on `database`, in its own process, as `make run` has it; its output."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


# Differs from one run of the migrations to the next: when each was applied, Wagtail's random
# translation keys.
RANDOM = {"applied", "translation_key"}


def columns(db, table):
    """A table's columns by name (wagtail-modeltranslation adds its columns in any order)."""
    return sorted(db.execute(f'PRAGMA table_info("{table}")'), key=lambda column: column[1])


def contents(database):
    """Every table's columns and rows, every index and trigger."""
    with closing(sqlite3.connect(database)) as db:
        other = db.execute("SELECT name, sql FROM sqlite_master WHERE type != 'table'")
        found = {"schema": sorted(other)}
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            named = [column[1] for column in columns(db, table)]
            kept = ", ".join(f'"{name}"' for name in named if name not in RANDOM)
            rows = db.execute(f'SELECT {kept} FROM "{table}"')  # noqa: S608 - the tables' own names
            found[table] = ([column[1:] for column in columns(db, table)], sorted(map(repr, rows)))
    return found


def test_the_snapshot_is_what_the_migrations_make_and_holds_all_of_them():
    with tempfile.TemporaryDirectory() as folder:
        migrated, loaded = Path(folder) / "migrated.sqlite3", Path(folder) / "loaded.sqlite3"
        migrate(migrated)
        with closing(sqlite3.connect(loaded)) as db:
            db.executescript(gzip.decompress(SNAPSHOT.read_bytes()).decode())
        # Nothing left to apply: run `make snapshot` after adding a migration.
        assert "No migrations to apply." in migrate(loaded)

        assert contents(loaded) == contents(migrated)
