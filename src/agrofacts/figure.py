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
    """Put ``fig`` on ``span._.figure``.

    spaCy keeps a span extension's value in ``doc.user_data`` under ``("._.", name,
    start_char, end_char)``; writing it there directly saves building an Underscore object
    per figure. The first figure goes through ``span._`` and shows whether spaCy used that
    key; if it did not, every figure goes through ``span._``.
    """
    key = ("._.", "figure", span.start_char, span.end_char)
    if _DIRECT.get("figure"):
        span.doc.user_data[key] = fig
        return
    span._.figure = fig
    if "figure" not in _DIRECT:
        _DIRECT["figure"] = span.doc.user_data.get(key) is fig


#: Whether ``set_figure`` may write the extension's user_data key itself (learnt on first use).
_DIRECT: dict[str, bool] = {}


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
