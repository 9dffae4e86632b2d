"""Reindex benchmark: `make bench-reindex` (not a test; figures only).

Builds a temporary SQLite site with the seed content, adds generated blog posts (copies of the
seed posts' text in all their languages, 10,000 pages by default), then runs the real
`manage.py reindex_search` and prints its progress and the time it took. Target: under a minute
for 10,000 pages. The page generation itself is not timed.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search_quality import prepare_database, setup_django  # noqa: E402

TARGET_SECONDS = 60
TRANSLATED = ("title", "slug", "lead", "body")


def generate_pages(count):
    """`count` live blog posts cloned from the seeded ones, under the first blog index."""
    from django.conf import settings
    from django.db import transaction

    from apps.blog.models import BlogIndexPage, BlogPostPage

    languages = [code for code, _name in settings.LANGUAGES]
    # Generation only has to be quick: Wagtail's own search index, its reference index and the
    # per-page validation (slug uniqueness among ever more siblings) are switched off for it.
    # The benchmark times Mishov's reindex, which none of these touch.
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail import signal_handlers as wagtail_signals

    for model in (BlogPostPage, *BlogPostPage.__mro__[1:4]):
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(wagtail_signals.update_reference_index_on_save, sender=model)
    BlogPostPage.full_clean = lambda self, *args, **kwargs: None
    sources = list(BlogPostPage.objects.live())
    parent = BlogIndexPage.objects.first()
    started = time.monotonic()
    with transaction.atomic():
        for number in range(count):
            source = sources[number % len(sources)]
            fields = {
                f"{name}_{lang}": getattr(source, f"{name}_{lang}")
                for name in TRANSLATED
                for lang in languages
            }
            for lang in languages:
                if fields[f"slug_{lang}"]:
                    fields[f"slug_{lang}"] = f"{fields[f'slug_{lang}'][:40]}-{number}"
            fields["slug"] = f"generated-{number}"
            fields["title"] = fields[f"title_{languages[0]}"] or source.title
            parent.add_child(instance=BlogPostPage(**fields))
            if (number + 1) % 1000 == 0:
                print(f"  generated {number + 1}/{count} pages", flush=True)
    print(f"Generated {count} pages in {time.monotonic() - started:.0f} s (not timed below).")


def main():
    parser = argparse.ArgumentParser(description="Time manage.py reindex_search.")
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(f"sqlite:///{tmp}/bench.sqlite3")
        prepare_database()
        generate_pages(args.pages)
        from django.core.management import call_command

        from apps.search.models import SearchDocument

        started = time.monotonic()
        # verbosity 1 prints one progress line per document, as an operator sees it.
        call_command("reindex_search", verbosity=1)
        seconds = time.monotonic() - started
        documents = SearchDocument.objects.count()
        print(
            f"\nreindex_search: {args.pages} generated pages + seed, {documents} documents, "
            f"{seconds:.1f} s ({documents / seconds:,.0f} documents/s); "
            f"target < {TARGET_SECONDS} s for 10,000 pages: "
            + ("ok" if seconds < TARGET_SECONDS or args.pages < 10_000 else "MISSED")
        )


if __name__ == "__main__":
    main()
