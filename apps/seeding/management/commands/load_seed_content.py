from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.seeding.loader import load
from apps.seeding.schema import ContentError, read_content


class Command(BaseCommand):
    help = (
        "Load the site's initial content from content/*.yaml. Validates every file first, "
        "applies everything in one transaction, and changes only what differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            default=str(Path(settings.BASE_DIR) / "content"),
            help="Folder with site.yaml, topics.yaml, authors.yaml and pages/ (default: content/).",
        )

    def handle(self, *args, path, **options):
        self.stdout.write(f"Reading {path} …")
        try:
            counts = self._apply(read_content(path))
        except ContentError as exc:  # reading or applying: either way, nothing was changed
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        if counts["created"] or counts["updated"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Done: {counts['created']} created, {counts['updated']} updated, "
                    f"{counts['unchanged']} unchanged."
                )
            )
        else:
            self.stdout.write(
                f"Nothing to change: all {counts['unchanged']} items already match the files."
            )

    def _apply(self, content):
        """Load the validated `content`, a line of progress per item; the counts by status."""
        total = len(content.topics) + len(content.authors) + 1 + len(content.site["sections"])
        total += len(content.pages)
        self.stdout.write(f"{total} items valid ({len(content.pages)} pages). Applying …")
        done = 0

        def log(status, kind, label):
            nonlocal done
            done += 1
            style = {"created": self.style.SUCCESS, "updated": self.style.WARNING}.get(status, str)
            self.stdout.write(f"  [{done}/{total}] {style(f'{status:9}')} {kind:7} {label}")

        return load(content, log)
