from django.conf import settings
from django.core.management.base import BaseCommand

from apps.search.log import prune


class Command(BaseCommand):
    help = "Delete search log rows older than SEARCH_LOG_RETENTION_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
        removed = prune(days=days)
        self.stdout.write(f"{removed} search log rows older than {days} days deleted")
