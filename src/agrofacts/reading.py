"""Finding and decoding article files.

Folders are walked recursively for ``glob`` (default ``*.txt``), in sorted
order so output is the same on every run; ``-`` reads standard input. The
``doc`` name is the path relative to the folder given, with '/' separators.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True)
class ArticleText:
    doc: str
    text: str


def decode(data: bytes, name: str) -> str:
    """Article bytes as text: UTF-8 (a BOM is dropped), else a clear error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from exc


def iter_files(paths: Iterable[str | Path], glob: str = "*.txt") -> Iterator[tuple[str, Path | None]]:
    """(doc name, path) of every input, '-' as (doc '-', None)."""
    for raw in paths:
        if str(raw) == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob(glob) if p.is_file()):
                yield found.relative_to(path).as_posix(), found
        elif path.is_file():
            yield path.name, path
        else:
            raise InputError(f"{raw}: no such file or folder")


def iter_articles(paths: Iterable[str | Path], glob: str = "*.txt") -> Iterator[ArticleText]:
    for doc, path in iter_files(paths, glob):
        if path is None:
            data = sys.stdin.buffer.read()
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: {exc.strerror}") from exc
        yield ArticleText(doc, decode(data, doc))
