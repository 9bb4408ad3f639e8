"""Peak memory of a run over an archive whose every article brings new words.

    python bench/memory.py [--articles N] [--jobs J]

A corpus of seed articles repeated (bench/throughput.py) repeats its words too,
which hides the growth that matters on a real archive: every new number, name
and link. Here each generated article has its own numbers and names; the
run's peak memory (PSS summed over its processes) is printed for a tenth of
the articles and for all of them. Flat memory means the two figures are close.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from throughput import TARGET_RSS_MB, cores, run

WORDS = ("farmers sold tonnes of pears apples the county cooperative online stores in more than "
         "about yuan percent households villages e-commerce platform live-streaming sales rose").split()


def article(rng: random.Random, n: int) -> str:
    sentences = []
    for k in range(12):
        name = f"Zq{n:06d}{k:02d}"
        filler = " ".join(rng.choice(WORDS) for _ in range(12))
        sentences.append(f"{name} said {rng.randint(2, 10**6):,} {filler} {rng.randint(2, 999)}.{k} percent"
                         f" in Wq{n:06d}{k:02d} County.")
    return " ".join(sentences) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=cores())
    opts = ap.parse_args()
    rng = random.Random(5)
    cli = [sys.executable, "-m", "agrofacts", "extract", "-q"]
    with tempfile.TemporaryDirectory(prefix="agrofacts-mem-") as tmp:
        small, full = Path(tmp, "small"), Path(tmp, "full")
        for n in range(opts.articles):
            folder = full / f"{n // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            text = article(rng, n)
            (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")
            if n < opts.articles // 10:
                small.mkdir(exist_ok=True)
                (small / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        size = sum(p.stat().st_size for p in full.rglob("*.txt")) / 1e6
        print(f"corpus: {opts.articles} generated articles with their own numbers and names, {size:.1f} MB")
        for jobs in (1, opts.jobs):
            for name, folder in (("a tenth", small), ("all", full)):
                wall, rss = run([*cli, "-j", str(jobs), "-o", str(Path(tmp, "out.csv")), str(folder)],
                                memory=True)
                print(f"--jobs {jobs}, {name:8s} peak memory (PSS, summed) {rss:5.0f} MB  ({wall:.1f} s)"
                      f"   target < {TARGET_RSS_MB} MB{'' if rss < TARGET_RSS_MB else '  MISSED'}")


if __name__ == "__main__":
    main()
