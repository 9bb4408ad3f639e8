"""Throughput, memory and start-up of agrofacts, next to a bare spaCy tokenizer and quantulum3.

    python bench/throughput.py [CORPUS] [--jobs N] [--mb MB]

CORPUS is a folder of article .txt files. Without it, ../shared/corpus is used
when it exists, else the seed articles are copied to about --mb megabytes in a
temporary folder. Prints figures, not a pass/fail test: the targets are shown
beside them. Every measurement runs in a fresh subprocess on the checkout's
code (src/ first on PYTHONPATH), so imports and memory are those of a real run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

#: Targets from the issue, on a 2-core machine.
TARGET_MBS = 1.5
TARGET_SCALING = 1.8
TARGET_RSS_MB = 400
TARGET_HELP_S = 0.3
TARGET_SEEDS_S = 2.0
TARGET_VS_QUANTULUM = 100


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), e.get("PYTHONPATH", "")) if p)
    return e


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# ---- running and watching a subprocess -------------------------------------------------

def _rss_kb(pid: int) -> int:
    """Memory of one process in kB: its proportional set size (PSS) where Linux gives it, else RSS.

    Forked workers share the parent's pages (the built pipeline) until they write to
    them; RSS counts a shared page in every process, PSS splits it between them, so
    the sum over a process tree is the memory the run really holds.
    """
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii") as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _tree(pid: int) -> list[int]:
    """pid and all its descendants, from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return out


def run(args: list[str], stdout=subprocess.DEVNULL, memory: bool = False) -> tuple[float, float]:
    """Run a command; (wall seconds, peak memory in MB summed over the process and its children:
    PSS where Linux gives it, see ``_rss_kb``; 0 unless ``memory``).

    Memory is read in runs of its own: reading a process's memory map every 20 ms stalls it
    while the kernel walks its page tables, which slowed a --jobs 2 run by up to 10%."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)))
            done.wait(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    if memory and sys.platform.startswith("linux"):
        watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{err.decode(errors='replace')}")
    return wall, peak / 1024


def best_of(n: int, args: list[str]) -> float:
    return min(run(args)[0] for _ in range(n))


def in_subprocess(code: str) -> dict:
    """Run a Python snippet that prints one JSON object; return it."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env(),
                          cwd=ROOT)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


# ---- the corpus ------------------------------------------------------------------------------

def make_corpus(folder: Path, mb: float) -> Path:
    """The seed articles copied until the folder holds about ``mb`` megabytes."""
    seeds = sorted(SEEDS.glob("*.txt"))
    per_copy = sum(p.stat().st_size for p in seeds)
    copies = max(1, int(mb * 1e6 / per_copy))
    for n in range(copies):
        sub = folder / f"{n // 100:03d}"
        sub.mkdir(exist_ok=True)
        for p in seeds:
            shutil.copyfile(p, sub / f"{n:05d}_{p.name}")
    return folder


def corpus_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*.txt") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# ---- in-process rates (after start-up) ---------------------------------------------------------

READ = """
import json, time
from pathlib import Path
texts = [p.read_text(encoding="utf-8-sig") for p in sorted(Path({folder!r}).rglob("*.txt")) if p.is_file()]
size = sum(len(t.encode("utf-8")) for t in texts)
"""

OURS = READ + """
from agrofacts.extract import extract_text
extract_text("Warm-up: 5 kg.")
t = time.perf_counter()
for t_ in texts:
    extract_text(t_)
print(json.dumps({{"mbs": size / 1e6 / (time.perf_counter() - t)}}))
"""

TOKENIZER = READ + """
import spacy
nlp = spacy.blank("en")
t = time.perf_counter()
for doc in nlp.pipe(texts):
    pass
print(json.dumps({{"mbs": size / 1e6 / (time.perf_counter() - t)}}))
"""

#: The same pass as a program of its own, timed from outside like the CLI: start-up, reading included.
TOKENIZER_RUN = """
import sys
from pathlib import Path
import spacy
nlp = spacy.blank("en")
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    if path.is_file():
        nlp.tokenizer(path.read_text(encoding="utf-8-sig"))
"""

QUANTULUM = READ + """
import warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
parser.parse("Warm-up: 5 kg.")
t = time.perf_counter()
done = 0
for t_ in texts:
    parser.parse(t_)
    done += len(t_.encode("utf-8"))
    if time.perf_counter() - t > {seconds}:
        break
print(json.dumps({{"mbs": done / 1e6 / (time.perf_counter() - t), "mb": done / 1e6}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, help="folder of article .txt files")
    ap.add_argument("--jobs", type=int, default=cores(), help="processes for the parallel run")
    ap.add_argument("--mb", type=float, default=8.0, help="size of the generated corpus")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each extraction; the best wall time counts")
    ap.add_argument("--quantulum-seconds", type=float, default=20.0,
                    help="how long quantulum3 runs (on the first articles: it is slow)")
    opts = ap.parse_args()

    tmp = None
    if opts.corpus is not None:
        corpus, origin = opts.corpus, "given"
    elif SHARED_CORPUS.is_dir() and any(SHARED_CORPUS.rglob("*.txt")):
        corpus, origin = SHARED_CORPUS, "shared corpus"
    else:
        tmp = tempfile.TemporaryDirectory(prefix="agrofacts-bench-")
        corpus, origin = make_corpus(Path(tmp.name), opts.mb), f"seeds repeated to ~{opts.mb:g} MB"
    try:
        report(corpus, origin, opts)
    finally:
        if tmp is not None:
            tmp.cleanup()


def report(corpus: Path, origin: str, opts) -> None:
    n_files, n_bytes = corpus_stats(corpus)
    mb = n_bytes / 1e6
    cli = [sys.executable, "-m", "agrofacts"]
    print(f"machine: {cores()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    busy = load_average()
    if busy is not None:
        note = "  (other work is running: --jobs figures understate)" if busy > 0.5 else ""
        print(f"load:    {busy:.2f} (1-minute load average before the runs){note}")
    print(f"corpus:  {corpus} ({origin}): {n_files} articles, {mb:.2f} MB;"
          f" best of {opts.repeat} runs each")
    print()

    with tempfile.TemporaryDirectory(prefix="agrofacts-out-") as out:
        one_csv, many_csv = Path(out) / "one.csv", Path(out) / "many.csv"
        # Alternate the two, best wall time of --repeat runs each: the machine may be shared.
        one = [*cli, "extract", "-q", "-j", "1", "-o", str(one_csv), str(corpus)]
        many = [*cli, "extract", "-q", "-j", str(opts.jobs), "-o", str(many_csv), str(corpus)]
        walls1, wallsj = [], []
        for _ in range(opts.repeat):
            walls1.append(run(one)[0])
            wallsj.append(run(many)[0])
        wall1, wallj = min(walls1), min(wallsj)
        rss1, rssj = run(one, memory=True)[1], run(many, memory=True)[1]
        identical = one_csv.read_bytes() == many_csv.read_bytes()
        rows = one_csv.read_text(encoding="utf-8").count("\n") - 1
        tiny = Path(out) / "tiny"
        tiny.mkdir()
        (tiny / "one.txt").write_text("They sold 5 kg of pears.\n", encoding="utf-8")
        startup = best_of(3, [*cli, "extract", "-q", "-o", str(Path(out) / "tiny.csv"), str(tiny)])
    help_s = best_of(5, [*cli, "--help"])
    version_s = best_of(5, [*cli, "--version"])
    seeds_s = best_of(3, [*cli, "extract", "-q", str(SEEDS)])

    ours = in_subprocess(OURS.format(folder=str(corpus)))
    tok = in_subprocess(TOKENIZER.format(folder=str(corpus)))
    tok_wall = min(run([sys.executable, "-c", TOKENIZER_RUN, str(corpus)])[0] for _ in range(opts.repeat))
    qu = in_subprocess(QUANTULUM.format(folder=str(corpus), seconds=opts.quantulum_seconds))

    e2e1, e2ej = mb / wall1, mb / wallj
    # The same runs less the fixed cost of a run (imports, pipeline build, exit) on a one-line input.
    run1, runj = mb / max(wall1 - startup, 1e-9), mb / max(wallj - startup, 1e-9)
    rows_out = [
        ("one process, end to end (CLI wall, start-up included)",
         f"{e2e1:.2f} MB/s, {n_files / wall1:.0f} articles/s", f">= {TARGET_MBS} MB/s", e2e1 >= TARGET_MBS),
        (f"--jobs {opts.jobs}, end to end",
         f"{e2ej:.2f} MB/s, {n_files / wallj:.0f} articles/s ({e2ej / e2e1:.2f}x one process)",
         f">= {TARGET_SCALING}x", e2ej / e2e1 >= TARGET_SCALING),
        ("start-up of a run (extract on a one-line article)", f"{startup:.2f} s", "", None),
        ("one process, start-up taken off", f"{run1:.2f} MB/s, {n_files / (wall1 - startup):.0f} articles/s",
         f">= {TARGET_MBS} MB/s", run1 >= TARGET_MBS),
        (f"--jobs {opts.jobs}, start-up taken off",
         f"{runj:.2f} MB/s ({runj / run1:.2f}x one process)", f">= {TARGET_SCALING}x",
         runj / run1 >= TARGET_SCALING),
        (f"--jobs {opts.jobs} output identical to --jobs 1", f"{identical} ({rows} rows)", "True", identical),
        ("peak memory (PSS), one process", f"{rss1:.0f} MB", f"< {TARGET_RSS_MB} MB", rss1 < TARGET_RSS_MB),
        (f"peak memory (PSS), --jobs {opts.jobs}, all processes summed", f"{rssj:.0f} MB",
         f"< {TARGET_RSS_MB} MB", rssj < TARGET_RSS_MB),
        ("agrofacts --help", f"{help_s:.3f} s", f"< {TARGET_HELP_S} s", help_s < TARGET_HELP_S),
        ("agrofacts --version", f"{version_s:.3f} s", f"< {TARGET_HELP_S} s", version_s < TARGET_HELP_S),
        ("agrofacts extract seeds/", f"{seeds_s:.3f} s", f"< {TARGET_SEEDS_S} s", seeds_s < TARGET_SEEDS_S),
    ]
    if "mbs" in ours:
        rows_out.append(("one process, in-process loop (no start-up, no reading or writing)",
                         f"{ours['mbs']:.2f} MB/s", "", None))
    else:
        rows_out.append(("one process, after start-up", f"failed: {ours['error']}", "", None))
    if "mbs" in tok:
        rows_out.append(('bare spacy.blank("en") tokenizer, same text', f"{tok['mbs']:.2f} MB/s", "", None))
        rows_out.append(('bare spacy.blank("en") tokenizer as a program, end to end',
                         f"{mb / tok_wall:.2f} MB/s", "", None))
        rows_out.append(("  ratio agrofacts end to end / tokenizer end to end",
                         f"{tok_wall / wall1:.2f}x", "> 1x", tok_wall > wall1))
        if "mbs" in ours:
            rows_out.append(("  ratio agrofacts in-process loop / tokenizer",
                             f"{ours['mbs'] / tok['mbs']:.2f}x", "> 1x", ours["mbs"] > tok["mbs"]))
    else:
        rows_out.append(("bare spaCy tokenizer", f"could not run: {tok['error']}", "", None))
    if "mbs" in qu:
        rows_out.append((f"quantulum3 (first {qu['mb']:.2f} MB of the same text)",
                         f"{qu['mbs'] * 1000:.1f} KB/s", "", None))
        rows_out.append(("  ratio agrofacts end to end / quantulum3", f"{e2e1 / qu['mbs']:.0f}x",
                         f">= {TARGET_VS_QUANTULUM}x", e2e1 / qu["mbs"] >= TARGET_VS_QUANTULUM))
        if "mbs" in ours:
            rows_out.append(("  ratio agrofacts in-process loop / quantulum3",
                             f"{ours['mbs'] / qu['mbs']:.0f}x",
                             f">= {TARGET_VS_QUANTULUM}x", ours["mbs"] / qu["mbs"] >= TARGET_VS_QUANTULUM))
    else:
        rows_out.append(("quantulum3", f"could not run: {qu['error']} (pip install '.[bench]')", "", None))

    width = max(len(r[0]) for r in rows_out)
    for name, value, target, ok in rows_out:
        mark = "" if ok is None else ("  ok" if ok else "  MISSED")
        print(f"{name:<{width}}  {value:<48} {target}{mark}")


if __name__ == "__main__":
    main()
