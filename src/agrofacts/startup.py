"""Loading spaCy, pint and the pipeline once per run, with the garbage collector held off.

Start-up makes a few hundred thousand long-lived objects (spaCy's and pint's
modules, the pipeline, its lexicons and regexes) and next to no garbage, yet
Python's cyclic collector, started by allocation counts, walks all of them
again on each full collection on the way: 0.1 to 0.3 s of a 0.9 to 1.2 s
start-up, measured on 2 cores (the more so the busier the machine).
``load_pipeline`` holds the collector off while everything loads, then
freezes what was loaded (``gc.freeze``): later collections skip those
objects, and forked workers do not copy the memory pages a collection would
otherwise touch. For the run itself the first threshold is raised
(``RUN_GC_THRESHOLD``): an article's rules make thousands of short-lived
objects and almost no cycles, so young collections every 700 allocations
cost 2-7% of the loop (measured on seeds and on 412 real pages) for
nothing.

spaCy's package also imports its own command line on import (for
``spacy.info``), which pulls in typer, weasel, httpx and rich: 0.13 s more,
for commands agrofacts never runs. ``load_pipeline`` imports spaCy with that
one module stood in for (``_import_spacy``).

These are whole-process decisions (freezing also pins whatever else the
process holds then), so the command line makes them, not the library.
"""

from __future__ import annotations

import gc
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

#: The collector's first threshold during a run (Python's default is 700): an article makes
#: thousands of short-lived objects and few cycles, and each young collection walks them all.
RUN_GC_THRESHOLD = 20_000

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
    """Import and build everything a run needs, freeze it, and collect young objects less often
    (see the module docstring)."""
    with collector_paused():
        _import_spacy()
        from .extract import extract_text

        extract_text(WARM_UP_TEXT)
    gc.freeze()
    gc.set_threshold(RUN_GC_THRESHOLD, *gc.get_threshold()[1:])


#: The modules spaCy's ``__init__`` imports for ``spacy.info`` alone (spaCy 3.x).
SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def _import_spacy() -> None:
    """Import spaCy with stand-ins for its command line, which are removed afterwards.

    ``spacy.info`` then imports the real one when called, and a later ``import
    spacy.cli`` finds nothing in the way. Should a spaCy release import more of
    its command line on import, the stand-ins are dropped and spaCy is imported
    as usual.
    """
    if "spacy" in sys.modules or any(name in sys.modules for name in SPACY_CLI):
        return
    package = types.ModuleType(SPACY_CLI[0])
    package.__path__ = []  # a package with nothing in it: any other module of it fails to import
    info = types.ModuleType(SPACY_CLI[1])
    info.info = _spacy_info
    sys.modules.update(zip(SPACY_CLI, (package, info), strict=True))
    try:
        import spacy  # noqa: F401
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
    finally:
        for name in SPACY_CLI:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
    import spacy  # noqa: F401, F811  (as usual, when the stand-ins were not enough)


def _spacy_info(*args, **kwargs):
    """``spacy.info``, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
