"""Locate and read the rule files under data/.

The files ship inside the wheel as ``agrofacts/data`` (hatchling
force-include); in a source checkout or an editable install they are read
from the repository's top-level ``data/``. Every file is read as UTF-8, and
every loader checks its columns or keys so that a typo in a rule file fails
at load time with the file, line and key named, not silently at match time.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from .errors import RuleFileError


@cache
def data_dir() -> Traversable:
    """The folder holding the rule files: packaged copy first, then the checkout's."""
    packaged = resources.files("agrofacts") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    raise RuleFileError("agrofacts: rule files not found (neither agrofacts/data nor ./data)")


def read_text(name: str) -> str:
    return (data_dir() / name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Non-blank lines of a word list, '#' comments dropped, order kept."""
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_csv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a CSV rule file whose header must be exactly ``columns``."""
    reader = csv.DictReader(io.StringIO(read_text(name)))
    if tuple(reader.fieldnames or ()) != columns:
        raise RuleFileError(
            f"{name}: header is {reader.fieldnames}, expected {list(columns)}"
        )
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if any(v is None for v in row.values()) or None in row:
            raise RuleFileError(f"{name}:{lineno}: expected {len(columns)} fields")
        rows.append(row)
    return rows


def read_jsonl(name: str, required: set[str], optional: set[str]) -> list[dict]:
    """Records of a JSON Lines rule file; unknown or missing keys are errors."""
    records = []
    allowed = required | optional
    for lineno, line in enumerate(read_text(name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{name}:{lineno}: not JSON: {exc.msg}") from exc
        rule = rec.get("id", "?")
        unknown = set(rec) - allowed
        if unknown:
            raise RuleFileError(
                f"{name}:{lineno}: rule {rule!r} has unknown key(s) {sorted(unknown)};"
                f" allowed: {sorted(allowed)}"
            )
        missing = required - set(rec)
        if missing:
            raise RuleFileError(f"{name}:{lineno}: rule {rule!r} lacks {sorted(missing)}")
        records.append(rec)
    return records


def read_json(name: str) -> dict:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{name}: not JSON: {exc.msg} (line {exc.lineno})") from exc
