"""Article metadata the user gives: a CSV of ``doc,published[,source]`` rows.

``doc`` names an article as the facts table does (its path relative to the
folder given, or its file name); the name without its ``.txt`` suffix is
accepted too, as in the golden facts file. Dates must be ``YYYY-MM-DD``:
a bad one is an error naming the file and line. Rows that name no article
read are reported by :meth:`Metadata.unused` so the CLI can warn about them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import InputError
from .periods import parse_iso

REQUIRED = ("doc", "published")
OPTIONAL = ("source",)


@dataclass(frozen=True)
class MetaRow:
    line: int
    doc: str
    published: str
    source: str


@dataclass
class Metadata:
    path: str
    rows: dict[str, MetaRow]
    used: set[str] = field(default_factory=set)

    def lookup(self, doc: str) -> MetaRow | None:
        """The row for an article, by its doc name or that name without its suffix."""
        for key in (doc, str(PurePosixPath(doc).with_suffix(""))):
            row = self.rows.get(key)
            if row is not None:
                self.used.add(row.doc)
                return row
        return None

    def unused(self) -> list[MetaRow]:
        """Rows that named no article read so far, in file order."""
        return sorted((r for r in self.rows.values() if r.doc not in self.used), key=lambda r: r.line)


def check_date(text: str) -> str:
    """``text`` if it is a real YYYY-MM-DD date, else ValueError saying what is wrong.

    >>> check_date("2020-09-22")
    '2020-09-22'
    >>> check_date("2020-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2020-02-30' is not a date in the form YYYY-MM-DD
    """
    if parse_iso(text) is None:
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    return text


def read_metadata(path: str | Path) -> Metadata:
    """Read a metadata CSV; bad headers, dates or repeated docs raise InputError (file:line: what)."""
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            allowed = REQUIRED + OPTIONAL
            if not set(REQUIRED) <= set(header) or not set(header) <= set(allowed):
                raise InputError(f"{name}: columns are {list(header)}, expected doc,published[,source]")
            rows: dict[str, MetaRow] = {}
            for line, rec in enumerate(reader, start=2):
                if None in rec or any(v is None for v in rec.values()):
                    raise InputError(f"{name}:{line}: expected {len(header)} fields")
                doc, published = rec["doc"].strip(), rec["published"].strip()
                if not doc:
                    raise InputError(f"{name}:{line}: empty doc")
                if published:
                    try:
                        check_date(published)
                    except ValueError as exc:
                        raise InputError(f"{name}:{line}: {exc}") from None
                if doc in rows:
                    raise InputError(f"{name}:{line}: doc {doc!r} already given on line {rows[doc].line}")
                rows[doc] = MetaRow(line, doc, published, (rec.get("source") or "").strip())
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror}") from exc
    return Metadata(name, rows)
