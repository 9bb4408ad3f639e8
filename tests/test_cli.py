"""The command line, through click's CliRunner, and once as the installed console script."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from agrofacts import __version__
from agrofacts.cli import cli
from agrofacts.fact import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLE = "BEIJING, May 5 (Xinhua) -- The county sold more than 300 tonnes of pears.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"agrofacts, version {__version__}\n"


@pytest.mark.parametrize("command", [[], ["extract"], ["units"]], ids=["group", "extract", "units"])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_extract_stdin_csv():
    result = run("extract", "-", input=ARTICLE)
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert list(table[0]) == list(COLUMNS)
    assert [(r["doc"], r["source"], r["kind"], r["text"], r["value"], r["unit"], r["qualifier"])
            for r in table] == [("-", "Xinhua", "mass", "more than 300 tonnes", "300000", "kg", "over")]


def test_extract_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["doc"], r["fact"], r["text"], r["value"]) for r in rows] == [
        ("a.txt", 1, "more than 300 tonnes", "300000")]


def test_extract_folder_recursive_sorted_and_txt_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("It sold 5 tonnes.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("It sold 7 tonnes.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("It sold 9 tonnes.\n", encoding="utf-8")
    result = run("extract", str(tmp_path))
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["doc"], r["value"]) for r in table] == [("a.txt", "7000"), ("b/z.txt", "5000")]


def test_output_file(tmp_path):
    out = tmp_path / "facts.csv"
    result = run("extract", str(SEEDS / "000_2d1d67725c2ca532.txt"), "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert table[0]["doc"] == "000_2d1d67725c2ca532.txt"
    assert out.read_bytes().count(b"\r\n") == 0


def test_missing_path_is_a_clear_error(tmp_path):
    result = run("extract", str(tmp_path / "nope"))
    assert result.exit_code != 0
    assert f"{tmp_path / 'nope'}: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_installed_console_script(tmp_path):
    exe = shutil.which("agrofacts")
    if exe is None:
        pytest.skip("agrofacts is not installed as a console script")
    done = subprocess.run([exe, "extract", str(SEEDS)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["doc"] for r in table} == {p.name for p in SEEDS.glob("*.txt")}


def test_broken_rule_file_is_a_clear_error(monkeypatch, tmp_path):
    """A malformed data file (users may edit them) is named on stderr, exit 1, no traceback."""
    from agrofacts import startup
    from agrofacts.errors import RuleFileError

    def broken() -> None:
        raise RuleFileError("date_words.csv:56: role 'x' not one of ['ago']")

    monkeypatch.setattr(startup, "load_pipeline", broken)
    (tmp_path / "a.txt").write_text("It sold 5 tonnes.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "Error: date_words.csv:56: role 'x' not one of ['ago']" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
