"""Measured quantities: a number with its unit ("125,000 kg", "1.76 billion mu", "36.6 percent").

The unit is the one right after the number ("10-tonne" too), after the
bracketed figure it pairs with ("13.4 (13.3) mln t"), or after the second
figure of the change it opens ("rose from 5 to 8 percent"). A rate after the
unit ("kg per hectare"), or a yield rate named before the figure ("the per mu
yield reached 500 kg"), makes it a compound unit. pint (units.py) converts
every value to its kind's canonical unit.

Some numbers with a unit are no figure: an age ("56-year-old"), a share ("a
quarter of the land"), how long since a level was seen ("a four-year high").
"""

from __future__ import annotations

from decimal import Decimal

from .bushels import unit_at
from .context import (
    NumberReader,
    Reading,
    change_target,
    clock_time_after,
    repeated_range_end,
    trailing_qualifier,
)
from .figure import BRACKET_PAIR, NOT_A_FIGURE, Figure, Found
from .lexicon import Lexicons
from .numerals import MILLION, times
from .rates import quoted_unit, unit_per_before
from .subjects import SubjectItem
from .tokenview import TokenView
from .units import has_kind, kind_of, normalise

ONE = Decimal(1)
#: "5% white rice" is a grade ("white" alone after a percent is not: "5% white-collar jobs").
GRADE_COLOUR, GRADED_GRAIN = "white", "rice"


class MeasureRule:
    """``rule(reader, reading)``: the measured quantity at a number, None, or ``NOT_A_FIGURE``."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.subject = SubjectItem(lex)
        self.per_words, self.yield_words = lex.words("per"), lex.words("yield_word")
        # the words after a unit that may make its figure none: an age, a share, "a four-year
        # high" (a hyphen first: "56-year-old")
        self.grade_after = lex.words("grade_after")
        self.after_unit_checks = lex.words("age_after") | lex.words("share_of") | lex.words("extreme") \
            | lex.words("relative_after") | lex.words("clock_join") | {"-"} | self.grade_after
        self.price_nouns = lex.words("price_noun")

    def __call__(self, reader: NumberReader, r: Reading) -> Found | object | None:
        """The quantity at ``r`` in canonical units, per what; ``NOT_A_FIGURE`` for an age, a
        share or "a four-year high"."""
        lex, view = self.lex, reader.view
        words, n = view.words, view.n
        k, value, value_max = r.end, r.value, r.value_max
        if r.million_m is not None:
            if unit_at(view, r.million_m, self.lex) is not None:  # "2.3m tonnes": a million
                k, value, value_max = r.million_m, value * MILLION, times(value_max, MILLION)
            elif self._metres(view, r.million_m):
                k = r.million_m - 1  # "2.5m high", "a 300m-long pipe": the glued "m" is a metre
            else:
                return None  # "1.5m laying hens", "down from 8.08m": a million, for the counts
        hyphenated = k + 1 < n and words[k] == "-" and not view.spaces[k - 1]
        unit = unit_at(view, k + 1 if hyphenated else k, self.lex)
        if unit is None and k + 1 < n and words[k].lower() in lex.words("duration_adjective"):
            unit = unit_at(view, k + 1, self.lex)  # "nine consecutive years"
            if unit is not None and kind_of(unit[0])[0] != "duration":
                unit = None
        bracketed = None
        if unit is None:
            # "imports of 13.4 (13.3) mln t": this year's figure, last year's in brackets, one unit
            bracketed = self._unit_after_bracket(reader, k, r.start)
        if bracketed is not None:
            scale, name, unit_end = bracketed
            value, value_max, end = value * scale, times(value_max, scale), k
        elif unit is not None:
            name, end = unit
            unit_end = end
            if not hyphenated and value != 1 and not lex.is_plural(words[end - 1].lower()) \
                    and kind_of(name)[0] == "duration" \
                    and (r.num.year_like or end >= n or not words[end].isalpha()):
                # "in 2023 year-on-year": a year, never 2,023 years; "a 24 hour period" is one
                return NOT_A_FIGURE
        else:
            # "grew from 2,100 to 2,400 kg per hectare": the 2,100 takes the 2,400's whole unit
            target = self._unit_of_change_target(reader, r)
            if target is None:
                return None
            name, unit_end = target
            end = r.end
        start, qualifier = r.start, r.qualifier
        if unit is not None and value_max is None and not hyphenated and r.million_m is None:
            upper = self._repeated_range(reader, r, name, end)
            if upper is not None:  # "between 1.8% and 3.5%", "29.3 percent to 30.3 percent"
                value_max, end, start = upper
                unit_end, qualifier = end, "range"
        if r.start > 1 and words[r.start - 2].lower() in self.price_nouns \
                and quoted_unit(view, r.start - 1, lex) is not None:
            return NOT_A_FIGURE  # "the average price of 1kg of tomatoes": what the price is for
        if end < n and words[end].lower() in self.after_unit_checks and (
                self._is_age(view, end) or lex.is_share(words, end) or self._is_extreme(view, end, name)
                or self._is_grade(view, end, name)):
            return NOT_A_FIGURE
        if unit_end + 1 < n and words[unit_end].lower() in self.per_words:
            per = unit_at(view, unit_end + 1, self.lex)
            if per is not None and has_kind(f"{name}/{per[0]}"):
                name = f"{name}/{per[0]}"
                if end == unit_end:
                    end = per[1]
        elif r.start > 1:
            per_before = unit_per_before(view, r.start, lex, self.yield_words)
            if per_before is not None and has_kind(f"{name}/{per_before}"):
                name = f"{name}/{per_before}"
        m = normalise(value, name)
        vmax = normalise(value_max, name).value if value_max is not None else None
        qualifier, end = trailing_qualifier(words, end, qualifier, lex)
        item, qualifier = self.subject.of_figure(view, start, end, qualifier)
        fig = Figure(m.kind, m.value, m.unit, qualifier, vmax, item=item,
                     rule="unit" if bracketed is None else BRACKET_PAIR)
        return start, end, fig

    def _repeated_range(self, reader: NumberReader, r: Reading, name: str, k: int
                        ) -> tuple[Decimal, int, int] | None:
        """'between 1.8% and 3.5%': a range that writes its unit twice, as (upper value, end of
        its unit, start of the range), or None (see ``context.repeated_range_end``).

        ``k``: the end of the first figure's unit.
        """
        upper = repeated_range_end(reader, r, k)
        if upper is None:
            return None
        target, opened = upper
        unit = unit_at(reader.view, target.end, self.lex)
        if target.currency is not None or unit is None or unit[0] != name or target.value <= r.value:
            return None
        return target.value, unit[1], r.start - 1 if opened else r.start

    def _unit_after_bracket(self, reader: NumberReader, k: int, start: int
                            ) -> tuple[Decimal, str, int] | None:
        """The scale and unit written after a bracketed figure that pairs with this one:
        "13.4 (13.3) mln t" for the 13.4 (``k`` at its "(") and for the 13.3 (``start`` just
        after the "("), as (scale, unit, end of the unit); None for anything else."""
        view = reader.view
        words, n = view.words, view.n
        if k < n and words[k] == "(":
            inner = reader.at(k + 1) if k + 1 < n else None
            close = inner.end if inner is not None and inner.currency is None else None
        elif k < n and words[k] == ")" and start > 1 and words[start - 1] == "(" \
                and view.like_num(start - 2):
            close = k  # the bracketed figure itself
        else:
            return None
        if close is None or close >= n or words[close] != ")":
            return None
        at, scale = close + 1, ONE
        word = self.lex.numbers.get(words[at].lower()) if at < n else None
        if word is not None and word.role == "scale":
            at, scale = at + 1, word.value
        unit = unit_at(view, at, self.lex)
        if unit is None:
            return None
        return scale, unit[0], unit[1]

    def _is_grade(self, view: TokenView, end: int, name: str) -> bool:
        """'Thai 5% broken rice', '2% fat milk': a percent that names a grade of a product."""
        if kind_of(name)[0] != "percent" or end + 1 >= view.n:
            return False
        word = view.words[end].lower()
        if word == GRADE_COLOUR:
            return view.lower(end + 1) == GRADED_GRAIN
        return word in self.grade_after

    def _unit_of_change_target(self, reader: NumberReader, r: Reading) -> tuple[str, int] | None:
        """'rose from 5 to 8 percent': (unit of the 8, end of that unit)."""
        target = change_target(reader, r)
        return None if target is None else unit_at(reader.view, target.end, self.lex)

    def _is_age(self, view: TokenView, end: int) -> bool:
        """'56-year-old': an age, which the contract does not list as a figure."""
        words = view.words
        j = end + 1 if end < view.n and words[end] == "-" else end
        return j < view.n and words[j].lower() in self.lex.words("age_after")

    def _metres(self, view: TokenView, after: int) -> bool:
        """Whether a glued "m" ending before ``after`` is a metre: a dimension follows it ("2.5m
        high", "a 300m-long pipe", "2m in diameter"); in news it is a million otherwise."""
        words = view.words
        k = after + 1 if after < view.n and words[after] == "-" else after
        return k < view.n and words[k].lower() in self.lex.words("dimension_after")

    def _is_extreme(self, view: TokenView, end: int, unit: str) -> bool:
        """'a four-year high': how long since a level was last seen, a comparison, not a duration;
        'than two years earlier': a time before another, not a duration either; 'ten minutes
        past midnight': a time of day."""
        word = view.words[end].lower() if end < view.n else ""
        return (word in self.lex.words("extreme") or word in self.lex.words("relative_after")
                or clock_time_after(view, end, self.lex)) \
            and kind_of(unit)[0] == "duration"
