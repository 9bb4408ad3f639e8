"""Table writers: the facts as CSV (through pandas) or JSON Lines, in contract columns.

Writers take an iterable of facts and write them as they come, one
article's rows at a time, so memory does not grow with the input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby
from typing import TextIO

from .fact import COLUMNS, Fact

FORMATS = ("csv", "jsonl")


def write_csv(facts: Iterable[Fact], out: TextIO) -> int:
    """RFC 4180 CSV with a header, '\\n' line ends; returns the number of rows."""
    import pandas as pd

    n = 0
    header = True
    for _doc, group in groupby(facts, key=lambda f: f.doc):
        rows = [f.as_row() for f in group]
        pd.DataFrame(rows, columns=list(COLUMNS)).to_csv(
            out, header=header, index=False, lineterminator="\n")
        header = False
        n += len(rows)
    if header:
        out.write(",".join(COLUMNS) + "\n")
    return n


def write_jsonl(facts: Iterable[Fact], out: TextIO) -> int:
    """One JSON object a line, keys in contract order; decimals as strings to stay exact."""
    n = 0
    for fact in facts:
        out.write(json.dumps(fact.as_row(), ensure_ascii=False) + "\n")
        n += 1
    return n


WRITERS = {"csv": write_csv, "jsonl": write_jsonl}
