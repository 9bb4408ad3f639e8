"""The library API for files and folders: ``extract_paths``.

Importing this module does not import spaCy. With one process the pipeline
is loaded at the first article; with ``jobs`` the main process only lists,
decodes and reads the page-level facts of each article (``parallel``) and
never loads spaCy at all, so it can start reading while the workers start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .fact import Fact
from .metadata import Metadata
from .reading import MAX_BYTES, Report, iter_articles, strict_report


def extract_paths(paths: Iterable[str | Path], glob: str = "*.txt", published: str | None = None,
                  metadata: Metadata | None = None, unresolved_dates: bool = False,
                  report: Report = strict_report, max_bytes: int = MAX_BYTES, jobs: int | None = 1,
                  on_article: Callable[[str, int], None] | None = None,
                  render: Callable[[list[Fact]], Any] | None = None,
                  prepare: Callable[[], None] | None = None) -> Iterator[Any]:
    """Facts of every article under ``paths`` (files, folders, or '-' for stdin), in doc order.

    Publication date: the article's own, else ``published``, else its
    ``metadata`` row; the source: the article's own, else its metadata row.
    A file that cannot be used goes to ``report`` (see ``reading``); the default raises.
    ``jobs`` processes share the work (None: one per core); the output is the
    same for any number. ``on_article(doc, chars)`` is called as each article is done.

    With ``render`` (a module-level function, so it pickles), each article's
    facts are handed to it where they are made, in the worker processes too,
    and what it returns is yielded, one item per article: a writer's work per
    article (``writers.RENDERERS``) is then shared by the processes as well.

    ``prepare()`` is called before the first article is extracted in this
    process, and not at all when workers do the extracting: the command line
    loads the pipeline there (``startup.load_pipeline``), a whole-process
    choice a library caller may not want.
    """
    articles = iter_articles(paths, glob=glob, report=report, max_bytes=max_bytes)
    if jobs != 1:
        from .parallel import extract_parallel

        yield from extract_parallel(articles, jobs=jobs, on_article=on_article,
                                    overrides=lambda doc: overrides(doc, published, metadata),
                                    unresolved_dates=unresolved_dates, render=render, prepare=prepare)
        return
    if prepare is not None:
        prepare()
    from .extract import extract_one, in_zones

    for item in in_zones(articles):
        item_published, fallback_source = overrides(item.doc, published, metadata)
        facts = extract_one(item.text, item.doc, item_published, fallback_source, unresolved_dates)
        if render is None:
            yield from facts
        else:
            yield render(facts)
        if on_article is not None:
            on_article(item.doc, len(item.text))


def overrides(doc: str, published: str | None, metadata: Metadata | None) -> tuple[str | None, str]:
    """(publication date, fallback source) of one article from --published and its metadata row.

    Looked up where the articles are listed (the metadata counts the rows it used).
    """
    row = metadata.lookup(doc) if metadata is not None else None
    return published or (row.published if row else None), (row.source if row else "")
