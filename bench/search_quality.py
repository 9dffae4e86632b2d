"""Search quality on the seed pages: recall@5 and mean reciprocal rank per language.

    make bench-search                       # temporary SQLite database, migrated and seeded here
    .venv/bin/python bench/search_quality.py --database-url sqlite:///db.sqlite3   # existing db

Each query (bench/search_queries.py) is a word, phrase or question as a reader would type it
(inflected, with prefixes, compounds together or apart, without niqqud, ZWNJ or ä/ö, misspelt)
and names the seed pages it must find. The baseline column ranks the same documents
by folded exact words (apps.analysis.tokens: niqqud, letter variants and digits folded, no
prefixes, endings or inflection removed), so the gain of the per-language analysis is visible.
"""

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_queries import QUERIES  # noqa: E402
from bench.sitekit import prepare_database, setup_django  # noqa: E402

K = 5


def seed_pages():
    """Seed number -> page id, read from content/pages/NNN-*.yaml."""
    import yaml

    from apps.seeding.loader import PAGE_MODELS

    pages = {}
    for path in sorted((ROOT / "content" / "pages").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        model = PAGE_MODELS[data["type"]]
        slug_field = f"slug_{data['language']}"
        pages[path.name[:3]] = model.objects.get(**{slug_field: data["slug"]}).pk
    return pages


class Baseline:
    """Folded exact words: same documents and ranking order, no per-language analysis."""

    def __init__(self, lang):
        from apps.analysis import tokens
        from apps.search.models import SearchDocument
        from apps.search.query import searchable_pages

        self.tokens = tokens
        pages = searchable_pages(lang).values("pk")
        self.documents = [
            (doc.page_id, Counter(tokens(doc.title)), Counter(tokens(doc.text)))
            for doc in SearchDocument.objects.filter(language=lang, page__in=pages)
        ]

    def search(self, query):
        words = set(self.tokens(query))
        ranked = []
        for page_id, title, text in self.documents:
            coverage = sum(1 for w in words if title[w] or text[w])
            if coverage:
                in_title = sum(1 for w in words if title[w])
                score = sum(4 * title[w] + text[w] for w in words)
                ranked.append((-coverage, -in_title, -score, page_id))
        return [row[-1] for row in sorted(ranked)]


def analysed_search(query, lang):
    from apps.search.query import documents_for, parse_query, rank

    return [doc.page_id for doc in documents_for(list(rank(parse_query(query, lang))))]


def metrics(ranked, relevant):
    top = ranked[:K]
    recall = len(set(top) & relevant) / len(relevant)
    rr = next((1 / (i + 1) for i, page_id in enumerate(ranked) if page_id in relevant), 0.0)
    return recall, rr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        help="an already migrated, seeded and indexed database (default: a temporary SQLite one)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mishov-bench-") as tmp:
        if args.database_url:
            setup_django(args.database_url)
        else:
            setup_django(f"sqlite:///{tmp}/bench.sqlite3")
            print("Preparing a temporary database (migrate, seed, index) …", flush=True)
            prepare_database()
        run(args.verbose)


def run(verbose):
    pages = seed_pages()
    print(f"\nSearch quality on the seed pages: recall@{K} and MRR, analysed vs baseline")
    print("(baseline: folded exact words, no prefixes, endings or inflection removed)\n")
    header = f"{'lang':5}{'queries':>8}{'recall@5':>10}{'baseline':>10}{'MRR':>8}{'baseline':>10}"
    header += f"{'ms/query':>10}"
    print(header)
    print("-" * len(header))
    totals = Counter()
    misses = []
    for lang, cases in QUERIES.items():
        baseline = Baseline(lang)
        sums = Counter()
        for query, expected in cases:
            relevant = {pages[number] for number in expected}
            started = time.perf_counter()
            ranked = analysed_search(query, lang)
            sums["ms"] += (time.perf_counter() - started) * 1000
            recall, rr = metrics(ranked, relevant)
            base_recall, base_rr = metrics(baseline.search(query), relevant)
            sums.update(recall=recall, rr=rr, base_recall=base_recall, base_rr=base_rr)
            if recall < 1 or rr < 1:
                misses.append((lang, query, expected, recall, rr))
            if verbose:
                print(f"  {lang} {query!r}: recall {recall:.2f} (baseline {base_recall:.2f})")
        n = len(cases)
        print(
            f"{lang:5}{n:>8}{sums['recall'] / n:>10.2f}{sums['base_recall'] / n:>10.2f}"
            f"{sums['rr'] / n:>8.2f}{sums['base_rr'] / n:>10.2f}{sums['ms'] / n:>10.1f}"
        )
        totals.update(sums)
        totals["n"] += n
    n = totals["n"]
    figures = {key: totals[key] / n for key in ("recall", "rr", "base_recall", "base_rr")}
    print("-" * len(header))
    print(
        f"{'all':5}{n:>8}{totals['recall'] / n:>10.2f}{totals['base_recall'] / n:>10.2f}"
        f"{totals['rr'] / n:>8.2f}{totals['base_rr'] / n:>10.2f}{totals['ms'] / n:>10.1f}"
    )
    if misses:
        print("\nNot fully found, or another page first (known gaps of the analysis):")
        for lang, query, expected, recall, rr in misses:
            pages = ", ".join(expected)
            print(f"  {lang} {query}  expected {pages}  recall {recall:.2f} rr {rr:.2f}")
    return figures


if __name__ == "__main__":
    main()
