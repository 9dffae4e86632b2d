"""Backups of the database and uploaded media, and restoring them into a fresh database.

A backup is a folder named by its time, holding `database.dump` (PostgreSQL's custom format,
from pg_dump) or `database.sqlite3` (SQLite's online backup), `media.tar.gz` and
`manifest.json`. pg_dump and pg_restore must be the server's major version (15 here).
"""

import json
import os
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

DUMP_NAME = "database.dump"
SQLITE_NAME = "database.sqlite3"
MEDIA_NAME = "media.tar.gz"
MANIFEST_NAME = "manifest.json"


class BackupError(Exception):
    pass


def _database():
    return settings.DATABASES["default"]


def is_postgres(db=None):
    return "postgresql" in (db or _database())["ENGINE"]


def pg_arguments(db):
    """Connection arguments for pg_dump/pg_restore/psql and the password in the environment."""
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(destination):
    """Write a new backup folder under `destination`; returns its path."""
    db = _database()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / f"mishov-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    if is_postgres(db):
        args, env = pg_arguments(db)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-acl",
                f"--file={folder / DUMP_NAME}",
                *args,
            ],
            env,
        )
    else:
        # SQLite's backup API copies a consistent snapshot even while the site writes.
        with sqlite3.connect(folder / SQLITE_NAME) as target:
            connections["default"].ensure_connection()
            connections["default"].connection.backup(target)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_NAME, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname="media")
    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "engine": db["ENGINE"],
        "database": DUMP_NAME if is_postgres(db) else SQLITE_NAME,
        "media": MEDIA_NAME,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))
    return folder


def database_is_empty():
    return not connections["default"].introspection.table_names()


def restore(folder):
    """Load a backup folder into the configured (empty) database and MEDIA_ROOT."""
    folder = Path(folder)
    manifest_path = folder / MANIFEST_NAME
    if not manifest_path.is_file():
        raise BackupError(f"{folder} is not a Mishov backup (no {MANIFEST_NAME}).")
    manifest = json.loads(manifest_path.read_text())
    db = _database()
    if is_postgres(db) != (manifest["database"] == DUMP_NAME):
        raise BackupError("The backup was made from another kind of database.")
    if not database_is_empty():
        raise BackupError(
            f"The database {db['NAME']} is not empty; restore into a freshly created database."
        )
    connections["default"].close()
    if is_postgres(db):
        args, env = pg_arguments(db)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                *args,
                str(folder / DUMP_NAME),
            ],
            env,
        )
    else:
        with sqlite3.connect(folder / SQLITE_NAME) as source, sqlite3.connect(db["NAME"]) as target:
            source.backup(target)
    _restore_media(folder / MEDIA_NAME)


def _restore_media(archive_path):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name == "media":
                continue
            # Only regular files and folders inside media/ (tarfile's data filter also refuses
            # links and paths that climb out).
            member.name = member.name.removeprefix("media/")
            archive.extract(member, media, filter="data")
