from django.core.management.base import BaseCommand, CommandError

from apps.operations.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a folder written by `backup` into the configured database, which must be "
        "freshly created and empty, and into MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by `manage.py backup`")

    def handle(self, *args, folder, **options):
        try:
            restore(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {folder}")
