"""The Figure record that rule components put on ``Span._.figure``.

Spans in ``doc.spans["facts"]`` carry one Figure each; the table is built
from them. Keeping the result on the span makes the pipeline inspectable in
a notebook: ``[(s.text, s._.figure) for s in doc.spans["facts"]]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc, Span

SPAN_KEY = "facts"


@dataclass(frozen=True, init=False)
class Figure:
    """One figure found; immutable, changed with ``with_``.

    The ``__init__`` is written out: the one a frozen dataclass generates sets each of the
    ten fields through ``object.__setattr__``, which made a Figure cost twice what it
    does; this one sets them all in one step (tests check it takes the fields as declared).
    """

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

    def __init__(self, kind: str, value: Decimal | None, unit: str = "", qualifier: str = "exact",
                 value_max: Decimal | None = None, item: str = "", period_start: str = "",
                 period_end: str = "", same_as_char: int | None = None, rule: str = "") -> None:
        _set_attribute(self, "__dict__", {
            "kind": kind, "value": value, "unit": unit, "qualifier": qualifier,
            "value_max": value_max, "item": item, "period_start": period_start,
            "period_end": period_end, "same_as_char": same_as_char, "rule": rule})

    def with_(self, **changes) -> Figure:
        return replace(self, **changes)


_set_attribute = object.__setattr__  # past the frozen class's own __setattr__, as dataclasses do

#: A figure found at tokens start:end, before it is made a Span: (start, end, figure).
Found = tuple[int, int, Figure]
#: Returned by a rule that recognised a number as no figure at all (an age, a share).
NOT_A_FIGURE = object()


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


def get_figure(span: Span) -> Figure | None:
    """``span._.figure``, read from ``doc.user_data`` directly once ``set_figure`` has shown
    that spaCy keeps it there (an Underscore object per read is slow)."""
    if _DIRECT.get("figure"):
        return span.doc.user_data.get(("._.", "figure", span.start_char, span.end_char))
    return span._.figure


#: Whether ``set_figure`` may write the extension's user_data key itself (learnt on first use).
_DIRECT: dict[str, bool] = {}

#: The rule of the two figures of "13.4 (13.3) mln t": two years' figures, not one restated
#: (quantities makes them, restatements leaves them unlinked).
BRACKET_PAIR = "bracket-pair"
#: Where a figure component leaves the facts group's Span objects and their token positions
#: for the next one (``facts_of``).
HANDOVER_KEY = ("agrofacts", "facts_handover")
#: A span's token positions, (start, end): sorting and comparing them needs no Span.
Position = tuple[int, int]


def facts_of(doc: Doc) -> tuple[list[Span], list[Position]]:
    """The spans of ``doc.spans["facts"]`` in group order, and the (start, end) of each.

    Iterating a SpanGroup makes a new Span per span (three Token look-ups each), and every
    figure component reads the whole group; the one before hands its list over
    (``hand_over``), used while the group is still the one it wrote.
    """
    group = doc.spans.get(SPAN_KEY)
    if group is None:
        return [], []
    handover = doc.user_data.get(HANDOVER_KEY)
    if handover is not None and handover[0] is group and len(handover[1]) == len(group):
        return handover[1], handover[2]
    spans = list(group)
    return spans, [(span.start, span.end) for span in spans]


def hand_over(doc: Doc, spans: list[Span], positions: list[Position], *, write: bool) -> None:
    """Leave ``spans`` (the facts group's, with their positions) for the next figure component;
    with ``write``, make them the group first.

    A Span holds its Doc, so the list left in ``doc.user_data`` is a reference cycle: the
    last figure component ends it with ``end_handover``.
    """
    if write:
        doc.spans[SPAN_KEY] = spans
    doc.user_data[HANDOVER_KEY] = (doc.spans[SPAN_KEY], spans, positions)


def end_handover(doc: Doc) -> None:
    """Drop the spans ``hand_over`` left, so the Doc is freed as soon as it is let go."""
    doc.user_data.pop(HANDOVER_KEY, None)


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

    @classmethod
    def of_positions(cls, positions: Iterable[Position], n: int) -> TokenMask:
        """The mask of spans given as (start, end)."""
        mask = cls((), n)
        for start, end in positions:
            mask.add(start, end)
        return mask

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, i: int) -> bool:
        return self._mask[i] == 1

    def any(self, start: int, end: int) -> bool:
        """Whether any token of ``start:end`` is taken."""
        return self._mask.find(1, start, end) >= 0
