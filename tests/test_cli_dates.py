"""The CLI's publication-date options: --published, --metadata, --unresolved-dates; the README example."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from agrofacts.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
XINHUA = "Source: Xinhua| 2019-11-24 15:40:04\n\nBEIJING, Nov. 24 (Xinhua) -- Sales rose this year.\n"
PLAIN = "Last year, the county sold 500 tonnes of pears.\n"


def rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "xinhua.txt").write_text(XINHUA, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return folder


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["extract", *args], input=input)


def test_readme_example_runs_as_documented():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Dates and the publication date"):]
    command = re.search(r'\$ echo "([^"]+)" \\\n\s+\| agrofacts extract - (.+)\n', section)
    expected = re.search(r"```csv\n(.*?)```", section, re.DOTALL)
    assert command and expected
    result = run("-", *command[2].split(), input=command[1] + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected[1]


@pytest.mark.parametrize("bad", ["2020-13-01", "2020-02-30", "22/09/2020", "2020-9-22", "soon"])
def test_bad_published_is_a_usage_error(articles, bad):
    result = run(str(articles), "--published", bad)
    assert result.exit_code == 2
    assert f"Invalid value for '--published': {bad!r} is not a date in the form YYYY-MM-DD" in result.stderr


def test_published_fills_articles_without_their_own_date(articles):
    result = run(str(articles), "--published", "2021-05-04")
    assert result.exit_code == 0, result.output
    by_doc = {r["doc"]: r for r in rows(result.stdout)}
    assert by_doc["xinhua.txt"]["published"] == "2019-11-24"  # the article's own date comes first
    assert by_doc["plain.txt"]["published"] == "2021-05-04"
    tonnes = [r for r in rows(result.stdout) if r["text"] == "500 tonnes"][0]
    assert (tonnes["period_start"], tonnes["period_end"]) == ("2020-01-01", "2020-12-31")


def test_metadata_gives_date_and_source(articles, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,published,source\nplain,2021-05-04,Farm Daily\nxinhua.txt,2000-01-01,Other\n",
                    encoding="utf-8")
    result = run(str(articles), "--metadata", str(meta))
    assert result.exit_code == 0, result.output
    got = {(r["doc"], r["published"], r["source"]) for r in rows(result.stdout)}
    assert got == {("plain.txt", "2021-05-04", "Farm Daily"), ("xinhua.txt", "2019-11-24", "Xinhua")}
    assert result.stderr == ""


def test_published_option_comes_before_metadata(articles, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,published\nplain.txt,2021-05-04\n", encoding="utf-8")
    result = run(str(articles), "--metadata", str(meta), "--published", "2022-01-01")
    assert {r["published"] for r in rows(result.stdout) if r["doc"] == "plain.txt"} == {"2022-01-01"}


def test_metadata_row_naming_no_article_is_a_warning(articles, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,published\nplain.txt,2021-05-04\nmissing.txt,2021-05-05\n", encoding="utf-8")
    result = run(str(articles), "--metadata", str(meta))
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {meta}:3: no article named 'missing.txt'\n"


@pytest.mark.parametrize("content,message", [
    ("doc,published\nplain.txt,2021-02-30\n", ":2: '2021-02-30' is not a date in the form YYYY-MM-DD"),
    ("doc,date\nplain.txt,2021-02-03\n", ": columns are ['doc', 'date'], expected doc,published[,source]"),
    ("doc,published\nplain.txt,2021-02-03\nplain.txt,2021-02-04\n",
     ":3: doc 'plain.txt' already given on line 2"),
], ids=["bad-date", "bad-header", "repeated-doc"])
def test_bad_metadata_is_an_error(articles, tmp_path, content, message):
    meta = tmp_path / "meta.csv"
    meta.write_text(content, encoding="utf-8")
    result = run(str(articles), "--metadata", str(meta))
    assert result.exit_code == 2  # an input the user gave cannot be used: exit 2, as for -o
    assert result.stderr == f"Error: {meta}{message}\n"


def test_unresolved_dates_flag(articles):
    plain = str(articles / "plain.txt")
    default = [r["text"] for r in rows(run(plain).stdout) if r["kind"] == "date"]
    listed = [(r["text"], r["period_start"]) for r in rows(run(plain, "--unresolved-dates").stdout)
              if r["kind"] == "date"]
    assert default == []
    assert listed == [("Last year", "")]


def test_help_names_the_date_options():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--published", "--metadata", "--unresolved-dates"):
        assert option in result.output
