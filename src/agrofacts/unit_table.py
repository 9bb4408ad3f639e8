"""The units table of the README, rendered from the data files themselves.

The README's table of surface words and canonical units is generated here from
data/units.csv, data/currencies.csv and the pint registry, and a test checks
the README holds exactly this text, so documentation cannot drift from data.
"""

from __future__ import annotations

from decimal import Decimal

from .fact import format_decimal
from .resources import read_csv
from .units import kind_of, normalise

START, END = "<!-- units:start -->", "<!-- units:end -->"


def units_markdown() -> str:
    """Markdown tables: units by kind, then currencies, each word list as in the data."""
    by_unit: dict[str, list[str]] = {}
    for row in read_csv("units.csv", ("surface", "unit")):
        by_unit.setdefault(row["unit"], []).append(row["surface"])
    lines = ["| kind | words | unit | one of them is |", "|---|---|---|---|"]
    entries = []
    for unit, surfaces in by_unit.items():
        kind, canonical = kind_of(unit)
        factor = format_decimal(normalise(Decimal(1), unit).value)
        entries.append((kind, unit, ", ".join(f"`{s}`" for s in surfaces), canonical, factor))
    for kind, _unit, words, canonical, factor in sorted(entries, key=lambda e: (e[0], e[1])):
        lines.append(f"| {kind} | {words} | {_code(canonical)} | {factor} {canonical} |")
    lines += ["", "| currency | words and signs | factor |", "|---|---|---|"]
    by_code: dict[tuple[str, str], list[str]] = {}
    for row in read_csv("currencies.csv", ("surface", "code", "position", "factor")):
        by_code.setdefault((row["code"], row["factor"]), []).append(row["surface"])
    for (code, factor), surfaces in sorted(by_code.items()):
        lines.append(f"| `{code}` | {', '.join(f'`{s}`' for s in surfaces)} | {factor} |")
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    return f"`{text}`"


def update_readme(path: str) -> None:
    """Rewrite the units block of a README in place (``python -m agrofacts.unit_table README.md``)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"{head}{START}\n{units_markdown()}{END}{tail}")


if __name__ == "__main__":
    import sys

    update_readme(sys.argv[1])
