"""Loading spaCy, pint and the pipeline once per run, with the garbage collector held off.

Start-up makes a few hundred thousand long-lived objects (spaCy's and pint's
modules, the pipeline, its lexicons and regexes) and next to no garbage, yet
Python's cyclic collector, started by allocation counts, walks all of them
again on each full collection on the way: 0.1 to 0.3 s of a 0.9 to 1.2 s
start-up, measured on 2 cores (the more so the busier the machine).
``load_pipeline`` holds the collector off while everything loads, then
freezes what was loaded (``gc.freeze``): later collections skip those
objects, and forked workers do not copy the memory pages a collection would
otherwise touch.

Freezing is a whole-process decision (it also pins whatever else the process
holds then), so the command line makes it, not the library.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: A first article that loads every lazily built part: money and pint units, counts, dates, datelines.
WARM_UP_TEXT = ("BEIJING, Jan. 5 (Xinhua) -- Farmers in 12 villages sold 5 kg of pears for 3 yuan "
                "in 2019, 20 percent more than a year earlier.")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (as it was before, after it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_pipeline() -> None:
    """Import and build everything a run needs, then freeze it (see the module docstring)."""
    with collector_paused():
        from .extract import extract_text

        extract_text(WARM_UP_TEXT)
    gc.freeze()
