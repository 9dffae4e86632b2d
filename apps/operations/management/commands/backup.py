from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.operations.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or SQLite's online backup) and the media "
        "files into a new timestamped folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BASE_DIR / "var" / "backups"),
            help="folder that receives the new backup folder (default var/backups)",
        )

    def handle(self, *args, output, **options):
        try:
            folder = backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(folder))
