"""Speed check for apps.analysis: `.venv/bin/python bench/search_analysis.py`."""

import timeit

from apps.analysis import analyze, find_terms

COMMENT = (
    "הלקוח התלונן על השירות במוקד והמכירות. "
    "مشتری‌ها از خدمات ما شکایت می‌کنند و من فردا می روم. "
    "Asiakkaat tekivät valituksen palvelusta. "
) * 40  # about 5,000 characters
ENTRIES = [f"מילה{n}" for n in range(100)] + [f"word{n}" for n in range(98)] + ["חרא", "می روم"]

if __name__ == "__main__":
    print(f"comment: {len(COMMENT)} characters, {len(ENTRIES)} entries")
    for label, call in (
        ("find_terms", lambda: find_terms(COMMENT, ENTRIES)),
        ("analyze he", lambda: analyze(COMMENT, "he")),
        ("analyze fa", lambda: analyze(COMMENT, "fa")),
        ("analyze fi", lambda: analyze(COMMENT, "fi")),
    ):
        runs = 50
        seconds = timeit.timeit(call, number=runs) / runs
        print(f"{label:12} {seconds * 1000:7.2f} ms")
