"""Table writers: the facts as CSV or JSON Lines, in contract columns.

Writers take an iterable of facts and write them as they come, one
article's rows at a time, so memory does not grow with the input. Each
format is a renderer of one article's facts (``RENDERERS``) and a header;
a run on several processes renders where the facts are made and writes the
text (``write_rendered``), the same bytes as ``write_csv`` and ``write_jsonl``.

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
import io
import json
from collections.abc import Callable, Iterable, Iterator
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


def render_csv(facts: Iterable[Fact], raw: bool = False) -> str:
    """The CSV rows of some facts (one article's), without the header: see ``write_csv``."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(
        [csv_cells(f, raw) for f in facts])
    return buffer.getvalue()


def render_jsonl(facts: Iterable[Fact]) -> str:
    """One JSON object a line, keys in contract order; decimals as strings to stay exact."""
    return "".join(json.dumps(fact.as_row(), ensure_ascii=False) + "\n" for fact in facts)


#: The CSV header line (no column name needs quoting).
CSV_HEADER = ",".join(COLUMNS) + "\n"
#: Per format: the header, and the renderer of one article's facts (module-level, so it pickles).
RENDERERS: dict[str, tuple[str, Callable[..., str]]] = {
    "csv": (CSV_HEADER, render_csv),
    "jsonl": ("", render_jsonl),
}


#: Characters per write. One write larger than a pipe holds can lose its error when the reader
#: leaves (measured: one long article's table piped to ``head -1`` exited 0, not 141, and the
#: rest of the table was dropped silently), so text goes out in pieces no larger than a stream's buffer.
WRITE_PIECE = 8192


def write_rendered(chunks: Iterable[str], out: TextIO, header: str = "") -> None:
    """Rendered articles (``RENDERERS``) one after another, the header with the first rows.

    An error before any row leaves no output at all, not a lone header.
    """
    started = False
    for chunk in chunks:
        if chunk:
            if not started:
                out.write(header)
                started = True
            for start in range(0, len(chunk), WRITE_PIECE):
                out.write(chunk[start:start + WRITE_PIECE])
    if not started:
        out.write(header)


def write_csv(facts: Iterable[Fact], out: TextIO, raw: bool = False) -> int:
    """RFC 4180 CSV with a header, '\\n' line ends; returns the number of rows.

    Text cells that a spreadsheet would run as a formula get a leading ``'``
    unless ``raw`` (see the module docstring). Written with the csv module in
    the dialect pandas' ``to_csv`` uses (minimal quoting, doubled quotes): the
    same bytes, without a DataFrame per article, which cost more than the
    extraction on large runs.
    """
    return _write_by_article(facts, out, CSV_HEADER, lambda group: render_csv(group, raw))


def write_jsonl(facts: Iterable[Fact], out: TextIO) -> int:
    """One JSON object a line, keys in contract order; decimals as strings to stay exact."""
    return _write_by_article(facts, out, "", render_jsonl)


def _write_by_article(facts: Iterable[Fact], out: TextIO, header: str,
                      render: Callable[[list[Fact]], str]) -> int:
    rows = 0

    def chunks() -> Iterator[str]:
        nonlocal rows
        for _doc, group in groupby(facts, key=lambda f: f.doc):
            facts_of_doc = list(group)
            rows += len(facts_of_doc)
            yield render(facts_of_doc)

    write_rendered(chunks(), out, header)
    return rows


WRITERS = {"csv": write_csv, "jsonl": write_jsonl}
