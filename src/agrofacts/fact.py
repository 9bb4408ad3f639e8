"""The Fact record: one row of the facts table (../shared/spec/CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

#: Output columns, in contract order. Every writer and the golden file use these.
COLUMNS: tuple[str, ...] = (
    "doc", "source", "published", "fact", "kind", "text", "value", "value_max", "unit",
    "qualifier", "item", "period_start", "period_end", "same_as", "start_char", "end_char",
    "sentence",
)

KINDS = frozenset({
    "money", "count", "mass", "percent", "date", "duration",
    "area", "volume", "length", "energy", "power", "yield",
})
QUALIFIERS = frozenset({"exact", "approx", "over", "at_least", "under", "at_most", "range"})


def format_decimal(value: Decimal | None) -> str:
    """Plain decimal as the contract wants: no exponent, no thousands separator, no '.0'.

    >>> format_decimal(Decimal("2E+9"))
    '2000000000'
    >>> format_decimal(Decimal("1826.2500"))
    '1826.25'
    >>> format_decimal(Decimal("-0"))
    '0'
    >>> format_decimal(None)
    ''
    """
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True, init=False)
class Fact:
    """One figure found in one article, normalised.

    The ``__init__`` is written out, as ``Figure``'s is: the one a frozen dataclass
    generates sets each of the seventeen fields through ``object.__setattr__``; this one
    sets them all in one step (tests hold it to the generated one). One Fact is made
    per row of an archive.
    """

    doc: str
    source: str
    published: str
    fact: int
    kind: str
    text: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    qualifier: str
    item: str
    period_start: str
    period_end: str
    same_as: int | None
    start_char: int
    end_char: int
    sentence: str

    def __init__(self, doc: str, source: str, published: str, fact: int, kind: str, text: str,
                 value: Decimal | None, value_max: Decimal | None, unit: str, qualifier: str,
                 item: str, period_start: str, period_end: str, same_as: int | None,
                 start_char: int, end_char: int, sentence: str) -> None:
        _set_attribute(self, "__dict__", {
            "doc": doc, "source": source, "published": published, "fact": fact, "kind": kind,
            "text": text, "value": value, "value_max": value_max, "unit": unit,
            "qualifier": qualifier, "item": item, "period_start": period_start,
            "period_end": period_end, "same_as": same_as, "start_char": start_char,
            "end_char": end_char, "sentence": sentence})

    def as_row(self) -> dict[str, str | int]:
        """The row as the table writers print it (numbers formatted, None as '')."""
        return dict(zip(COLUMNS, self.cells(), strict=True))

    def cells(self) -> list[str | int]:
        """``as_row``'s values in column order, without the dict.

        Writers call this once per fact of an archive: one C-level ``attrgetter``
        call reads every field (``asdict()`` deep-copies and is many times slower).
        """
        cells = list(_ALL_FIELDS(self))
        cells[_VALUE] = format_decimal(self.value)
        cells[_VALUE_MAX] = format_decimal(self.value_max)
        if self.same_as is None:
            cells[_SAME_AS] = ""
        return cells


_set_attribute = object.__setattr__  # past the frozen class's own __setattr__, as dataclasses do
_ALL_FIELDS = attrgetter(*COLUMNS)
_VALUE, _VALUE_MAX, _SAME_AS = (COLUMNS.index(c) for c in ("value", "value_max", "same_as"))
