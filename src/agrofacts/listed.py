"""Bare numbers listed before a figure, which take its unit.

"rose by 0.8 and 0.5 percentage points", "5, 6 and 7 percent", "2 or 3
billion yuan": news writes the unit once, after the last number of a list.
A number with no unit of its own, joined to the next by "and" or a comma
(data/context_words.csv, ``unit_list_and``, ``unit_list_comma``), takes the
unit of the figure that ends the list, and its scale word when it has none
("2 and 3 billion"), when an "and" joins the list somewhere: "1, 26, 162
hectares" is one number in India's grouping, and "100 or 10% of households"
are two figures of their own. "Between 2 and 3 percent" is a range, read
before this; a list that ends in a count ("20 and 30 villages") is left to
the count rules.
"""

from __future__ import annotations

from collections.abc import Callable

from .context import NumberReader, Reading
from .figure import NOT_A_FIGURE, Figure, Found, TokenMask
from .lexicon import Lexicons
from .units import scaled

LISTED_UNIT = "listed-unit"
#: Most numbers a list may hold before its unit.
LIST_MOST = 6


class ListRule:
    """``rule(reader, reading, claimed, unit_rule)``: the figure a listed bare number makes, or None.

    ``unit_rule(reader, reading)`` is what finds a figure with a unit at a number
    (money, then measures), asked of the number that ends the list.
    """

    def __init__(self, lex: Lexicons) -> None:
        self.ands = lex.words("unit_list_and")
        self.commas = lex.words("unit_list_comma")

    def __call__(self, reader: NumberReader, r: Reading, claimed: TokenMask,
                 unit_rule: Callable[[NumberReader, Reading], Found | None]) -> Found | None:
        if r.currency is not None or r.million_m is not None or r.value_max is not None \
                or r.num.year_like:  # "in 2019 and 2020 tonnes were sold": years take no unit
            return None
        last, anded = r, False
        for _ in range(LIST_MOST):
            joined = self._next_in_list(reader, last, claimed)
            if joined is None:
                return None
            last, anded = joined[0], anded or joined[1]
            fig = unit_rule(reader, last)
            if fig is NOT_A_FIGURE:
                return None
            if fig is not None:
                return self._listed(r, last, fig[2]) if anded and fig[0] == last.start else None
        return None

    def _next_in_list(self, reader: NumberReader, r: Reading, claimed: TokenMask
                      ) -> tuple[Reading, bool] | None:
        """The bare number that follows ``r`` after "and", a comma or ", and", and whether an
        "and" joins them; else None."""
        words, n, k = reader.view.words, reader.view.n, r.end
        if k < n and words[k] in self.commas:
            k += 1
        anded = k < n and words[k].lower() in self.ands
        if anded:
            k += 1
        if k == r.end or k >= n or claimed.any(k, k + 1):
            return None
        nxt = reader.at(k)
        if nxt is None or nxt.start != k or nxt.value_max is not None or claimed.any(nxt.start, nxt.end):
            return None
        return nxt, anded

    @staticmethod
    def _listed(r: Reading, last: Reading, fig: Figure) -> Found | None:
        if not last.value:
            return None
        factor = fig.value / last.value  # canonical units per written number
        if r.num.scale == 1:
            factor *= last.num.scale  # "2 and 3 billion yuan": 2 billion, as the 3 is
        return r.start, r.end, Figure(fig.kind, scaled(r.value, factor), fig.unit, r.qualifier,
                                      rule=LISTED_UNIT)

