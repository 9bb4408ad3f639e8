"""Running the extractor on several processes, with the output of one.

Articles are read and decoded in the calling process, cut into batches and
sent to a pool of workers as plain strings; each worker sends back plain
Fact records (strings, ints and Decimals: never spaCy or pint objects, which
do not cross processes). Results are taken back in input order, so the
table is byte for byte the one a single process writes, and only a few
batches per worker are in flight at once, so memory stays flat however
large the archive.

Small inputs are run in this process: starting workers costs more than it
saves below a few hundred kilobytes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from typing import Any

from .fact import Fact
from .reading import ArticleText

#: Text per batch sent to a worker: large enough to hide the cost of a round trip. Each batch
#: wakes this process's pool threads twice, which take a core from the workers: on the seeds x630,
#: batches of 256 KB ran --jobs 2 in 1.74-1.78 s, of 64 KB in 1.85-2.07 s, of 32 KB in 2.1 s.
BATCH_CHARS = 256_000
#: Most articles per batch (short articles would otherwise make batches of thousands).
BATCH_ARTICLES = 256
#: Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 2
#: Below this much text the whole input runs in this process.
MIN_PARALLEL_CHARS = 256_000

#: (doc, text, publication date, fallback source) of each article of a batch.
Batch = list[tuple[str, str, str | None, str]]
OnArticle = Callable[[str, int], None]
#: What is made of one article's facts where they are made (``extract.extract_paths``' render).
Render = Callable[[list[Fact]], Any]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _batches(articles: Iterable[ArticleText],
             overrides: Callable[[str], tuple[str | None, str]]) -> Iterator[Batch]:
    batch: Batch = []
    size = 0
    for item in articles:
        batch.append((item.doc, item.text, *overrides(item.doc)))
        size += len(item.text)
        if size >= BATCH_CHARS or len(batch) >= BATCH_ARTICLES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _extract_batch(batch: Batch, unresolved_dates: bool, render: Render | None) -> list:
    """The facts of each article of a batch, read in a memory zone of its own (in this process)."""
    from .extract import transient_strings

    with transient_strings():
        return _extract_all(batch, unresolved_dates, render)


def _extract_all(batch: Batch, unresolved_dates: bool, render: Render | None) -> list:
    """Each article's facts, or what ``render`` makes of them."""
    from .extract import extract_one

    results = [extract_one(text, doc, published, source, unresolved_dates)
               for doc, text, published, source in batch]
    return results if render is None else [render(facts) for facts in results]


def _extract_in_worker(batch: Batch, unresolved_dates: bool, render: Render | None) -> list:
    """Worker side: a batch's facts, in the worker's running memory zone (module level, so it pickles)."""
    _WORKER_ZONE.count(len(batch))
    return _extract_all(batch, unresolved_dates, render)


class _RunningZone:
    """A worker's memory zone, kept open across batches and renewed every ``ZONE_ARTICLES`` articles.

    A zone per batch (some 25 articles) made each worker forget and learn
    again the words of every batch: 10% more time than one process spends,
    which reads ``ZONE_ARTICLES`` articles per zone. Facts are plain Python
    objects, so a batch's results outlive the zone it was read in. The last
    zone ends with the worker.
    """

    def __init__(self) -> None:
        self._stack: ExitStack | None = None
        self._articles = 0

    def count(self, articles: int) -> None:
        """Before reading ``articles`` more: a new zone when this one has had its share."""
        from .extract import ZONE_ARTICLES, transient_strings

        if self._stack is None or self._articles >= ZONE_ARTICLES:
            self.close()
            self._stack = ExitStack()
            self._stack.enter_context(transient_strings())
            self._articles = 0
        self._articles += articles

    def close(self) -> None:
        """End the zone now (workers leave it to their end)."""
        if self._stack is not None:
            self._stack.close()
            self._stack = None


_WORKER_ZONE = _RunningZone()


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process, which stops them; SIGTERM just ends them.

    Otherwise every worker prints a traceback on Ctrl-C, and a worker that
    dies mid-task leaves the pool waiting for it forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _warm_up() -> None:
    """Build the pipeline before the workers start: forked workers then share it ready-made."""
    from .extract import extract_text

    extract_text("1 kg")


def _context():
    """How to start workers: fork where it is safe, which shares the built pipeline copy-on-write.

    Forking a process that runs other threads (a notebook, a Dask client, a
    test runner that used one) can leave a lock held in the child forever, so
    then, and where there is no fork, workers are started fresh and build
    their own pipeline.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_parallel(articles: Iterable[ArticleText], published: str | None = None,
                     jobs: int | None = None, on_article: OnArticle | None = None,
                     overrides: Callable[[str], tuple[str | None, str]] | None = None,
                     unresolved_dates: bool = False, render: Render | None = None) -> Iterator[Any]:
    """Facts of ``articles`` in input order, extracted on ``jobs`` processes (None: every core).

    ``overrides(doc)`` gives an article's (publication date, fallback source), as
    ``extract.overrides`` does; without it every article gets ``published``.
    It runs here, in input order, so metadata knows which rows were used.
    With ``render``, one ``render(facts)`` per article is yielded instead (see
    ``extract.extract_paths``); it runs in the workers.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    batches = _batches(articles, overrides or (lambda _doc: (published, "")))
    head: list[Batch] = []
    size = 0
    if jobs > 1:
        # Look ahead: an input this small is done before workers would have started.
        for batch in batches:
            head.append(batch)
            size += sum(len(item[1]) for item in batch)
            if size >= MIN_PARALLEL_CHARS:
                break
    if jobs == 1 or size < MIN_PARALLEL_CHARS:
        for batch in _chain(head, batches):
            yield from _collect(batch, _extract_batch(batch, unresolved_dates, render), on_article, render)
        return
    _warm_up()
    workers = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_worker_signals)
    try:
        pending: deque = deque()
        for batch in _chain(head, batches):
            pending.append((batch, workers.submit(_extract_in_worker, batch, unresolved_dates, render)))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                done, result = pending.popleft()
                yield from _collect(done, result.result(), on_article, render)
        while pending:
            done, result = pending.popleft()
            yield from _collect(done, result.result(), on_article, render)
    finally:
        # Batches not started are dropped; those running end (a batch is a fraction of a second).
        # An executor, not multiprocessing.Pool: Pool.terminate() can wait forever for a lock that a
        # worker holds while it writes a large result nobody reads any more (seen on SIGTERM).
        workers.shutdown(wait=True, cancel_futures=True)


def _chain(head: list[Batch], rest: Iterator[Batch]) -> Iterator[Batch]:
    yield from head
    yield from rest


def _collect(batch: Batch, results: list, on_article: OnArticle | None,
             render: Render | None) -> Iterator[Any]:
    for (doc, text, *_overrides), result in zip(batch, results, strict=True):
        if render is None:
            yield from result
        else:
            yield result
        if on_article is not None:
            on_article(doc, len(text))

