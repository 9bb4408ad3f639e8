"""Finding and decoding article files, and saying plainly which ones could not be used.

Inputs are files, folders (walked recursively for ``glob``, default ``*.txt``,
following symlinked folders once) and ``-`` for standard input. Every input is
collected first and then read in order of its ``doc`` name (the path relative
to the folder given, '/'-separated), so the table is the same whatever the
order of the command line. A file that cannot be used does not stop the run:
it is handed to ``report`` as a :class:`Problem` and the rest go on.

Decoding, in this order (the first rule that applies wins):

1. a byte-order mark: UTF-32, UTF-8 or UTF-16 (LE/BE), as the mark says;
2. binary data is skipped: a known file signature (PNG, ZIP, PDF, GIF, JPEG,
   gzip, ...) or a NUL byte in the first 8 KiB;
3. strict UTF-8;
4. GB18030 (which covers GBK and GB2312), only when it decodes strictly and
   every non-ASCII character it gives is Chinese (CJK ideographs, CJK and
   full-width punctuation) with at least one run of two: Latin-1 text with a
   stray accent can decode as GB18030 too, but it does not give runs of Han;
5. UTF-8 with U+FFFD for the bad bytes, when the file holds at least one valid
   multi-byte UTF-8 sequence (it is UTF-8 with damage): used, and flagged;
6. Windows-1252, then Latin-1 (which decodes any bytes).

Text is never newline-translated, so fact offsets index the decoded text as
it is, CRLF included. Empty and white-space-only files are used (they have
no facts) and flagged, so nobody wonders where an article went. Files larger
than ``max_bytes`` (default 10 MiB; a news article is a few KiB) are skipped
before they are read.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import InputError

#: Files above this size are not news articles; they are skipped unread.
MAX_BYTES = 10 * 1024 * 1024
#: How much of a file is looked at for NUL bytes.
SNIFF_BYTES = 8192

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE) document"),
)
#: Han ideographs, CJK punctuation, full-width forms: what GB18030 text is made of.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019"
                 r"\u201c\u201d\u2026\u00b7]")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ArticleText:
    doc: str
    text: str


@dataclass(frozen=True)
class Decoded:
    """Text of a file, the encoding it was read as, and what is wrong with it, if anything."""

    text: str
    encoding: str
    warning: str = ""


@dataclass(frozen=True)
class Problem:
    """A file that was not used (``used`` False) or was used with a caveat (True)."""

    path: str
    reason: str
    used: bool = False

    def __str__(self) -> str:
        return f"{'warning' if self.used else 'skipped'}: {self.path}: {self.reason}"


class Unusable(InputError):
    """One input cannot be read as an article; the message is the reason."""


Report = Callable[[Problem], None]


def strict_report(problem: Problem) -> None:
    """The library default: a file that cannot be used is an error; caveats are warnings."""
    if not problem.used:
        raise InputError(f"{problem.path}: {problem.reason}")
    import warnings

    warnings.warn(str(problem), stacklevel=3)


def decode(data: bytes) -> Decoded:
    """Article bytes as text, by the rules in this module's docstring; Unusable if binary."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Decoded(body.decode(encoding), encoding)
            except UnicodeDecodeError:
                return Decoded(body.decode(encoding, "replace"), encoding, _replaced(encoding))
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            raise Unusable(f"binary file ({what}), not text")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise Unusable("binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    chinese = _as_chinese(data)
    if chinese is not None:
        return Decoded(chinese, "gb18030")
    damaged = data.decode("utf-8", "replace")
    if any(ord(c) > 0x7F and c != "\ufffd" for c in damaged):
        return Decoded(damaged, "utf-8", _replaced("utf-8"))
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")


def _replaced(encoding: str) -> str:
    return f"invalid {encoding} bytes replaced with U+FFFD"


def _as_chinese(data: bytes) -> str | None:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    others = [c for c in text if ord(c) > 0x7F]
    if others and all(CJK.match(c) for c in others) and HAN_RUN.search(text):
        return text
    return None


def display(path: str | Path) -> str:
    """A file name fit for one line of stderr: control characters escaped."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", os.fspath(path))


def _doc_name(name: str) -> str:
    # A file name that is not valid UTF-8 (surrogate escapes) must not break the UTF-8 table.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _walk(root: Path, glob: str, report: Report) -> Iterator[tuple[str, Path]]:
    """Files under ``root`` matching ``glob``; symlinked folders are followed unless they loop."""
    stack: list[tuple[Path, frozenset]] = [(root, frozenset())]
    while stack:
        folder, above = stack.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError as exc:
            report(Problem(display(folder), _reason(exc)))
            continue
        key = (info.st_dev, info.st_ino)
        if key in above:
            report(Problem(display(folder), "symlink loop (links back to a folder above it)"))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False  # a symlink loop: read_bytes names the reason
            if is_dir:
                stack.append((path, above | {key}))
                continue
            rel = path.relative_to(root).as_posix()
            if PurePosixPath(rel).match(glob):
                yield rel, path


def iter_files(paths: Iterable[str | Path], glob: str = "*.txt",
               report: Report = strict_report) -> list[tuple[str, Path | None]]:
    """(doc name, path) of every input, sorted by doc name; '-' is (doc '-', None).

    Sorting by doc (then by path, for two inputs with one name) makes the
    output independent of the order of the command line. The same file given
    twice is read once.
    """
    found: set[tuple[str, str]] = set()
    out: list[tuple[str, Path | None]] = []
    for raw in paths:
        if os.fspath(raw) == "-":
            if ("-", "") not in found:
                found.add(("-", ""))
                out.append(("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            pairs = list(_walk(path, glob, report))
        elif path.is_file():
            pairs = [(path.name, path)]
        elif path.is_symlink() or os.path.lexists(path):
            try:
                path.stat()
            except OSError as exc:
                report(Problem(display(raw), _reason(exc)))
            else:
                report(Problem(display(raw), "not a regular file or folder"))
            continue
        else:
            report(Problem(display(raw), "no such file or folder"))
            continue
        for doc, file in pairs:
            key = (doc, _identity(file))
            if key not in found:
                found.add(key)
                out.append((_doc_name(doc), file))
    out.sort(key=lambda pair: (pair[0], os.fspath(pair[1] or "")))
    return out


def _identity(path: Path) -> tuple[int, int] | str:
    """What one file is, however it is reached (a symlink, a second name): its device and inode,
    one system call where resolving the path takes one per folder; the path itself when it
    cannot be read (reading it later names the reason)."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return info.st_dev, info.st_ino


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of one regular file; Unusable (with the reason) if it cannot or should not be read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Unusable("not a regular file")
        if info.st_size > max_bytes:
            raise Unusable(f"too large ({_size(info.st_size)}; the limit is {_size(max_bytes)})")
        with open(path, "rb") as handle:
            data = read_at_most(handle, info.st_size, max_bytes + 1)
    except FileNotFoundError as exc:
        raise Unusable("broken symlink" if path.is_symlink() else "no such file") from exc
    except OSError as exc:
        raise Unusable(_reason(exc)) from exc
    if len(data) > max_bytes:
        raise Unusable(f"too large (over {_size(max_bytes)})")
    return data


def read_at_most(handle, expected: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``handle``, asking first for the ``expected`` size (and one more).

    ``read(limit)`` allocates ``limit`` bytes before it shrinks them to what the file
    holds: a 10 MiB allocation per article, a third of the time of reading an
    archive of small files. A file that grew since it was measured is read on, to ``limit``.
    """
    data = handle.read(min(expected + 1, limit))
    if len(data) > expected and len(data) < limit:
        data += handle.read(limit - len(data))
    return data


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return (exc.strerror or str(exc)).lower()


def iter_articles(paths: Iterable[str | Path], glob: str = "*.txt", report: Report = strict_report,
                  max_bytes: int = MAX_BYTES) -> Iterator[ArticleText]:
    """Decoded articles in doc order; what cannot be used goes to ``report`` and is left out."""
    for doc, path in iter_files(paths, glob, report):
        shown = "-" if path is None else display(path)
        try:
            data = sys.stdin.buffer.read() if path is None else read_bytes(path, max_bytes)
            decoded = decode(data)
        except Unusable as exc:
            report(Problem(shown, str(exc)))
            continue
        if decoded.warning:
            report(Problem(shown, decoded.warning, used=True))
        if not decoded.text.strip():
            report(Problem(shown, "empty file, no facts" if not decoded.text
                           else "only white space, no facts", used=True))
        yield ArticleText(doc, decoded.text)
