"""Extract (surface, lemma) pairs from Universal Dependencies treebanks into bench/data/.

    .venv/bin/python bench/extract_pairs.py /path/to/UD_Finnish-TDT.git ...

Each argument is a treebank: a directory holding the .conllu files, or a bare git directory
(as the `fetch` tool leaves them), read at HEAD. Writes bench/data/<lang>-<split>.tsv.gz with one
deduplicated `surface<TAB>lemma<TAB>UPOS<TAB>count` line per pair, for nouns, verbs, adjectives and
proper names whose surface differs from the lemma. Hebrew surfaces are the original whitespace
tokens (multi-word token lines), so prefixes such as ו ה ב ל מ ש כ stay on the surface side.
"""

import collections
import gzip
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CONTENT_UPOS = {"NOUN", "VERB", "ADJ", "PROPN"}
SPLITS = ("train", "dev", "test")
FILE_NAME = re.compile(r"^(?P<lang>[a-z]+)_[a-z]+-ud-(?P<split>train|dev|test)\.conllu$")


def conllu_files(treebank: Path):
    """(lang, split, text) for each split file present in `treebank`."""
    if (treebank / "HEAD").exists() and (treebank / "objects").exists():
        listing = subprocess.run(
            ["git", f"--git-dir={treebank}", "ls-tree", "--name-only", "HEAD"],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        for name in listing:
            match = FILE_NAME.match(name)
            if not match:
                continue
            shown = subprocess.run(
                ["git", f"--git-dir={treebank}", "show", f"HEAD:{name}"],
                capture_output=True, text=True,
            )
            if shown.returncode != 0:  # large blobs may be missing from a partial snapshot
                print(f"  {name}: not in this snapshot, skipped", file=sys.stderr)
                continue
            yield match["lang"], match["split"], shown.stdout
    else:
        for path in sorted(treebank.glob("*.conllu")):
            match = FILE_NAME.match(path.name)
            if match:
                yield match["lang"], match["split"], path.read_text(encoding="utf-8")


def sentences(text: str):
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            if rows:
                yield rows
            rows = []
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    if rows:
        yield rows


def pairs(text: str):
    """(surface, lemma, upos) for every content word; multi-word tokens give their surface."""
    for rows in sentences(text):
        words = {row[0]: row for row in rows if row[0].isdigit()}
        covered: set[str] = set()
        for row in rows:
            if "-" in row[0]:
                first, last = (int(n) for n in row[0].split("-"))
                parts = [words[str(n)] for n in range(first, last + 1) if str(n) in words]
                covered.update(str(n) for n in range(first, last + 1))
                content = [part for part in parts if part[3] in CONTENT_UPOS]
                if len(content) == 1:  # a clitic-prefixed or -suffixed single word
                    yield row[1], content[0][2], content[0][3]
        for key, row in words.items():
            if key not in covered and row[3] in CONTENT_UPOS:
                yield row[1], row[2], row[3]


def clean_lemma(lemma: str, lang: str) -> str:
    # Persian verbs may carry past#present stems (کرد#کن): the past stem is the lemma.
    # Finnish marks compound boundaries (kävely#reitti) that the written word does not have.
    if lang == "fa":
        return lemma.split("#")[0]
    return lemma.replace("#", "")


def main(treebanks: list[str]) -> None:
    DATA.mkdir(exist_ok=True)
    for treebank in treebanks:
        for lang, split, text in conllu_files(Path(treebank)):
            counts: collections.Counter = collections.Counter()
            for surface, lemma, upos in pairs(text):
                lemma = clean_lemma(lemma, lang)
                if lemma == "_" or surface.casefold() == lemma.casefold():
                    continue
                counts[(surface, lemma, upos)] += 1
            out = DATA / f"{lang}-{split}.tsv.gz"
            with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
                for (surface, lemma, upos), count in sorted(counts.items()):
                    handle.write(f"{surface}\t{lemma}\t{upos}\t{count}\n")
            print(f"{out.name}: {len(counts)} pairs")


if __name__ == "__main__":
    main(sys.argv[1:])
