"""Bare numbers compared with a figure before them, which take its unit.

"26.49 million tonnes, compared with 23.87 million a year earlier": the
23.87 million is in tonnes too. A number with no unit of its own, after a
word that compares (data/compare_leads.txt), takes the unit of the last
figure before it in its sentence, when no other number stands between them
("the ratio dropped to 2.34 from 2.81" has no unit to take). So does the
amount of a change after the figure, "up" or "down" (by) it, when a comparison
or a stop comes next: "15.1 billion bushels, up 35 million from last month".
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .context import Reading
from .figure import Figure, Found, TokenMask
from .lexicon import Lexicons
from .tokenview import TokenView
from .units import scaled

INHERITED_UNIT = "inherited-unit"
#: A bare number below this takes the scale word of the figure it compares with ("5 million
#: tonnes, up from 4.8"); "85.1 million acres, up 600,000" is written out in full.
SCALED_BELOW = 1000


class UnitSource(NamedTuple):
    """A figure found in the doc, as a later bare number may take its unit."""

    start: int
    end: int
    figure: Figure
    #: how many canonical units one of its written number is
    factor: Decimal
    #: the scale word of its number (a million in "5 million tonnes")
    scale: Decimal


class CompareRule:
    """``rule(view, reading, sources, claimed)``: the figure a compared bare number makes, or None."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.change_words = lex.words("change_word")
        self.amount_leads = lex.words("change_amount_lead")
        self.amount_ends = lex.words("change_amount_end")
        self.list_leads = lex.words("listed_amount_lead")

    def __call__(self, view: TokenView, r: Reading, sources: list[UnitSource],
                 claimed: TokenMask) -> Found | None:
        if not sources or r.currency is not None or r.million_m is not None:
            return None
        words = view.words
        if self.lex.compare_leads.match_ending_at(words, r.start) is None \
                and not self._change_amount(view, r):
            return None
        if r.end < view.n and self.lex.is_plural(words[r.end].lower()):
            return None  # "up from 2,000 farmers": a count of its own
        if any(words[j][:1].isdigit() and not claimed.any(j, j + 1)
               for j in range(sources[-1].end, r.start)):
            return None
        sentence = view.sent_start(r.start)
        source = next((s for s in reversed(sources) if s.start < sentence or s.figure.kind != "percent"
                       or not self._change_in_percent(view, s.start, r)), None)
        if source is None or source.start < sentence:
            return None
        fig, factor = source.figure, source.factor
        if r.num.scale == 1 and abs(r.value) < SCALED_BELOW:
            factor *= source.scale  # "5 million tonnes, up from 4.8": 4.8 million, as the 5 is
        return r.start, r.end, Figure(fig.kind, scaled(r.value, factor), fig.unit, r.qualifier,
                                      None if r.value_max is None else scaled(r.value_max, factor),
                                      rule=INHERITED_UNIT)

    def _change_amount(self, view: TokenView, r: Reading) -> bool:
        """Whether ``r`` is how much a figure changed ("up 35 million from last month", "down by
        300,000.", not "down 6 ½ cents", whose number goes on), or another amount of it listed
        with a scale word ("and 1 billion by 2022")."""
        words, k = view.words, r.start - 1
        if k > 0 and words[k].lower() == "by":
            k -= 1
        if k < 0 or not (r.end >= view.n or words[r.end].lower() in self.amount_ends):
            return False
        if words[k].lower() in self.amount_leads:
            return True
        # "800 million mu by 2020, and 1 billion by 2022": a target listed after the figure
        return r.num.scale > 1 and words[k].lower() in self.list_leads

    def _change_in_percent(self, view: TokenView, start: int, r: Reading) -> bool:
        """Whether the percent at ``start`` is a change that the bare number ``r`` is the base of,
        not its unit: "5.45 million tonnes, down 19% from 6.72 million" (and no millions are
        a percent)."""
        return r.num.scale > 1 or start > 0 and view.words[start - 1].lower() in self.change_words
