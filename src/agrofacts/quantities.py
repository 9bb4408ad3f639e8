"""Money and measured quantities, as a spaCy component.

For each number (read with its qualifier, currency sign and range by
``context.read_number``) this tries, in order: a sum of money (money.py), a
measured quantity (measures.py), a bare number compared with a figure
before it, whose unit it takes (compared.py), and a bare number listed before
a figure, whose unit it takes too (listed.py). Counts are left to the count
rules, which run after this and skip what is claimed here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .compared import CompareRule, UnitSource
from .compound import joined_durations
from .context import NumberReader, Reading, figure_starts, size_adjective_end
from .figure import NOT_A_FIGURE, SPAN_KEY, Figure, Found, TokenMask, facts_of, hand_over, set_figure
from .lexicon import Lexicons, lexicons
from .listed import ListRule
from .measures import MeasureRule
from .money import MoneyRule
from .tokenview import TokenView


class QuantityRules:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.money, self.measure, self.compared = MoneyRule(lex), MeasureRule(lex), CompareRule(lex)
        self.listed = ListRule(lex)
        self.change_from = lex.words("change_from")  # asked for every number without a unit
        self.range_join = lex.words("range_join")
        # The words that may open a currency or a unit after a number (see ``_nothing_after``).
        self.after_words = lex.currencies_after.first_words | lex.units.first_words \
            | lex.words("duration_adjective") | {"(", ")"}  # brackets: "13.4 (13.3) mln t"
        self.after_exact = lex.currencies_after.short_first_words | lex.units.short_first_words

    def __call__(self, doc: Doc) -> Doc:
        starts = figure_starts(doc, self.lex)  # other tokens cannot start a figure
        if not starts:
            if SPAN_KEY not in doc.spans:
                doc.spans[SPAN_KEY] = []
            return doc
        view = TokenView(doc)
        reader = NumberReader(view, self.lex)
        found, positions = facts_of(doc)
        claimed = TokenMask.of_positions(positions, view.n)  # dates run first
        added: list[Found] = []
        # the figures found here, whose unit a bare number that compares with one may take
        sources: list[UnitSource] = []
        i = 0
        for start in starts:
            if start < i:
                continue
            i = start
            reading = None if i in claimed else reader.at(i)
            if reading is None or claimed.any(reading.start, reading.end):
                i += 1
                continue
            fig = self._with_unit(reader, reading)
            if fig is not None and fig is not NOT_A_FIGURE and claimed.any(fig[0], fig[1]):
                fig = None
            if fig is None:
                fig = self.compared(reader.view, reading, sources, claimed)
            if fig is None:
                fig = self.listed(reader, reading, claimed, self._with_unit)
            if fig is None:
                i = reading.num.end
                continue
            if fig is not NOT_A_FIGURE:
                added.append(fig)
                if reading.value:
                    sources.append(UnitSource(fig[0], fig[1], fig[2], fig[2].value / reading.value,
                                              reading.num.scale))
            i = max(fig[1] if fig is not NOT_A_FIGURE else reading.end, i + 1)
        added = joined_durations(view, added, self.lex)  # "14 hours 21 minutes and 27 seconds"
        write = bool(added) or SPAN_KEY not in doc.spans  # else the group already holds every figure
        hand_over(doc, found + [_span(doc, *fig) for fig in added],
                  positions + [(start, end) for start, end, _fig in added], write=write)
        return doc

    def _with_unit(self, reader: NumberReader, r: Reading) -> Found | object | None:
        """The sum or measure at ``r``, ``NOT_A_FIGURE``, or None."""
        if self._nothing_after(reader.view, r):
            return None  # what money and measure would find: most numbers count things
        view = reader.view
        if r.start > 0 and size_adjective_end(view, r.start, self.lex) and view.like_num(r.start - 1):
            return NOT_A_FIGURE  # "13.2 million 480-pound bales": the size of each bale counted
        return self.money(reader, r) or self.measure(reader, r)

    def _nothing_after(self, view: TokenView, r: Reading) -> bool:
        """Whether ``money`` and ``measure`` surely find nothing at ``r``, from set look-ups.

        So when no sign stands before the number, no glued "m" follows it, it opens no
        change ("from 5 to 8 percent"), and the word after it (after a hyphen: "10-million-
        yuan") is no first word of a currency or a unit, no "consecutive" before a time unit
        and no bracket ("13.4 (13.3) mln t"): then neither rule has anything to read, and
        the counts, most numbers, cost only these tests here.
        """
        if r.currency is not None or r.million_m is not None:
            return False
        words, n, k = view.words, view.n, r.end
        if r.start > 0 and words[r.start - 1].lower() in self.change_from and k + 1 < n \
                and words[k].lower() in self.range_join:
            return False  # a change: the rules read its target ("rose from 5 to 8 percent")
        if k + 1 < n and words[k] == "-" and not view.spaces[k - 1]:
            k += 1
        if k >= n:
            return True
        word = words[k]
        return word.lower() not in self.after_words and word not in self.after_exact


def _span(doc: Doc, start: int, end: int, fig: Figure) -> Span:
    """The span of a figure found, made only once the figure is kept."""
    span = Span(doc, start, end, label=fig.kind)
    set_figure(span, fig)
    return span


@Language.factory("agrofacts_quantities", assigns=["doc.spans"])
def make_quantity_rules(nlp: Language, name: str) -> QuantityRules:
    return QuantityRules(lexicons(nlp))
