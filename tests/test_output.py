"""Output that can be trusted: atomic -o, quiet ends, the same bytes every run, no live formulas."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import agrofacts.extract
from agrofacts.cli import cli
from agrofacts.errors import RuleFileError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARTICLE = "BEIJING, May 5 (Xinhua) -- The county sold more than 300 tonnes of pears.\n"
FORMULAS = ('=HYPERLINK("http://x","y") said the county sold 300 tonnes of pears.\n'
            "+1 555 0100 buyers paid 20 yuan.\n"
            "@county sold 5 tonnes.\n")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def two_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _fail_on_second(exc: BaseException, monkeypatch):
    real = agrofacts.extract.extract_article

    def extract_article(article, *args, **kwargs):
        if article.doc == "b.txt":
            raise exc
        return real(article, *args, **kwargs)

    monkeypatch.setattr(agrofacts.extract, "extract_article", extract_article)


@pytest.mark.parametrize(("exc", "code", "stderr"), [
    (RuleFileError("units.csv: line 3: it broke"), 1, "Error: units.csv: line 3: it broke\n"),
    (KeyboardInterrupt(), 130, "agrofacts: interrupted\n"),
], ids=["error", "ctrl-c"])
def test_existing_output_untouched_when_the_run_does_not_finish(two_articles, tmp_path, monkeypatch,
                                                                 exc, code, stderr):
    out = tmp_path / "facts.csv"
    out.write_text("old table\n", encoding="utf-8")
    _fail_on_second(exc, monkeypatch)
    result = run("extract", str(two_articles), "-o", str(out))
    assert (result.exit_code, result.stderr) == (code, stderr)
    assert out.read_text(encoding="utf-8") == "old table\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.csv", "in"]


def test_output_replaced_whole_when_complete(two_articles, tmp_path):
    out = tmp_path / "facts.csv"
    out.write_text("old table\n", encoding="utf-8")
    out.chmod(0o600)
    result = run("extract", str(two_articles), "-o", str(out))
    assert (result.exit_code, result.output) == (0, "")
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["doc"], r["text"]) for r in table] == [("a.txt", "more than 300 tonnes"),
                                                      ("b.txt", "more than 300 tonnes")]
    assert out.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.csv", "in"]


def test_new_output_file_gets_usual_permissions(two_articles, tmp_path):
    old = os.umask(0o022)
    try:
        result = run("extract", str(two_articles), "-o", str(tmp_path / "new.csv"))
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644


def test_output_into_missing_folder_is_a_usage_error(two_articles, tmp_path):
    result = run("extract", str(two_articles), "-o", str(tmp_path / "no" / "f.csv"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write {tmp_path / 'no' / 'f.csv'}: no such file or directory\n"


def test_same_bytes_every_run_and_any_order_of_inputs():
    forward = run("extract", *map(str, SEEDS))
    backward = run("extract", *map(str, reversed(SEEDS)))
    again = run("extract", *map(str, SEEDS))
    assert forward.exit_code == backward.exit_code == 0
    assert forward.stdout_bytes == backward.stdout_bytes == again.stdout_bytes
    docs = [r["doc"] for r in csv.DictReader(io.StringIO(forward.stdout))]
    assert docs == sorted(docs)


def test_same_file_given_twice_is_read_once(two_articles):
    result = run("extract", str(two_articles), str(two_articles), "--format", "jsonl")
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["a.txt", "b.txt"]


def _cells(output: str) -> list[tuple[str, str, str]]:
    return [(r["doc"], r["text"], r["sentence"]) for r in csv.DictReader(io.StringIO(output))]


def test_formulas_are_neutralised_in_csv(tmp_path):
    (tmp_path / "=cmd.txt").write_text(FORMULAS, encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0
    assert _cells(result.stdout) == [
        ("'=cmd.txt", "300 tonnes", '\'=HYPERLINK("http://x","y") said the county sold 300 tonnes of pears.'),
        ("'=cmd.txt", "20 yuan", "'+1 555 0100 buyers paid 20 yuan."),
        ("'=cmd.txt", "5 tonnes", "'@county sold 5 tonnes."),
    ]


def test_raw_leaves_formulas_as_written(tmp_path):
    (tmp_path / "=cmd.txt").write_text(FORMULAS, encoding="utf-8")
    result = run("extract", str(tmp_path), "--raw")
    assert [s for _d, _t, s in _cells(result.stdout)] == FORMULAS.splitlines()
    assert {d for d, _t, _s in _cells(result.stdout)} == {"=cmd.txt"}


def test_json_lines_never_altered(tmp_path):
    (tmp_path / "=cmd.txt").write_text(FORMULAS, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["sentence"]) for r in rows] == [("=cmd.txt", s) for s in FORMULAS.splitlines()]


def test_stdin_doc_name_is_not_neutralised():
    result = run("extract", "-", input=ARTICLE)
    assert [d for d, _t, _s in _cells(result.stdout)] == ["-"]


@pytest.fixture
def many_facts(tmp_path):
    """One article whose table is far larger than a pipe's buffer (64 KiB)."""
    path = tmp_path / "long.txt"
    path.write_text("".join(f"The county sold {n} tonnes of pears.\n" for n in range(1, 1500)),
                    encoding="utf-8")
    return path


def test_pipe_closed_early_ends_quietly(many_facts):
    proc = subprocess.Popen([sys.executable, "-m", "agrofacts", "extract", str(many_facts)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert first.startswith(b"doc,source,")
    assert stderr == b""


@pytest.mark.parametrize(("sig", "code", "stderr"), [
    (signal.SIGINT, 130, b"agrofacts: interrupted\n"),
    (signal.SIGTERM, 143, b""),
], ids=["ctrl-c", "kill"])
def test_interrupted_process_exits_quietly_and_leaves_no_file(tmp_path, sig, code, stderr):
    out = tmp_path / "facts.csv"
    out.write_text("old table\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "agrofacts", "extract", "-", "-o", str(out)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    proc.stdin.write(ARTICLE.encode())
    proc.stdin.flush()  # stdin left open: the command waits for the rest of the article
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".facts.csv.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".facts.csv.*.tmp")), "the command never started its output"
    proc.send_signal(sig)
    stdout, err = proc.communicate(timeout=60)
    assert (proc.returncode, stdout, err) == (code, b"", stderr)
    assert out.read_text(encoding="utf-8") == "old table\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.csv"]
