import time

from django.core.management.base import BaseCommand

from apps.core.translation import LANGUAGE_CODES
from apps.search.indexer import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the site search index from every live page, in one transaction: readers keep "
        "searching the old index until the new one is complete."
    )

    def handle(self, *args, verbosity=1, **options):
        started = time.monotonic()

        def progress(number, total, document):
            if verbosity >= 1:
                self.stdout.write(f"  [{number}/{total}] {document.language} {document.title}")

        self.stdout.write("Rebuilding the search index …")
        summary = rebuild(progress)
        documents = sum(summary[lang] for lang in LANGUAGE_CODES)
        per_language = ", ".join(f"{lang} {summary[lang]}" for lang in LANGUAGE_CODES)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {documents} documents ({per_language}) from {summary['pages']} pages, "
                f"{summary['terms']} terms, in {time.monotonic() - started:.1f} s."
            )
        )
