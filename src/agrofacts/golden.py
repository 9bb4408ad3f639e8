"""Comparing facts with a golden facts file, fact by fact, for regression checks in CI.

A fact is known by its article and its place: ``doc``, ``start_char``,
``end_char`` and ``text``. Facts are paired in three passes within each
article: the same place and text; then overlapping spans (a figure that grew
or shrank, ``2 billion yuan`` -> ``over 2 billion yuan``); then the same text
in order (the article itself was edited and the offsets moved). What is left
is added or removed. The ``fact`` number is not compared, since one new fact
early in an article renumbers all the rest; ``same_as`` is compared by the
fact it points at, not by its number, for the same reason.

Cells are compared as the CSV writer writes them (text cells neutralised,
see ``writers.neutralise``), so a golden file written with or without
``--raw`` compares the same.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .fact import COLUMNS, Fact
from .reading import Problem, Report, strict_report
from .writers import TEXT_CELLS, csv_row, neutralise, write_csv

Row = dict[str, str]
#: Columns compared cell by cell (``fact`` and ``same_as`` are handled apart, see above).
COMPARED: tuple[str, ...] = tuple(c for c in COLUMNS if c not in ("doc", "fact", "same_as"))


@dataclass(frozen=True)
class Change:
    """One difference: a fact ``added`` (only ``new``), ``removed`` (only ``old``) or ``changed``."""

    status: str
    doc: str
    old: Row | None
    new: Row | None
    columns: tuple[str, ...] = ()

    @property
    def place(self) -> int:
        return int((self.new or self.old)["start_char"])


@dataclass
class Comparison:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0

    @property
    def equal(self) -> bool:
        return not self.changes

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


def rows_of(facts: Iterable[Fact]) -> list[Row]:
    """Facts as the string cells the CSV writer prints (neutralised)."""
    return [{k: str(v) for k, v in csv_row(f).items()} for f in facts]


def read_golden(path: str | Path) -> list[Row]:
    """Rows of a golden facts CSV; InputError naming the file and line if it is not one."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path}: empty file, not a facts table (no header row)")
            if tuple(header) != COLUMNS:
                raise InputError(f"{path}: line 1: columns are not the facts table's: expected "
                                 f"{','.join(COLUMNS)}")
            rows = []
            for cells in reader:
                if len(cells) != len(COLUMNS):
                    raise InputError(f"{path}: line {reader.line_num}: {len(cells)} cells, "
                                     f"expected {len(COLUMNS)}")
                row = dict(zip(COLUMNS, cells, strict=True))
                for column in ("start_char", "end_char"):
                    if not row[column].isdigit():
                        raise InputError(f"{path}: line {reader.line_num}: {column} "
                                         f"{row[column]!r} is not a whole number")
                for column in TEXT_CELLS:
                    row[column] = neutralise(row[column])
                rows.append(row)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such golden file (create it with --update)") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not a CSV file ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{path}: {(exc.strerror or str(exc)).lower()}") from exc
    return rows


def compare(golden: list[Row], fresh: list[Row]) -> Comparison:
    """What changed from ``golden`` to ``fresh``, in doc and text order."""
    old_by_doc, new_by_doc = _by_doc(golden), _by_doc(fresh)
    result = Comparison()
    for doc in sorted(old_by_doc.keys() | new_by_doc.keys()):
        old, new = old_by_doc.get(doc, []), new_by_doc.get(doc, [])
        old_target, new_target = _targets(old), _targets(new)
        for a, b in _pair(old, new):
            if a is None:
                result.changes.append(Change("added", doc, None, b))
            elif b is None:
                result.changes.append(Change("removed", doc, a, None))
            else:
                columns = tuple(c for c in COMPARED if a[c] != b[c])
                if old_target.get(a["same_as"]) != new_target.get(b["same_as"]):
                    columns += ("same_as",)
                if columns:
                    result.changes.append(Change("changed", doc, a, b, columns))
                else:
                    result.unchanged += 1
    result.changes.sort(key=lambda c: (c.doc, c.place, c.status))
    return result


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        out[row["doc"]].append(row)
    for group in out.values():
        group.sort(key=lambda r: (int(r["start_char"]), int(r["end_char"])))
    return out


def _targets(rows: list[Row]) -> dict[str, tuple[str, str, str]]:
    """fact number -> (start, end, text) of that fact, so same_as compares by what it names."""
    return {r["fact"]: (r["start_char"], r["end_char"], r["text"]) for r in rows}


def _span(row: Row) -> tuple[int, int]:
    return int(row["start_char"]), int(row["end_char"])


def _pair(old: list[Row], new: list[Row]) -> list[tuple[Row | None, Row | None]]:
    pairs: list[tuple[Row | None, Row | None]] = []
    left_old, left_new = list(old), list(new)

    def take(match) -> None:
        nonlocal left_old
        kept = []
        for a in left_old:
            b = next((b for b in left_new if match(a, b)), None)
            if b is None:
                kept.append(a)
            else:
                pairs.append((a, b))
                left_new.remove(b)
        left_old = kept

    take(lambda a, b: _span(a) == _span(b) and a["text"] == b["text"])
    take(lambda a, b: _span(a)[0] < _span(b)[1] and _span(b)[0] < _span(a)[1])
    take(lambda a, b: a["text"] == b["text"])
    pairs.extend((a, None) for a in left_old)
    pairs.extend((None, b) for b in left_new)
    return pairs


def report_lines(comparison: Comparison, golden: str) -> list[str]:
    """The readable report: one block per difference, then a summary line."""
    lines = []
    for change in comparison.changes:
        row = change.new or change.old
        mark = {"added": "+", "removed": "-", "changed": "~"}[change.status]
        lines.append(f"{mark} {change.status} {change.doc} chars {row['start_char']}-{row['end_char']} "
                     f"{row['text']!r} ({row['kind']} {row['value'] or '-'} {row['unit'] or '-'} "
                     f"{row['qualifier'] or '-'})")
        for column in change.columns:
            lines.append(f"    {column}: {change.old[column]!r} -> {change.new[column]!r}")
        lines.append(f"    sentence: {row['sentence']}")
    if comparison.equal:
        lines.append(f"equal: {comparison.unchanged} facts match {golden}")
    else:
        lines.append(f"differs from {golden}: {comparison.count('added')} added, "
                     f"{comparison.count('removed')} removed, {comparison.count('changed')} changed, "
                     f"{comparison.unchanged} unchanged")
    return lines


def check(paths: Iterable[str | Path], golden: str | Path, *, update: bool = False, glob: str = "*.txt",
          published: str | None = None, report: Report = strict_report,
          echo: Callable[[str], None] = print) -> Comparison:
    """Extract ``paths``, ``echo`` the report against ``golden``; with ``update``, rewrite it atomically.

    An input that cannot be used (after ``report`` has been told) makes the
    comparison meaningless: InputError, nothing compared or written. With
    ``update`` a missing golden file is created.
    """
    from .archive import extract_paths
    from .output import atomic_output

    unused = []

    def note(problem: Problem) -> None:
        report(problem)
        if not problem.used:
            unused.append(problem)

    facts = list(extract_paths(paths, glob=glob, published=published, report=note))
    if unused:
        n = len(unused)
        raise InputError(f"{n} input{'' if n == 1 else 's'} could not be used; not compared")
    exists = os.path.lexists(golden)
    comparison = compare(read_golden(golden) if exists or not update else [], rows_of(facts))
    for line in report_lines(comparison, str(golden)):
        echo(line)
    if update and (not comparison.equal or not exists):
        try:
            with atomic_output(golden) as out:
                n = write_csv(facts, out)
        except OSError as exc:
            raise InputError(f"cannot write {golden}: {(exc.strerror or str(exc)).lower()}") from exc
        echo(f"updated {golden}: {n} facts")
    return comparison
