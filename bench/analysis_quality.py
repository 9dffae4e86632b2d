"""Lemma-level analysis measured against Universal Dependencies treebanks: `make bench-analysis`.

For each language, on the pairs extracted by bench/extract_pairs.py (bench/data/*.tsv.gz):

* match rate: share of distinct (surface, lemma) pairs where analyze(surface) == analyze(lemma);
* over-merge: share of distinct lemmas whose analysis equals another lemma's;
* words/s: analyze() on the surface tokens (every occurrence) per second of this process's CPU
  time (one core; CPU time, so other processes on the machine do not skew it), cold (empty
  caches) and warm (second pass, what a running web worker sees);
* MB: resident memory a fresh process gains by loading the language (measured in a subprocess).

Finnish runs on Debian's libvoikko when installed, else on pyvoikko's transducer from PyPI (same
terms, slower and larger); MISHOV_FINNISH_MORPHOLOGY=pyvoikko measures the PyPI path anywhere.

The rules were tuned by looking at errors on the dev split only; the reported split is given by
--split (default: test, the held-out split; see bench/data/README.md for why not train).
"""

import argparse
import collections
import gzip
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from apps.analysis import analyze, tokens  # noqa: E402
from apps.analysis.analyzer import clear_caches  # noqa: E402
from apps.analysis.finnish import MORPHOLOGY_SETTING, engine_name  # noqa: E402

DATA = ROOT / "bench" / "data"
ZWNJ = "\u200c"
LANGUAGES = ("he", "fa", "fi")
# language -> (match rate, match rate without ZWNJ or None, over-merge ceiling)
TARGETS = {"he": (0.85, None, 0.05), "fa": (0.90, 0.80, 0.05), "fi": (0.95, None, 0.05)}
TARGET_WORDS_PER_SECOND = 30_000
TARGET_MB = 150


def load_pairs(lang, split, data=DATA):
    """[(surface, lemma, upos, count)] from bench/data/<lang>-<split>.tsv.gz."""
    with gzip.open(data / f"{lang}-{split}.tsv.gz", "rt", encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle]
    return [(surface, lemma, upos, int(count)) for surface, lemma, upos, count in rows]


def single_word(text):
    return len(tokens(text)) == 1


def match_rate(pairs, lang, strip_zwnj=False):
    """(share matched, pairs counted); pairs that are not one word on both sides are left out."""
    matched = counted = 0
    for surface, lemma, _upos, _count in pairs:
        if strip_zwnj:
            surface = surface.replace(ZWNJ, "")
        if not (single_word(surface) and single_word(lemma)):
            continue
        counted += 1
        matched += analyze(surface, lang) == analyze(lemma, lang)
    return matched / counted, counted


def over_merge(pairs, lang):
    """Share of distinct lemmas (as tokens) whose analysis equals another lemma's."""
    lemmas = {tokens(lemma)[0] for _s, lemma, _u, _c in pairs if single_word(lemma)}
    groups = collections.defaultdict(set)
    for lemma in lemmas:
        groups[tuple(analyze(lemma, lang))].add(lemma)
    merged = sum(len(group) for group in groups.values() if len(group) > 1)
    return merged / len(lemmas), len(lemmas)


def words_per_second(pairs, lang):
    """(cold, warm) words/s of analyze() over every surface occurrence, joined as text."""
    words = [surface for surface, _l, _u, count in pairs for _ in range(count)]
    text = " ".join(words)
    n = len(tokens(text))
    analyze("warm", lang)  # load the language's resources: memory is measured separately
    clear_caches()
    started = time.process_time()
    analyze(text, lang)
    cold = n / (time.process_time() - started)
    started = time.process_time()
    analyze(text, lang)
    warm = n / (time.process_time() - started)
    return cold, warm


MEMORY_PROBE = """
import sys
sys.path.insert(0, {root!r})
def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
from apps.analysis import analyze
before = rss_mb()
for word, lang in {probes!r}:
    analyze(word, lang)
print(rss_mb() - before)
"""
PROBE_WORDS = {"he": "בספרים", "fa": "مشتری‌ها", "fi": "asiakkaille"}


def memory_mb(*langs):
    """Resident memory a fresh process gains on its first analysis in each of `langs`."""
    probes = [(PROBE_WORDS[lang], lang) for lang in langs]
    code = MEMORY_PROBE.format(root=str(ROOT), probes=probes)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def verdict(ok):
    return "ok" if ok else "MISSED"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", help="test (default) or dev")
    args = parser.parse_args()
    print(f"Lemma-level analysis on the UD {args.split} splits (bench/data/README.md)")
    choices = f"{MORPHOLOGY_SETTING}=libvoikko|pyvoikko|snowball"
    print(f"Finnish morphology: {engine_name()} ({choices})\n")
    header = (
        f"{'lang':4} {'pairs':>6} {'match':>7} {'target':>7} {'over-merge':>10} {'target':>7}"
        f" {'cold w/s':>9} {'warm w/s':>9} {'MB':>6}"
    )
    print(header)
    print("-" * len(header))
    all_met = True
    notes = []
    for lang in LANGUAGES:
        pairs = load_pairs(lang, args.split)
        match_target, zwnj_target, merge_target = TARGETS[lang]
        rate, counted = match_rate(pairs, lang)
        merged, _lemmas = over_merge(pairs, lang)
        cold, warm = words_per_second(pairs, lang)
        mb = memory_mb(lang)
        met = [rate >= match_target, merged <= merge_target, cold >= TARGET_WORDS_PER_SECOND]
        met.append(mb <= TARGET_MB)
        print(
            f"{lang:4} {counted:6d} {rate:7.1%} {'≥' + format(match_target, '.0%'):>7}"
            f" {merged:10.1%} {'≤' + format(merge_target, '.0%'):>7}"
            f" {cold:9,.0f} {warm:9,.0f} {mb:6.1f}"
        )
        if zwnj_target is not None:
            bare, _ = match_rate(pairs, lang, strip_zwnj=True)
            met.append(bare >= zwnj_target)
            print(f"{'  without ZWNJ':18} {bare:7.1%} {'≥' + format(zwnj_target, '.0%'):>7}")
        if not all(met):
            all_met = False
            notes.append(lang)
    together = memory_mb(*LANGUAGES)
    all_met = all_met and together <= TARGET_MB
    print(f"\nAll three languages in one process: {together:.1f} MB (target ≤ {TARGET_MB} MB).")
    print(
        f"Targets: words/s ≥ {TARGET_WORDS_PER_SECOND:,} per core (cold), "
        f"≤ {TARGET_MB} MB per process and language."
    )
    print("All targets met." if all_met else f"Targets MISSED for: {', '.join(notes)}.")


if __name__ == "__main__":
    main()
