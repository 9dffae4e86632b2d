from django.core.management.base import BaseCommand

from apps.caching.edge_headers import nginx_lines


class Command(BaseCommand):
    help = (
        "Print the add_header lines that nginx's cached locations include: the public pages' "
        "security headers, from these settings (apps/caching/edge_headers.py)."
    )

    def handle(self, *args, **options):
        self.stdout.write(nginx_lines(), ending="")
