"""Running the extractor on several processes, with the output of one.

The work is cut in two. This process lists and decodes the articles and
reads what needs no spaCy (``article.read_article``: furniture, publisher,
publication date); workers read the figures. Batches of read articles go to
the workers as plain data, and plain Fact records come back (strings, ints
and Decimals: never spaCy or pint objects, which do not cross processes).
Results are taken back in input order, so the table is byte for byte the
one a single process writes, and only a few batches per worker are in
flight at once, so memory stays flat however large the archive.

Workers are forked from a fork server that loads the pipeline once
(``worker_preload``), and this process never loads it: while the server
imports spaCy (half a second), this process reads ahead on the other core.

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
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from typing import Any

from .article import Article, read_listed
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
#: Most text read ahead while the workers start: about what this process reads in the half
#: second the fork server takes to load the pipeline (it reads some 10 MB/s).
READ_AHEAD_CHARS = 8_000_000
#: The module the fork server imports before it forks any worker.
PRELOAD = "agrofacts.worker_preload"

#: The articles of a batch, their page-level facts read.
Batch = list[Article]
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
        batch.append(read_listed(item.text, item.doc, *overrides(item.doc)))
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
    from .extract import extract_article

    results = [extract_article(article, unresolved_dates) for article in batch]
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


def _context():
    """How to start workers: from a fork server that has the pipeline loaded, where there is one.

    The server is a fresh process, so this one may run other threads (a
    notebook, a Dask client) without the risk a plain fork has of leaving a
    lock held in the child forever; each worker forks from the server with the
    pipeline built and shares it copy-on-write. Where there is no fork server,
    workers are started fresh and build their own pipeline. The preload list
    belongs to the process's one fork server: if it was started already, it
    keeps the list it had, and its workers build the pipeline at their first batch.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return context


def _started() -> None:
    """A first task: once it is done, a worker is running and the rest start in milliseconds."""


class _OpeningPool:
    """A process pool opened on a thread of its own, while this thread reads ahead.

    A pool starts its first worker at the first ``submit``, which waits until
    the fork server has loaded the pipeline; that wait is spent here on a
    thread that only sleeps on a pipe.
    """

    def __init__(self, jobs: int) -> None:
        self.executor = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_worker_signals)
        self._first: Future | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._open, name="agrofacts-pool", daemon=True)
        self._thread.start()

    def _open(self) -> None:
        try:
            self._first = self.executor.submit(_started)
        except BaseException as exc:  # noqa: BLE001 - raised again on the reading thread, by wait()
            self._failure = exc

    def is_open(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> ProcessPoolExecutor:
        """The pool, once its first worker runs; a failure to start one is raised here."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        assert self._first is not None
        self._first.result()
        return self.executor

    def close(self) -> None:
        self._thread.join()
        # Batches not started are dropped; those running end (a batch is a fraction of a second).
        # An executor, not multiprocessing.Pool: Pool.terminate() can wait forever for a lock that a
        # worker holds while it writes a large result nobody reads any more (seen on SIGTERM).
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_parallel(articles: Iterable[ArticleText], published: str | None = None,
                     jobs: int | None = None, on_article: OnArticle | None = None,
                     overrides: Callable[[str], tuple[str | None, str]] | None = None,
                     unresolved_dates: bool = False, render: Render | None = None,
                     prepare: Callable[[], None] | None = None) -> Iterator[Any]:
    """Facts of ``articles`` in input order, extracted on ``jobs`` processes (None: every core).

    ``overrides(doc)`` gives an article's (publication date, fallback source), as
    ``archive.overrides`` does; without it every article gets ``published``.
    It runs here, in input order, so metadata knows which rows were used.
    With ``render``, one ``render(facts)`` per article is yielded instead (see
    ``archive.extract_paths``); it runs in the workers. ``prepare()`` is called
    when the input is small enough to be run in this process, before it is.
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
            size += _chars(batch)
            if size >= MIN_PARALLEL_CHARS:
                break
    if jobs == 1 or size < MIN_PARALLEL_CHARS:
        if prepare is not None:
            prepare()
        for batch in _chain(head, batches):
            yield from _collect(batch, _extract_batch(batch, unresolved_dates, render), on_article, render)
        return
    pool = _OpeningPool(jobs)
    try:
        read: deque[Batch] = deque(head)  # read here, not yet sent
        ahead = size
        sent: deque[tuple[Batch, Future]] = deque()
        for batch in batches:
            read.append(batch)
            ahead += _chars(batch)
            if not pool.is_open() and ahead < READ_AHEAD_CHARS:
                continue
            workers = pool.wait()
            while read:
                ahead -= _chars(read[0])
                sent.append((read[0], workers.submit(_extract_in_worker, read.popleft(),
                                                     unresolved_dates, render)))
            while len(sent) >= jobs * IN_FLIGHT_PER_JOB:
                done, result = sent.popleft()
                yield from _collect(done, result.result(), on_article, render)
        workers = pool.wait()
        sent.extend((batch, workers.submit(_extract_in_worker, batch, unresolved_dates, render))
                    for batch in read)
        while sent:
            done, result = sent.popleft()
            yield from _collect(done, result.result(), on_article, render)
    finally:
        pool.close()


def _chars(batch: Batch) -> int:
    return sum(len(article.text) for article in batch)


def _chain(head: list[Batch], rest: Iterator[Batch]) -> Iterator[Batch]:
    yield from head
    yield from rest


def _collect(batch: Batch, results: list, on_article: OnArticle | None,
             render: Render | None) -> Iterator[Any]:
    for article, result in zip(batch, results, strict=True):
        if render is None:
            yield from result
        else:
            yield result
        if on_article is not None:
            on_article(article.doc, len(article.text))

