"""Output that is never half-written, and a quiet end on a closed pipe or Ctrl-C.

``atomic_output(path)`` gives a text stream onto a temporary file in the
target's own folder (so the rename cannot cross file systems) and renames it
over the target only when the block ends without an error. An error, a
Ctrl-C or a kill leaves the target as it was; an error, Ctrl-C and a plain
``kill`` (SIGTERM, which the commands turn into an exit) also remove the
temporary file (a ``kill -9`` may leave a ``.NAME.*.tmp`` behind, never a
truncated NAME).
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar

#: Exit statuses of the command line.
EXIT_OK, EXIT_SOME_UNUSED, EXIT_USAGE = 0, 1, 2
#: ``agrofacts check``: the facts differ from the golden file.
EXIT_DIFFERS = 1
#: 128 + SIGINT, as a shell reports a program stopped by Ctrl-C.
EXIT_INTERRUPTED = 130
#: 128 + SIGPIPE, as a shell reports a program whose reader went away.
EXIT_BROKEN_PIPE = 141
#: 128 + SIGTERM.
EXIT_TERMINATED = 143

F = TypeVar("F", bound=Callable)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[TextIO]:
    """Write UTF-8 text ('\\n' line ends kept as written) to ``path`` all at once, or not at all."""
    target = Path(path)
    temp = None
    try:
        with _signals_held():  # a Ctrl-C between creating the file and knowing its name would leave it
            handle, temp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                                            prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        raise


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (then arrive as usual), where Unix allows."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def quiet_on_interrupt(command: F) -> F:
    """Ctrl-C exits 130, SIGTERM 143, a reader that went away (``| head``) 141; no traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _terminate) if main else None
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            sys.stderr.write("agrofacts: interrupted\n")
            raise SystemExit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise SystemExit(EXIT_BROKEN_PIPE) from None
        finally:
            if main and previous is not None:
                signal.signal(signal.SIGTERM, previous)

    return wrapper  # type: ignore[return-value]


def _terminate(signum: int, frame) -> None:
    """SIGTERM as an exit, so ``finally`` blocks (the temporary file's removal) run."""
    raise SystemExit(EXIT_TERMINATED)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot raise again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer): nothing will be flushed to a pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


class StderrReport:
    """Names each input that could not be used (or was used with a caveat) on stderr, one line each."""

    def __init__(self) -> None:
        self.unused: list[str] = []

    def __call__(self, problem) -> None:
        if not problem.used:
            self.unused.append(problem.path)
        sys.stderr.write(f"{problem}\n")
        sys.stderr.flush()
