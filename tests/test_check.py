"""`agrofacts check`: facts compared with a golden file, fact by fact, with a readable report."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from agrofacts.cli import cli
from agrofacts.fact import COLUMNS
from agrofacts.golden import compare

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("BEIJING, May 5 (Xinhua) -- The county sold more than 300 tonnes of pears.\n"
           "Its 25 cooperatives earned 2 million yuan.\n")
FIRST = "BEIJING, May 5 (Xinhua) -- The county sold more than 300 tonnes of pears."
SECOND = "Its 25 cooperatives earned 2 million yuan."


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def setup(tmp_path):
    """A folder of one article and a golden file made from it by `extract`."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    golden = tmp_path / "golden.csv"
    assert run("extract", str(folder), "-o", str(golden)).exit_code == 0
    return folder, golden


def edit_golden(golden: Path, edit) -> None:
    rows = list(csv.DictReader(golden.open(encoding="utf-8", newline="")))
    rows = edit(rows)
    with golden.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_equal_exits_0(setup):
    folder, golden = setup
    result = run("check", str(folder), "--golden", str(golden))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"equal: 3 facts match {golden}\n", "")


def test_changed_column_is_shown_old_and_new_with_article_and_sentence(setup):
    folder, golden = setup

    def edit(rows):
        rows[0]["qualifier"], rows[0]["value"] = "exact", "3"
        return rows

    edit_golden(golden, edit)
    result = run("check", str(folder), "--golden", str(golden))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "~ changed a.txt chars 43-63 'more than 300 tonnes' (mass 300000 kg over)",
        "    value: '3' -> '300000'",
        "    qualifier: 'exact' -> 'over'",
        f"    sentence: {FIRST}",
        f"differs from {golden}: 0 added, 0 removed, 1 changed, 2 unchanged",
    ]


def test_one_new_fact_early_is_one_addition_not_a_renumbering(setup):
    folder, golden = setup
    edit_golden(golden, lambda rows: rows[1:])  # the golden lacks the first fact: all renumber
    result = run("check", str(folder), "--golden", str(golden))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "+ added a.txt chars 43-63 'more than 300 tonnes' (mass 300000 kg over)",
        f"    sentence: {FIRST}",
        f"differs from {golden}: 1 added, 0 removed, 0 changed, 2 unchanged",
    ]


def test_removed_fact(setup):
    folder, golden = setup

    def edit(rows):
        extra = dict(rows[-1], fact="4", text="9 pears", start_char="200", end_char="207")
        return [*rows, extra]

    edit_golden(golden, edit)
    result = run("check", str(folder), "--golden", str(golden))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == ("- removed a.txt chars 200-207 '9 pears' "
                                             "(money 2000000 CNY exact)")
    assert result.stdout.splitlines()[-1] == (f"differs from {golden}: 0 added, 1 removed, 0 changed, "
                                              "3 unchanged")


def test_grown_span_is_a_change_of_text_and_offsets(setup):
    folder, golden = setup

    def edit(rows):
        rows[0].update(text="300 tonnes", start_char="53", qualifier="exact")
        return rows

    edit_golden(golden, edit)
    result = run("check", str(folder), "--golden", str(golden))
    assert result.stdout.splitlines()[:4] == [
        "~ changed a.txt chars 43-63 'more than 300 tonnes' (mass 300000 kg over)",
        "    text: '300 tonnes' -> 'more than 300 tonnes'",
        "    qualifier: 'exact' -> 'over'",
        "    start_char: '53' -> '43'",
    ]


def test_update_rewrites_the_golden_file_and_exits_0(setup):
    folder, golden = setup
    good = golden.read_bytes()
    edit_golden(golden, lambda rows: rows[1:])
    result = run("check", str(folder), "--golden", str(golden), "--update")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        f"differs from {golden}: 1 added, 0 removed, 0 changed, 2 unchanged",
        f"updated {golden}: 3 facts",
    ]
    assert golden.read_bytes() == good
    assert run("check", str(folder), "--golden", str(golden)).exit_code == 0


def test_update_creates_a_missing_golden_file(setup, tmp_path):
    folder, golden = setup
    new = tmp_path / "new.csv"
    result = run("check", str(folder), "--golden", str(new), "--update")
    assert result.exit_code == 0
    assert new.read_bytes() == golden.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "golden.csv", "new.csv"]


def test_update_leaves_an_equal_golden_file_alone(setup):
    folder, golden = setup
    os.utime(golden, (1, 1))
    result = run("check", str(folder), "--golden", str(golden), "--update")
    assert result.exit_code == 0 and "updated" not in result.stdout
    assert golden.stat().st_mtime == 1


@pytest.mark.parametrize(("content", "message"), [
    (None, "{golden}: no such golden file (create it with --update)"),
    ("", "{golden}: empty file, not a facts table (no header row)"),
    ("a,b\n", "{golden}: line 1: columns are not the facts table's: expected " + ",".join(COLUMNS)),
    (",".join(COLUMNS) + "\na.txt,x\n", "{golden}: line 2: 2 cells, expected 17"),
    (",".join(COLUMNS) + "\n" + ",".join(["a.txt"] + [""] * 13 + ["x", "5", ""]) + "\n",
     "{golden}: line 2: start_char 'x' is not a whole number"),
], ids=["missing", "empty", "wrong-columns", "short-row", "bad-offset"])
def test_bad_golden_file_exits_2(setup, tmp_path, content, message):
    folder, _golden = setup
    bad = tmp_path / "bad.csv"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = run("check", str(folder), "--golden", str(bad))
    assert result.exit_code == 2
    assert result.stderr == "Error: " + message.format(golden=bad) + "\n"


def test_unusable_input_exits_2_and_is_named(setup, tmp_path):
    folder, golden = setup
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("check", str(folder), "--golden", str(golden), "--update")
    assert result.exit_code == 2
    assert result.stderr == (f"skipped: {folder / 'b.txt'}: binary file (PNG image), not text\n"
                             "Error: 1 input could not be used; not compared\n")


def test_missing_golden_option_is_a_usage_error(setup):
    folder, _golden = setup
    result = run("check", str(folder))
    assert result.exit_code == 2
    assert "Missing option '--golden'" in result.stderr


def test_golden_written_raw_compares_equal(setup, tmp_path):
    folder, _golden = setup
    (folder / "a.txt").write_text("+1 555 0100 buyers paid 20 yuan.\n", encoding="utf-8")
    raw = tmp_path / "raw.csv"
    assert run("extract", str(folder), "--raw", "-o", str(raw)).exit_code == 0
    assert ",+1 555 0100 buyers paid 20 yuan.\n" in raw.read_text(encoding="utf-8")
    assert run("check", str(folder), "--golden", str(raw)).exit_code == 0


def test_seeds_match_the_repository_golden_file():
    result = run("check", str(ROOT / "seeds"), "--golden", str(ROOT / "data" / "golden_facts.csv"))
    assert result.exit_code == 0, result.stdout


def _row(**cells) -> dict[str, str]:
    base = dict.fromkeys(COLUMNS, "")
    base.update(doc="a.txt", kind="count", value="1", qualifier="exact", sentence="s")
    base.update(cells)
    return base


def test_same_as_compared_by_the_fact_it_names_not_its_number():
    old = [_row(fact="1", text="5 yuan", start_char="0", end_char="6"),
           _row(fact="2", text="$1", start_char="8", end_char="10", same_as="1")]
    new = [_row(fact="1", text="new", start_char="0", end_char="0"),
           _row(fact="2", text="5 yuan", start_char="0", end_char="6"),
           _row(fact="3", text="$1", start_char="8", end_char="10", same_as="2")]
    result = compare(old, new)
    assert [(c.status, c.new["text"], c.columns) for c in result.changes] == [("added", "new", ())]
    assert result.unchanged == 2


def test_same_as_pointing_elsewhere_is_a_change():
    old = [_row(fact="1", text="5 yuan", start_char="0", end_char="6"),
           _row(fact="2", text="$1", start_char="8", end_char="10", same_as="1")]
    new = [_row(fact="1", text="5 yuan", start_char="0", end_char="6"),
           _row(fact="2", text="$1", start_char="8", end_char="10")]
    assert [(c.status, c.columns) for c in compare(old, new).changes] == [("changed", ("same_as",))]


def test_edited_article_pairs_moved_facts_by_text():
    old = [_row(fact="1", text="5 yuan", start_char="0", end_char="6")]
    new = [_row(fact="1", text="5 yuan", start_char="20", end_char="26")]
    assert [(c.status, c.columns) for c in compare(old, new).changes] == [
        ("changed", ("start_char", "end_char"))]


def test_check_has_help():
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Exit 0 when equal, 1 when they differ, 2 for a usage or input error" in result.stdout
