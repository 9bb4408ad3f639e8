"""Table writers: the facts as CSV or JSON Lines, in contract columns.

Writers take an iterable of facts and write them as they come, one
article's rows at a time, so memory does not grow with the input.

CSV is opened by spreadsheets, which run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and some read a leading tab or carriage return the
same way) as a formula: ``=HYPERLINK(...)`` in an article would become a live
link. So, as OWASP advises, such text cells get a leading ``'`` unless
``raw`` is asked for. Only the cells that hold words from the article or
the file system are touched (``TEXT_CELLS``); the cell ``-`` alone (the doc
name of standard input) is left as it is, since it is no formula. JSON Lines
is never altered.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from itertools import groupby
from typing import TextIO

from .fact import COLUMNS, Fact

FORMATS = ("csv", "jsonl")
#: Cells that carry text from the article or a file name, neutralised in CSV.
TEXT_CELLS: tuple[str, ...] = ("doc", "source", "text", "item", "sentence")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TEXT_INDEXES = tuple(COLUMNS.index(c) for c in TEXT_CELLS)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula.

    >>> print(neutralise('=HYPERLINK("http://x","y")'))
    '=HYPERLINK("http://x","y")
    >>> neutralise("+1 555 0100"), neutralise("300 tonnes"), neutralise("-")
    ("'+1 555 0100", '300 tonnes', '-')
    """
    if cell.startswith(FORMULA_START) and cell != "-":
        return "'" + cell
    return cell


def csv_row(fact: Fact, raw: bool = False) -> dict[str, str | int]:
    """The row as it goes into CSV: ``Fact.as_row`` with text cells neutralised unless ``raw``."""
    return dict(zip(COLUMNS, csv_cells(fact, raw), strict=True))


def csv_cells(fact: Fact, raw: bool = False) -> list[str | int]:
    """``csv_row``'s values in column order: what the CSV writer writes."""
    cells = fact.cells()
    if not raw:
        for i in _TEXT_INDEXES:
            cells[i] = neutralise(cells[i])
    return cells


def write_csv(facts: Iterable[Fact], out: TextIO, raw: bool = False) -> int:
    """RFC 4180 CSV with a header, '\\n' line ends; returns the number of rows.

    Text cells that a spreadsheet would run as a formula get a leading ``'``
    unless ``raw`` (see the module docstring). Written with the csv module in
    the dialect pandas' ``to_csv`` uses (minimal quoting, doubled quotes): the
    same bytes, without a DataFrame per article, which cost more than the
    extraction on large runs.
    """
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    n = 0
    for _doc, group in groupby(facts, key=lambda f: f.doc):
        rows = [csv_cells(f, raw) for f in group]
        if not n:  # the header goes out with the first rows: an error before them leaves no output
            writer.writerow(COLUMNS)
        writer.writerows(rows)
        n += len(rows)
    if not n:
        writer.writerow(COLUMNS)
    return n


def write_jsonl(facts: Iterable[Fact], out: TextIO) -> int:
    """One JSON object a line, keys in contract order; decimals as strings to stay exact."""
    n = 0
    for fact in facts:
        out.write(json.dumps(fact.as_row(), ensure_ascii=False) + "\n")
        n += 1
    return n


WRITERS = {"csv": write_csv, "jsonl": write_jsonl}
