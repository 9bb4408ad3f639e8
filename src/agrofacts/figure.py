"""The Figure record that rule components put on ``Span._.figure``.

Spans in ``doc.spans["facts"]`` carry one Figure each; the table is built
from them. Keeping the result on the span makes the pipeline inspectable in
a notebook: ``[(s.text, s._.figure) for s in doc.spans["facts"]]``.
"""

from __future__ import annotations

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
