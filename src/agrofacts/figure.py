"""The Figure record that rule components put on ``Span._.figure``.

Spans in ``doc.spans["facts"]`` carry one Figure each; the table is built
from them. Keeping the result on the span makes the pipeline inspectable in
a notebook: ``[(s.text, s._.figure) for s in doc.spans["facts"]]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Span

SPAN_KEY = "facts"


@dataclass(frozen=True)
class Figure:
    kind: str
    value: Decimal | None
    unit: str = ""
    qualifier: str = "exact"
    value_max: Decimal | None = None
    item: str = ""
    period_start: str = ""
    period_end: str = ""
    #: start_char (in the doc) of the figure this one restates, as in "10 billion yuan ($1.6 billion)"
    same_as_char: int | None = None
    #: the rule that found it, for debugging and tests
    rule: str = ""

    def with_(self, **changes) -> Figure:
        return replace(self, **changes)


if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)


def set_figure(span: Span, fig: Figure) -> None:
    """Put ``fig`` on ``span._.figure`` (one place, so the rules never reach past the extension)."""
    span._.figure = fig


class TokenMask:
    """The tokens that figures already found cover, so later rules leave them alone.

    A byte per token: "is any token of start:end taken" is one C-level ``find``
    instead of a Python loop over a set.
    """

    __slots__ = ("_mask",)

    def __init__(self, spans: Iterable[Span], n: int) -> None:
        self._mask = bytearray(n)
        for span in spans:
            self.add(span.start, span.end)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, i: int) -> bool:
        return self._mask[i] == 1

    def any(self, start: int, end: int) -> bool:
        """Whether any token of ``start:end`` is taken."""
        return self._mask.find(1, start, end) >= 0
