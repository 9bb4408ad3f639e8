"""The extractor on a Dask cluster: ``agrofacts extract --engine dask``.

The input files (local paths or any fsspec URL: ``s3://bucket/news/`` once
the filesystem package such as s3fs is installed) are listed here, in the
same order and with the same ``doc`` names as a local run, and cut into
partitions of files. Each partition is one Dask task: the worker reads its
files through fsspec, runs the ordinary single-article extractor and
returns plain Fact records. The client takes partitions back in order, a
bounded number in flight, so the CSV or JSON Lines it writes is byte for
byte the local one. With ``--format parquet`` each task writes its own part
file of a Parquet dataset instead, so the table never passes through the
client.

Needs the optional extra: ``pip install 'agrofacts[dask]'``. Nothing here
is imported unless ``--engine dask`` is asked for.
"""

from __future__ import annotations

import io
import os
import posixpath
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import BinaryIO

from .errors import AgrofactsError, InputError
from .fact import COLUMNS, Fact
from .reading import MAX_BYTES, Problem, Report, Unusable, decode, read_at_most, strict_report

#: Files per task: big enough to amortise scheduling, small enough to spread the work.
PARTITION_FILES = 64
#: Partitions in flight per worker thread when results come back to the client.
IN_FLIGHT_PER_WORKER = 4
#: Integer columns of the Parquet dataset; every other column is a string.
INT_COLUMNS = ("fact", "start_char", "end_char", "same_as")

Item = tuple[str, str]  # (doc name, URL)
#: (doc name, URL, publication date, fallback source): what a worker needs for one article.
Task = tuple[str, str, "str | None", str]


def _require():
    try:
        import dask.distributed
        import fsspec
    except ImportError as exc:
        raise AgrofactsError("--engine dask needs the dask extra: pip install 'agrofacts[dask]'"
                             f" ({exc})") from exc
    return dask.distributed, fsspec


def list_inputs(urls: Iterable[str], glob: str = "*.txt") -> list[Item]:
    """(doc, URL) of every input, named, deduplicated and ordered as ``reading.iter_files`` does."""
    _, fsspec = _require()
    found: dict[tuple[str, str], str] = {}
    for url in urls:
        if url == "-":
            raise InputError("-: standard input cannot be read with --engine dask")
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isdir(root):
            root = root.rstrip("/")
            for path in fs.find(root):
                rel = posixpath.relpath(path, root)
                if PurePosixPath(rel).match(glob):
                    found.setdefault((rel, path), fs.unstrip_protocol(path))
        elif fs.isfile(root):
            found.setdefault((posixpath.basename(root), root), fs.unstrip_protocol(root))
        else:
            raise InputError(f"{url}: no such file or folder")
    return [(doc, found[doc, path]) for doc, path in sorted(found)]


def partitions(items: list[Item], published: str | None = None, metadata=None,
               size: int = PARTITION_FILES) -> list[list[Task]]:
    """The inputs in partitions of ``size`` files, each with its dates and sources resolved here
    (as ``archive.overrides`` does; the metadata counts the rows it used)."""
    from .archive import overrides

    tasks = [(doc, url, *overrides(doc, published, metadata)) for doc, url in items]
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def extract_partition(part: list[Task], unresolved_dates: bool = False,
                      max_bytes: int = MAX_BYTES) -> tuple[list[Fact], list[Problem]]:
    """Worker side: read the files of one partition through fsspec and extract them.

    Returns the facts and, as plain records for the client to report, the files
    that could not be used or were used with a caveat (the rules of ``reading``).
    """
    import fsspec

    from .extract import extract_one, in_zones

    facts: list[Fact] = []
    problems: list[Problem] = []
    for doc, url, published, fallback_source in in_zones(part):
        try:
            with fsspec.open(url, "rb") as f:
                data = _read_file(f, max_bytes + 1)
            if len(data) > max_bytes:
                raise Unusable(f"too large (over {max_bytes} bytes)")
            decoded = decode(data)
        except Unusable as exc:
            problems.append(Problem(url, str(exc)))
            continue
        except OSError as exc:
            problems.append(Problem(url, (exc.strerror or str(exc)).lower()))
            continue
        if decoded.warning:
            problems.append(Problem(url, decoded.warning, used=True))
        if not decoded.text.strip():
            problems.append(Problem(url, "empty file, no facts" if not decoded.text
                                    else "only white space, no facts", used=True))
        facts.extend(extract_one(decoded.text, doc, published, fallback_source, unresolved_dates))
    return facts, problems


def _read_file(f: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes of an fsspec file, read at its size where the file tells it.

    ``read(limit)`` would allocate ``limit`` bytes per article first (``reading.read_at_most``).
    fsspec's remote files know their size once open; a local one is asked with ``fstat``.
    """
    size = getattr(f, "size", None)
    if not isinstance(size, int):
        try:
            size = os.fstat(f.fileno()).st_size
        except (AttributeError, OSError, io.UnsupportedOperation):
            return f.read(limit)
    return read_at_most(f, size, limit)


def write_partition(part: list[Task], unresolved_dates: bool, out_url: str,
                    max_bytes: int = MAX_BYTES) -> tuple[int, list[Problem]]:
    """Worker side: extract one partition and write it as one Parquet file; returns its rows."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    facts, problems = extract_partition(part, unresolved_dates, max_bytes)
    rows = [_parquet_row(f) for f in facts]
    schema = pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    with fsspec.open(out_url, "wb") as f:
        pq.write_table(table, f)
    return len(rows), problems


def _parquet_row(fact: Fact) -> dict:
    row = fact.as_row()
    row["same_as"] = fact.same_as
    return row


@contextmanager
def client_for(scheduler: str | None, workers: int | None):
    """A client of the cluster at ``scheduler``, or of a LocalCluster started (and stopped) here."""
    distributed, _ = _require()
    if scheduler:
        with distributed.Client(scheduler) as client:
            yield client
        return
    from .parallel import default_jobs

    with distributed.LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                  processes=True, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client


def extract_dask(urls: Iterable[str], glob: str = "*.txt", published: str | None = None,
                 scheduler: str | None = None, workers: int | None = None,
                 report: Report = strict_report, max_bytes: int = MAX_BYTES, metadata=None,
                 unresolved_dates: bool = False) -> Iterator[Fact]:
    """Facts of every input, in the local order, extracted on a Dask cluster."""
    items = list_inputs(urls, glob)
    with client_for(scheduler, workers) as client:
        limit = max(1, sum(client.nthreads().values()) * IN_FLIGHT_PER_WORKER)
        pending: deque = deque()

        def take() -> list[Fact]:
            facts, problems = pending.popleft().result()
            for problem in problems:
                report(problem)
            return facts

        for part in partitions(items, published, metadata):
            pending.append(client.submit(extract_partition, part, unresolved_dates, max_bytes, pure=False))
            while len(pending) >= limit:
                yield from take()
        while pending:
            yield from take()


def write_parquet_dask(urls: Iterable[str], out_url: str, glob: str = "*.txt",
                       published: str | None = None, scheduler: str | None = None,
                       workers: int | None = None, report: Report = strict_report,
                       max_bytes: int = MAX_BYTES, metadata=None, unresolved_dates: bool = False) -> int:
    """Write the table as a Parquet dataset ``out_url/part-NNNNN.parquet``; returns the rows written.

    Parts are numbered in input order, so reading the dataset sorted by file
    name gives the rows of the CSV in the same order.
    """
    _, fsspec = _require()
    items = list_inputs(urls, glob)
    fs, root = fsspec.core.url_to_fs(out_url)
    fs.makedirs(root, exist_ok=True)
    base = out_url.rstrip("/")
    with client_for(scheduler, workers) as client:
        futures = [client.submit(write_partition, part, unresolved_dates, f"{base}/part-{n:05d}.parquet",
                                 max_bytes, pure=False)
                   for n, part in enumerate(partitions(items, published, metadata))]
        rows = 0
        for n, problems in client.gather(futures):
            rows += n
            for problem in problems:
                report(problem)
        return rows
