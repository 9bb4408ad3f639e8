"""A progress bar for long runs: articles done, MB/s and ETA, on standard error.

Shown only when standard error is a terminal and the user did not ask for
``--quiet``: on a pipe or in a log nothing is printed at all (click's bar
would still print its label there), and the table on standard output is
never touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from .reading import iter_files

OnArticle = Callable[[str, int], None]


def wanted(stream: TextIO, quiet: bool) -> bool:
    """Whether to draw a bar on ``stream``: a terminal, and not --quiet."""
    if quiet:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def article_progress(paths: Iterable[str | Path], glob: str, stream: TextIO,
                     enabled: bool) -> Iterator[OnArticle | None]:
    """Yield a per-article callback that advances a bar on ``stream``, or None when not ``enabled``."""
    if not enabled:
        yield None
        return
    # A second walk of the folders (cheap next to extraction); problems are reported by the run itself.
    total = len(iter_files(paths, glob, report=lambda _problem: None))
    started = time.monotonic()
    chars = 0

    def rate(_item: object) -> str:
        elapsed = time.monotonic() - started
        return f"{chars / 1e6 / elapsed:.2f} MB/s" if elapsed > 0 else ""

    with click.progressbar(length=total, label="articles", file=stream, show_pos=True,
                           show_eta=True, item_show_func=rate) as bar:
        def on_article(_doc: str, size: int) -> None:
            nonlocal chars
            chars += size
            bar.update(1)

        yield on_article
