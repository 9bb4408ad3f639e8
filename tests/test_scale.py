"""Scale: --jobs gives the single-process table byte for byte, progress stays off pipes,
the CSV writer is pandas' dialect, and start-up imports nothing heavy."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from agrofacts import extract as extract_module
from agrofacts import parallel
from agrofacts.archive import extract_paths
from agrofacts.cli import cli
from agrofacts.fact import COLUMNS, Fact
from agrofacts.progress import article_progress, wanted
from agrofacts.reading import iter_articles
from agrofacts.writers import write_csv

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def make_corpus(folder: Path, copies: int) -> Path:
    """``copies`` of each seed, in nested folders, each copy with its own headline number."""
    for n in range(copies):
        sub = folder / f"batch-{n % 7}" / f"{n:04d}"
        sub.mkdir(parents=True)
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (sub / seed.name).write_text(f"{text}\nThe county has {n + 2} new e-commerce centers.\n",
                                         encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    # About 300 KB: above parallel.MIN_PARALLEL_CHARS, so --jobs 2 really starts workers.
    return make_corpus(tmp_path_factory.mktemp("corpus"), 25)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_corpus_is_big_enough_to_go_parallel(corpus):
    size = sum(len(a.text) for a in iter_articles([corpus]))
    assert size > parallel.MIN_PARALLEL_CHARS


def test_jobs_output_is_byte_identical(corpus):
    one = run("extract", "--jobs", "1", str(corpus))
    two = run("extract", "--jobs", "2", str(corpus))
    assert one.exit_code == 0 and two.exit_code == 0
    assert one.stdout.count("\n") > 1000
    assert two.stdout == one.stdout


def test_default_jobs_is_byte_identical(corpus):
    assert run("extract", str(corpus)).stdout == run("extract", "-j", "1", str(corpus)).stdout


@pytest.mark.parametrize("batch_articles", [1, 3, 64], ids=["batch-1", "batch-3", "batch-64"])
def test_pool_keeps_input_order(monkeypatch, batch_articles):
    """Small batches and no small-input shortcut: many batches through the pool, order kept."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(parallel, "BATCH_ARTICLES", batch_articles)
    done: list[str] = []
    facts = list(parallel.extract_parallel(iter_articles([SEEDS]), jobs=2,
                                           on_article=lambda doc, _n: done.append(doc)))
    assert facts == list(extract_paths([SEEDS]))
    assert done == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(isinstance(f, Fact) for f in facts)


def test_small_input_runs_in_process(monkeypatch):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("a pool was started for five articles")

    monkeypatch.setattr(parallel, "_context", no_pool)
    assert list(parallel.extract_parallel(iter_articles([SEEDS]), jobs=2)) == list(extract_paths([SEEDS]))


def test_jobs_below_one_is_an_error():
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        list(parallel.extract_parallel(iter_articles([SEEDS]), jobs=0))
    result = run("extract", "--jobs", "0", str(SEEDS))
    assert result.exit_code == 2
    assert "0 is not in the range x>=1" in result.output


def test_unusable_file_is_reported_the_same_with_jobs(tmp_path):
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary 2 tonnes")
    one = run("extract", "-j", "1", str(tmp_path))
    two = run("extract", "-j", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout == run("extract", str(SEEDS)).stdout
    assert two.stderr == one.stderr
    assert "bad.txt: binary file (NUL bytes), not text" in one.stderr


def broken_batch(batch, *_options):
    """A worker whose rules fail on the fourth seed (module level, so it pickles)."""
    from agrofacts.errors import RuleFileError

    if batch[0].doc.startswith("003"):
        raise RuleFileError("units.txt: broken on purpose")
    return [[] for _ in batch]


def test_worker_error_reaches_the_caller(monkeypatch):
    """An error inside a worker comes back to the caller as itself, in input order."""
    from agrofacts.errors import RuleFileError

    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(parallel, "BATCH_ARTICLES", 1)
    monkeypatch.setattr(parallel, "_extract_in_worker", broken_batch)
    done: list[str] = []
    with pytest.raises(RuleFileError, match="^units.txt: broken on purpose$"):
        list(parallel.extract_parallel(iter_articles([SEEDS]), jobs=2,
                                       on_article=lambda doc, _n: done.append(doc)))
    assert [d[:3] for d in done] == ["000", "001", "002"]


# ---- progress ----------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "quiet", "expected"), [
    (FakeTerminal(), False, True),
    (FakeTerminal(), True, False),
    (io.StringIO(), False, False),
    (io.StringIO(), True, False),
], ids=["terminal", "terminal-quiet", "pipe", "pipe-quiet"])
def test_progress_only_on_a_terminal(stream, quiet, expected):
    assert wanted(stream, quiet) is expected


def test_progress_bar_goes_to_its_stream_not_stdout(capsys):
    terminal = FakeTerminal()
    with article_progress([SEEDS], "*.txt", terminal, enabled=True) as on_article:
        facts = list(extract_paths([SEEDS], on_article=on_article))
    assert facts
    drawn = terminal.getvalue()
    assert "articles" in drawn and "5/5" in drawn and "MB/s" in drawn
    assert capsys.readouterr().out == ""


def test_no_progress_callback_when_disabled():
    with article_progress([SEEDS], "*.txt", FakeTerminal(), enabled=False) as on_article:
        assert on_article is None


@pytest.mark.parametrize("flags", [[], ["--quiet"], ["-q", "-j", "2"]], ids=["pipe", "quiet", "quiet-jobs"])
def test_nothing_on_stderr_of_a_pipe(flags):
    result = CliRunner().invoke(cli, ["extract", *flags, str(SEEDS)])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith(",".join(COLUMNS) + "\n")


def test_cli_on_a_real_pipe_prints_only_the_table():
    proc = subprocess.run([sys.executable, "-m", "agrofacts", "extract", str(SEEDS)],
                          capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert proc.stdout == run("extract", str(SEEDS)).stdout


# ---- CSV writer ------------------------------------------------------------------------

TRICKY = ["plain", "", 'say "5 kg"', "a,b", "line\nbreak", "cr\rhere", "tab\there", " padded ", "é 元"]


@pytest.mark.parametrize("text", TRICKY, ids=[repr(t) for t in TRICKY])
def test_csv_writer_matches_pandas(text):
    pd = pytest.importorskip("pandas")
    from decimal import Decimal

    facts = [Fact(doc="a/b.txt", source=text, published="", fact=1, kind="count", text=text,
                  value=Decimal("2E+3"), value_max=None, unit="", qualifier="exact", item=text,
                  period_start="", period_end="", same_as=None, start_char=0, end_char=4,
                  sentence=text),
             Fact(doc="a/b.txt", source="", published="2019-01-02", fact=2, kind="money", text="5",
                  value=Decimal("1.50"), value_max=Decimal("3"), unit="CNY", qualifier="range",
                  item="", period_start="", period_end="", same_as=1, start_char=5, end_char=6,
                  sentence=text)]
    ours = io.StringIO()
    assert write_csv(facts, ours) == 2
    theirs = io.StringIO()
    pd.DataFrame([f.as_row() for f in facts], columns=list(COLUMNS)).to_csv(
        theirs, index=False, lineterminator="\n")
    assert ours.getvalue() == theirs.getvalue()


def test_csv_writer_without_facts_writes_the_header():
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == ",".join(COLUMNS) + "\n"


# ---- start-up -----------------------------------------------------------------------------

HEAVY = ("spacy", "pandas", "pint", "numpy", "dask", "distributed", "pyarrow", "fsspec")


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.parametrize("module", ["agrofacts", "agrofacts.cli"], ids=["package", "cli"])
def test_import_is_light(module):
    code = (f"import sys, {module}; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["extract", "--help"]],
                         ids=["help", "version", "extract-help"])
def test_help_imports_nothing_heavy(args):
    code = ("import sys\nfrom agrofacts.cli import cli\n"
            f"try:\n    cli({args!r})\nexcept SystemExit:\n    pass\n"
            f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY="


# As if the dask extra were not installed: importing these fails, find_spec finds nothing.
BLOCK_DASK = """
import sys
for name in ("dask", "distributed", "fsspec", "pyarrow"):
    sys.modules[name] = None
"""


def test_local_run_needs_no_dask():
    """The core install has no Dask: a local run must work where importing it fails."""
    code = BLOCK_DASK + ("from agrofacts.cli import main\n"
                         f"sys.argv = ['agrofacts', 'extract', '-j', '2', {str(SEEDS)!r}]\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == run("extract", str(SEEDS)).stdout


def test_local_run_does_not_import_dask():
    """pint imports Dask on import when it is installed (0.11 s of start-up); units hides it from pint.

    Dask still imports afterwards where it is installed.
    """
    code = ("import sys, importlib.util\nfrom agrofacts.extract import extract_text\n"
            "assert extract_text('Farmers sold 5 kg of pears.')\n"
            "print('dask' in sys.modules)\n"
            "if importlib.util.find_spec('dask'):\n    import dask.base\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_dask_engine_without_dask_says_how_to_install():
    code = BLOCK_DASK + ("from agrofacts.cli import main\n"
                         f"sys.argv = ['agrofacts', 'extract', '--engine', 'dask', {str(SEEDS)!r}]\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: --engine dask needs the dask extra:"
                                  " pip install 'agrofacts[dask]' (")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "parquet", "-o", "out"], "--format parquet needs --engine dask"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--format", "parquet"], "--format parquet needs --output FOLDER"),
], ids=["parquet-local", "scheduler-local", "parquet-no-output"])
def test_dask_options_need_the_dask_engine(args, message):
    result = run("extract", *args, str(SEEDS))
    assert result.exit_code == 2
    assert f"Error: {message}" in result.output


def test_pool_with_other_threads_running(monkeypatch):
    """A process with other threads (a Dask client, a notebook) is never forked, which could
    deadlock: workers come from the fork server, with the same output."""
    import threading

    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert list(parallel.extract_parallel(iter_articles([SEEDS]), jobs=2)) == list(extract_paths([SEEDS]))
    finally:
        stop.set()
        other.join()
    if sys.platform.startswith("linux"):
        assert parallel._context().get_start_method() == "forkserver"


def _spacy_loaded() -> bool:
    """Worker side: whether the pipeline was loaded before this task (module level, so it pickles)."""
    from agrofacts import pipeline

    return pipeline.build_pipeline.cache_info().currsize == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is POSIX")
def test_workers_start_with_the_pipeline_loaded_and_this_process_never_loads_it(tmp_path):
    """The fork server loads the pipeline before the first worker forks; the main process of a
    parallel run reads the page-level facts only, so it never imports spaCy."""
    corpus = make_corpus(tmp_path / "corpus", 120)
    code = ("import sys\n"
            "from agrofacts import parallel\n"
            "from agrofacts.reading import iter_articles\n"
            "if __name__ == '__main__':\n"
            f"    facts = list(parallel.extract_parallel(iter_articles([{str(corpus)!r}]), jobs=2))\n"
            "    spacy_here = 'spacy' in sys.modules\n"
            "    from test_scale import _spacy_loaded\n"
            "    pool = parallel._OpeningPool(2)\n"
            "    loaded = pool.wait().submit(_spacy_loaded).result()\n"
            "    pool.close()\n"
            "    print(len(facts), loaded, spacy_here)\n")
    env = _env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), env["PYTHONPATH"]])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    count, loaded, spacy_here = out.stdout.split()
    assert int(count) == len(list(extract_paths([corpus])))
    assert (loaded, spacy_here) == ("True", "False")


def _children(pid: int) -> list[int]:
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
            out.extend(int(c) for c in f.read().split())
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("sig", "code", "stderr"), [
    (signal.SIGINT, 130, "agrofacts: interrupted\n"),
    (signal.SIGTERM, 143, ""),
], ids=["ctrl-c", "sigterm"])
def test_interrupting_a_parallel_run(tmp_path_factory, sig, code, stderr):
    """Ctrl-C (to the whole process group, as a terminal sends it) or SIGTERM mid-run:
    the exit code of a serial run, no worker tracebacks, no hang, no workers or files left."""
    import time

    corpus = make_corpus(tmp_path_factory.mktemp("big"), 120)
    out = tmp_path_factory.mktemp("out") / "facts.csv"
    proc = subprocess.Popen([sys.executable, "-m", "agrofacts", "extract", "-j", "2", "-o", str(out),
                             str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                            start_new_session=True)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = [c for c in _children(proc.pid) if c != proc.pid]
        if len(workers) >= 2:
            break
        time.sleep(0.02)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.3)
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    stdout, err = proc.communicate(timeout=60)
    assert (proc.returncode, stdout, err.decode()) == (code, b"", stderr)
    assert sorted(p.name for p in out.parent.iterdir()) == []
    time.sleep(0.2)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and _alive(w)]


def _alive(pid: int) -> bool:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        return not any(line.startswith("State:") and ("Z" in line or "X" in line) for line in f)


def test_jobs_with_metadata_and_unresolved_dates(tmp_path):
    """Per-article dates and sources from --metadata reach the workers; unused rows are still named."""
    corpus = make_corpus(tmp_path / "corpus", 25)
    plain = [f"plain/{n:03d}.txt" for n in range(40)]
    for n, doc in enumerate(plain):
        (corpus / doc).parent.mkdir(exist_ok=True)
        (corpus / doc).write_text(f"Farmers in the county sold {n + 3} tonnes of pears last month.\n",
                                  encoding="utf-8")
    rows = "".join(f"{doc},2020-0{1 + n % 9}-1{n % 10},Wire {n}\n" for n, doc in enumerate(plain[::2]))
    meta = tmp_path / "meta.csv"
    meta.write_text(f"doc,published,source\n{rows}missing.txt,2020-01-01,Nobody\n", encoding="utf-8")
    args = ["extract", "--metadata", str(meta), "--unresolved-dates", str(corpus)]
    one, two = run(*args, "-j", "1"), run(*args, "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert "plain/002.txt,Wire 1,2020-02-11," in one.stdout
    assert two.stderr == one.stderr and "no article named 'missing.txt'" in one.stderr


def _unique_words_article(n: int) -> str:
    """An article whose numbers and names no other article has (as in a real archive)."""
    return (f"Farmer Zq{n:06d}x sold {n * 7 + 13:,} kg of Qv{n:06d}y pears to {n + 101} buyers in "
            f"Wq{n:06d}z County, earning {n * 3 + 5}.{n % 10} million yuan.\n")


def test_the_vocabulary_does_not_grow_with_the_archive(tmp_path):
    """Words first seen in an article are forgotten after its batch: memory stays flat however
    many articles a run reads (spaCy would otherwise keep every new number and name)."""
    from agrofacts.pipeline import build_pipeline

    nlp = build_pipeline()
    before = len(nlp.vocab.strings)
    for n in range(500):
        (tmp_path / f"a{n:04d}.txt").write_text(_unique_words_article(n), encoding="utf-8")
    facts = list(extract_paths([tmp_path]))
    assert [(f.kind, f.text, f.item) for f in facts[-3:]] == [
        ("mass", "3,506 kg", ""), ("count", "600 buyers", "buyers"), ("money", "1502.9 million yuan", "")]
    assert len(facts) == 500 * 3
    assert len(nlp.vocab.strings) == before


def test_a_worker_zone_runs_across_batches_and_is_renewed_after_its_share(monkeypatch):
    """Workers read ZONE_ARTICLES articles per memory zone, not one zone per batch."""
    from agrofacts.extract import extract_text
    from agrofacts.pipeline import build_pipeline

    monkeypatch.setattr(extract_module, "ZONE_ARTICLES", 4)
    nlp = build_pipeline()
    before = len(nlp.vocab.strings)
    zone = parallel._RunningZone()
    try:
        zone.count(3)
        extract_text(_unique_words_article(1))
        learnt = len(nlp.vocab.strings)
        zone.count(1)  # still the first zone: 4 articles
        assert nlp.vocab.in_memory_zone and len(nlp.vocab.strings) == learnt > before
        zone.count(2)  # the first zone had its share: its words are gone
        assert nlp.vocab.in_memory_zone and len(nlp.vocab.strings) == before
    finally:
        zone.close()
    assert not nlp.vocab.in_memory_zone


def test_load_pipeline_freezes_what_it_loaded_and_restores_the_collector():
    """Start-up runs with the collector off and leaves it on as it was, the pipeline frozen and working,
    and young objects collected every 20,000 allocations instead of 700."""
    code = ("import gc\nfrom agrofacts.startup import collector_paused, load_pipeline\n"
            "load_pipeline()\nprint(gc.isenabled(), gc.get_freeze_count() > 50_000, gc.get_threshold())\n"
            "gc.disable()\nwith collector_paused():\n    pass\nprint(gc.isenabled())\n"
            "from agrofacts.extract import extract_text\n"
            "print([f.text for f in extract_text('Farmers sold 5 kg of pears.')])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["True True (20000, 10, 10)", "False", "['5 kg']"]


SPACY_CLI_CHECK = """
import sys
import spacy
print('typer' in sys.modules, spacy.info.__module__)
import spacy.cli
print(spacy.cli.info.__module__)
from agrofacts.extract import extract_text
print([f.text for f in extract_text('Farmers sold 5 kg of pears.')])
"""


@pytest.mark.parametrize(("setup", "expected"), [
    ("", ["False agrofacts.startup", "spacy.cli.info", "['5 kg']"]),
    # a spaCy that imports more of its command line: the stand-ins give way to a plain import
    ("startup.SPACY_CLI = ('spacy.cli', 'spacy.cli.nothing')\n",
     ["True spacy.cli.info", "spacy.cli.info", "['5 kg']"]),
], ids=["stand-in", "fallback"])
def test_spacy_loads_without_its_command_line_and_keeps_it_importable(setup, expected):
    code = "from agrofacts import startup\n" + setup + "startup.load_pipeline()\n" + SPACY_CLI_CHECK
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == expected


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_tables_rendered_where_facts_are_made_are_the_written_tables(monkeypatch, fmt, jobs):
    """The CLI renders each article's rows in the workers: the same bytes as writing the facts."""
    from agrofacts.writers import RENDERERS, WRITERS, write_rendered

    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(parallel, "BATCH_ARTICLES", 2)
    header, render = RENDERERS[fmt]
    written, rendered = io.StringIO(), io.StringIO()
    WRITERS[fmt](extract_paths([SEEDS]), written)
    chunks = list(extract_paths([SEEDS], jobs=jobs, render=render))
    write_rendered(chunks, rendered, header)
    assert len(chunks) == 5
    assert rendered.getvalue() == written.getvalue()
    assert written.getvalue().count("\n") == 80 + (fmt == "csv")


@pytest.mark.parametrize(("chunks", "expected"), [
    ([], "H\n"),
    (["", ""], "H\n"),
    (["", "a\n", "", "b\n"], "H\na\nb\n"),
    (["x" * 20_000], "H\n" + "x" * 20_000),
], ids=["nothing", "no-rows", "rows", "long-article"])
def test_the_header_goes_out_with_the_first_rows(chunks, expected):
    from agrofacts.writers import write_rendered

    out = io.StringIO()
    write_rendered(iter(chunks), out, "H\n")
    assert out.getvalue() == expected
