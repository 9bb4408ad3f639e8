"""Money and measured quantities, as a spaCy component.

For each number (read with its qualifier, currency sign and range by
``context.read_number``) this looks right for a currency word ("yuan",
"U.S. dollars") or a unit ("kg", "metric tons", "percent", "mu"), and for a
rate ("per jin", "a kilogram"). Values go through the pint registry
(units.py) to the canonical unit of their kind. Counts are left to the
count rules, which run after this and skip what is claimed here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import (
    NumberReader,
    Reading,
    after_change_word,
    figure_starts,
    range_opening,
    trailing_qualifier,
)
from .figure import BRACKET_PAIR, SPAN_KEY, Figure, TokenMask, facts_of, hand_over, set_figure
from .lexicon import Currency, Lexicons, lexicons
from .numerals import MILLION
from .tokenlists import lowers_of
from .tokenview import TokenView
from .units import has_kind, kind_of, normalise, normalise_rate, priced_per, scaled

#: A figure found at tokens start:end, before it is made a Span: (start, end, figure).
Found = tuple[int, int, Figure]
#: A number written in digits alone, as a price names how much it is for: "per 100 pounds".
PLAIN_NUMBER = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*")
ONE = Decimal(1)
#: How many words before a figure "per mu yield" may stand ("the per mu yield of rice reached").
YIELD_LOOKBACK = 8
#: Tokens that end a clause: a rate named before one of them is not this figure's.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "."})


class QuantityRules:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.change_from = lex.words("change_from")  # asked for every number without a unit
        self.range_join = lex.words("range_join")
        self.change_words = lex.words("change_word")
        self.per_words, self.yield_words = lex.words("per"), lex.words("yield_word")
        # the words after a unit that may make its figure none: an age, a share, "a four-year
        # high" (a hyphen first: "56-year-old")
        self.after_unit_checks = lex.words("age_after") | lex.words("share_of") | lex.words("extreme") \
            | {"-"}
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
        # per figure found here: its start and how many canonical units one of its written
        # number is, for a bare number that compares with it (``_inherited``)
        factors: list[tuple[int, int, Figure, Decimal, Decimal]] = []
        i = 0
        for start in starts:
            if start < i:
                continue
            i = start
            reading = None if i in claimed else reader.at(i)
            if reading is None or claimed.any(reading.start, reading.end):
                i += 1
                continue
            if self._nothing_after(reader.view, reading):
                fig = None  # what money and measure would find: most numbers count things
            else:
                fig = self.money(reader, reading) or self.measure(reader, reading)
            if fig is not None and fig is not NOT_A_FIGURE and claimed.any(fig[0], fig[1]):
                fig = None
            if fig is None:
                fig = self._inherited(reader.view, reading, factors, claimed)
            if fig is None:
                i = reading.num.end
                continue
            if fig is not NOT_A_FIGURE:
                added.append(fig)
                if reading.value:
                    factors.append((fig[0], fig[1], fig[2], fig[2].value / reading.value,
                                    reading.num.scale))
            i = max(fig[1] if fig is not NOT_A_FIGURE else reading.end, i + 1)
        write = bool(added) or SPAN_KEY not in doc.spans  # else the group already holds every figure
        hand_over(doc, found + [_span(doc, *fig) for fig in added],
                  positions + [(start, end) for start, end, _fig in added], write=write)
        return doc

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
            return False  # a change: ``_change_reading`` reads its target
        if k + 1 < n and words[k] == "-" and not view.spaces[k - 1]:
            k += 1
        if k >= n:
            return True
        word = words[k]
        return word.lower() not in self.after_words and word not in self.after_exact

    # ---- money -----------------------------------------------------------------
    def money(self, reader: NumberReader, r: Reading) -> Found | None:
        """The sum of money at ``r``: its currency (a sign before, a word after, or the one of
        the change it opens), a range that repeats the currency, and what it is priced per.

        Money is tried before other units: "pounds" is sterling unless the sentence weighs.
        """
        lex, view = self.lex, reader.view
        words = view.words
        k, value, value_max = r.end, r.value, r.value_max
        if r.million_m is not None and (r.currency or lex.currencies_after.match_at(
                words, r.million_m)):
            value, value_max, k = value * MILLION, _times(value_max, MILLION), r.million_m
        hyphen = k + 1 < view.n and words[k] == "-" and not view.spaces[k - 1]
        after = lex.currencies_after.match_at(words, k + 1 if hyphen else k)  # "10-million-yuan"
        if after is not None and r.currency is None and self._weighed(view, r, k, after[1]):
            return None  # "500 pounds of beef": ``measure`` reads a mass
        end = None
        if after is not None:
            currency, k = after
        elif r.currency is not None:
            currency = r.currency
        else:
            target = self._change_target(reader, r)
            if target is None:
                return None
            # "fell from 12 to 9 yuan per jin": the 12 is priced like the 9
            currency, target_end = target
            end = r.end
            k = target_end
        start, qualifier = r.start, r.qualifier
        if end is None and value_max is None:
            upper = self._repeated_range(reader, r, currency, k)
            if upper is not None:  # "from 1.60 yuan to 2.40 yuan per kilogram"
                value_max, k, start, qualifier = upper[0], upper[1], upper[2], "range"
        value, value_max = value * currency.factor, _times(value_max, currency.factor)
        per, per_end, contiguous, per_count = self._per_unit(view, k)
        if per is None:
            per = self._per_unit_of_change_target(reader, r, k)
        if per_count != ONE:
            value, value_max = value / per_count, _divided(value_max, per_count)
        if end is None:
            end = per_end if contiguous else k
        m = normalise_rate(value, currency.code, per)
        qualifier, end = trailing_qualifier(words, end, qualifier, lex)
        vmax = None if value_max is None else normalise_rate(value_max, currency.code, per).value
        fig = Figure("money", m.value, m.unit, qualifier, vmax,
                     item=self._item_before(view, start), rule="money")
        return start, end, fig

    def _repeated_range(self, reader: NumberReader, r: Reading, currency: Currency, k: int
                        ) -> tuple[Decimal, int, int] | None:
        """'8 yuan to 12 yuan', 'between $2 and $3': a range that writes its currency twice, as
        (upper value, end of its currency, start of the range); None for a change ("rose from 8
        yuan to 12 yuan": two figures) or anything else.

        ``k``: the end of the first sum's currency.
        """
        words, n, lex = reader.view.words, reader.view.n, self.lex
        if k + 1 >= n or words[k].lower() not in lex.range_joiners:
            return None
        opened = range_opening(words, r.start, words[k].lower(), lex)
        if opened is None or (r.start == 0 or words[r.start - 1].lower() not in self.change_from) \
                and after_change_word(words, r.start, lex):
            return None  # "rose from 8 yuan to 12 yuan", "cut fees 20 yuan to 80 yuan": a change
        sign = lex.currencies_before.match_at(words, k + 1)
        target = reader.at(k + 1 if sign is None else sign[1])
        if target is None or target.value_max is not None or target.million_m is not None:
            return None
        after = lex.currencies_after.match_at(words, target.end)
        other = after[0] if after is not None else target.currency
        if other is None or other.code != currency.code or other.factor != currency.factor:
            return None
        if target.value <= r.value:
            return None
        return target.value, (after[1] if after is not None else target.end), \
            r.start - 1 if opened else r.start

    def _weighed(self, view: TokenView, r: Reading, start: int, end: int) -> bool:
        """Whether the currency word at start:end is a unit of weight here, as "pounds" may be.

        It is when the same words are a unit and the sentence weighs something with them:
        a weighing verb just before the number ("weighs 500 pounds"), "of" and a noun that
        is no sum of money ("2 million pounds of beef", not "... of aid"), or a mass it
        restates ("300 kg (660 pounds)", "300 kg, or 660 pounds").
        """
        unit = self.lex.units.match_at(view.words, start)
        if unit is None or unit[1] != end:
            return False
        words, n = view.words, view.n
        if end + 1 < n and words[end].lower() in self.lex.words("weight_of"):
            noun = words[end + 1].lower()  # "of the budget" says nothing either way
            return noun.isalpha() and noun not in self.lex.words("money_noun") \
                and noun not in self.lex.stopwords
        if any(words[j].lower() in self.lex.words("weigh_verb")
               for j in range(max(0, r.start - 2), r.start)):
            return True
        return self._restates_mass(words, r.start)

    def _restates_mass(self, words: list[str], start: int) -> bool:
        """Whether a mass unit ends just before a bracket or ", or" that opens at ``start``."""
        lead = self.lex.restate_leads.match_ending_at(words, start)
        before = None if lead is None else self.lex.units.match_ending_at(words, lead[1])
        return before is not None and kind_of(before[0])[0] == "mass"

    def _inherited(self, view: TokenView, r: Reading,
                   factors: list[tuple[int, int, Figure, Decimal, Decimal]],
                   claimed: TokenMask) -> Found | None:
        """'26.49 million tonnes, compared with 23.87 million a year earlier': the bare 23.87
        million is in tonnes too. A number with no unit of its own, after a word that compares
        (compare_leads.txt), takes the unit of the last figure before it in its sentence, when
        no other number stands between them ("the ratio dropped to 2.34 from 2.81": no unit)."""
        if not factors or r.currency is not None or r.million_m is not None:
            return None
        words = view.words
        if self.lex.compare_leads.match_ending_at(words, r.start) is None:
            return None
        if r.end < view.n and self.lex.is_plural(words[r.end].lower()):
            return None  # "up from 2,000 farmers": a count of its own
        if any(words[j][:1].isdigit() and not claimed.any(j, j + 1)
               for j in range(factors[-1][1], r.start)):
            return None
        sentence = view.sent_start(r.start)
        source = next((f for f in reversed(factors) if f[0] < sentence or f[2].kind != "percent"
                       or not self._change_in_percent(view, f[0], r)), None)
        if source is None or source[0] < sentence:
            return None
        fig, factor = source[2], source[3]
        if r.num.scale == 1:
            factor *= source[4]  # "5 million tonnes, up from 4.8": 4.8 million, as the 5 is
        return r.start, r.end, Figure(fig.kind, scaled(r.value, factor), fig.unit, r.qualifier,
                                      None if r.value_max is None else scaled(r.value_max, factor),
                                      rule="inherited-unit")

    def _change_in_percent(self, view: TokenView, start: int, r: Reading) -> bool:
        """Whether the percent at ``start`` is a change that the bare number ``r`` is the base of,
        not its unit: "5.45 million tonnes, down 19% from 6.72 million" (and no millions are
        a percent)."""
        return r.num.scale > 1 or start > 0 and view.words[start - 1].lower() in self.change_words

    def _per_unit(self, view: TokenView, k: int) -> tuple[str | None, int, bool, Decimal]:
        """A 'per jin' after the money: (unit, end, whether it follows the money directly, how
        many of the unit the price is for: 100 in '$8.10 per 100 pounds').

        It may also follow a bracketed restatement, '2,000 yuan ($280) per ton', and then
        applies to both figures, though neither one's text reaches it.
        """
        words, n = view.words, view.n
        at = k
        if at < n and words[at] == "(":
            close = next((j for j in range(at, min(at + 12, n)) if words[j] == ")"), None)
            if close is None:
                return None, k, False, ONE
            at = close + 1
        elif at < n and words[at] == ")":
            at += 1
        if at + 1 < n and words[at].lower() in self.lex.words("per"):
            count, at_unit = _per_count(words, at + 1)
            unit = self.lex.units.match_at(words, at_unit)
            if unit is not None and priced_per(unit[0]) and not (
                    unit[1] < n and words[unit[1]].lower() in self.lex.words("not_per_after")):
                # not "a year earlier", which dates the figure
                return unit[0], unit[1], at == k, count
        return None, k, False, ONE

    def _per_unit_of_change_target(self, reader: NumberReader, r: Reading, k: int) -> str | None:
        """'from 8 yuan to 12 yuan per kg': the 8 yuan is priced per kg like the 12.

        ``k``: the end of the first sum's currency word.
        """
        words, n = reader.view.words, reader.view.n
        if r.start == 0 or words[r.start - 1].lower() not in self.change_from \
                or k + 1 >= n or words[k].lower() not in self.range_join:
            return None
        sign = self.lex.currencies_before.match_at(words, k + 1)  # "from $2 to $3 a pound"
        target = reader.at(k + 1 if sign is None else sign[1]) if k + 1 < n else None
        if target is None:
            return None
        after = self.lex.currencies_after.match_at(words, target.end)
        if after is None and target.currency is None:
            return None
        return self._per_unit(reader.view, target.end if after is None else after[1])[0]

    def _item_before(self, view: TokenView, start: int) -> str:
        """'revenue of more than 1.9 million yuan' -> 'revenue': what the sentence says it measures."""
        words = view.words
        if start < 2 or words[start - 1].lower() != "of":
            return ""
        j = start - 1
        while j > 0 and start - 1 - j < 4:
            word = words[j - 1]
            if not word.isalpha() or word.isupper() and len(word) > 1:
                break
            low = word.lower()
            if low in self.lex.stopwords and not (low == "per" and words[j].lower() == "capita"):
                break
            if low.endswith("ed"):
                break  # "generated revenue of ...": a verb, not part of what is measured
            j -= 1
        while j < start - 1 and j > 0 and words[j - 1] == "-" and not view.spaces[j - 1]:
            j += 1  # "a year-on-year increase of": the item starts after the compound, not in it
        if j == start - 1 or (j > 0 and view.like_num(j - 1)):
            return ""  # "50,000 orders of 125,000 kg": the noun is another figure's
        if words[start - 2].lower() in self.lex.not_items:
            return ""  # "a record high of ...", "a total of ..."
        return view.text(j, start - 1)

    # ---- units -------------------------------------------------------------------
    def measure(self, reader: NumberReader, r: Reading) -> Found | None:
        """The measured quantity at ``r``: the unit after it (or after the bracketed figure it
        pairs with, or after the second figure of the change it opens), per what, in canonical
        units; ``NOT_A_FIGURE`` for an age, a share or "a four-year high"."""
        lex, view = self.lex, reader.view
        words, n = view.words, view.n
        k, value, value_max = r.end, r.value, r.value_max
        if r.million_m is not None:
            if lex.units.match_at(words, r.million_m) is not None:  # "2.3m tonnes": a million
                k, value, value_max = r.million_m, value * MILLION, _times(value_max, MILLION)
            else:
                k = r.million_m - 1  # the glued "m" is a metre here; a count takes "1.2m people"
                if k + 1 < n and lex.is_plural(words[k + 1].lower()):
                    return None
        hyphenated = k + 1 < n and words[k] == "-" and not view.spaces[k - 1]
        unit = lex.units.match_at(words, k + 1 if hyphenated else k)
        if unit is None and k + 1 < n and words[k].lower() in lex.words("duration_adjective"):
            unit = lex.units.match_at(words, k + 1)  # "nine consecutive years"
            if unit is not None and kind_of(unit[0])[0] != "duration":
                unit = None
        bracketed = None
        if unit is None:
            # "imports of 13.4 (13.3) mln t": this year's figure, last year's in brackets, one unit
            bracketed = self._unit_after_bracket(reader, k, r.start)
        if bracketed is not None:
            scale, name, unit_end = bracketed
            value, value_max, end = value * scale, _times(value_max, scale), k
        elif unit is not None:
            name, end = unit
            unit_end = end
        else:
            # "grew from 2,100 to 2,400 kg per hectare": the 2,100 takes the 2,400's whole unit
            target = self._unit_of_change_target(reader, r)
            if target is None:
                return None
            name, unit_end = target
            end = r.end
        if end < n and words[end].lower() in self.after_unit_checks and (
                _is_age(view, end, lex) or lex.is_share(words, end) or _is_extreme(view, end, name, lex)):
            return NOT_A_FIGURE
        if unit_end + 1 < n and words[unit_end].lower() in lex.words("per"):
            per = lex.units.match_at(words, unit_end + 1)
            if per is not None and has_kind(f"{name}/{per[0]}"):
                name = f"{name}/{per[0]}"
                if end == unit_end:
                    end = per[1]
        elif r.start > 1:
            per_before = self._yield_per_before(view, r.start)
            if per_before is not None and has_kind(f"{name}/{per_before}"):
                name = f"{name}/{per_before}"
        m = normalise(value, name)
        vmax = normalise(value_max, name).value if value_max is not None else None
        qualifier, end = trailing_qualifier(words, end, r.qualifier, lex)
        fig = Figure(m.kind, m.value, m.unit, qualifier, vmax, item=self._item_before(view, r.start),
                     rule="unit" if bracketed is None else BRACKET_PAIR)
        return r.start, end, fig

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
        unit = self.lex.units.match_at(words, at)
        if unit is None:
            return None
        return scale, unit[0], unit[1]

    def _yield_per_before(self, view: TokenView, start: int) -> str | None:
        """'the per mu yield reached 500 kg', 'grain yield per hectare was 6 tonnes': the unit
        the figure is per, named before it in the same clause, or None.

        The rate must be tied to a yield word ("per mu yield", "yield per mu"): a bare "per
        mu" earlier in a sentence may belong to another figure.
        """
        words, lex = view.words, self.lex
        per_words, yield_words = self.per_words, self.yield_words
        lo = max(0, start - YIELD_LOOKBACK)
        if yield_words.isdisjoint(lowers_of(view.doc)[lo:start]):
            return None  # no yield word before the figure: most figures, at one set test
        for j in range(start - 1, lo - 1, -1):
            word = words[j].lower()
            if word in CLAUSE_BREAKS or word[:1].isdigit():
                return None
            if word not in per_words:
                continue
            k = j + 2 if j + 2 < start and words[j + 1] == "-" else j + 1  # "per-mu"
            unit = lex.units.match_at(words, k)
            if unit is None or unit[1] > start:
                return None
            tied = unit[1] < start and words[unit[1]].lower() in yield_words \
                or j > 0 and words[j - 1].lower() in yield_words
            return unit[0] if tied else None
        return None

    def _change_reading(self, reader: NumberReader, r: Reading) -> Reading | None:
        """In 'rose from 5 to 8 percent', the reading of the 8, whose unit the 5 shares."""
        words, k = reader.view.words, r.end
        if r.start == 0 or words[r.start - 1].lower() not in self.change_from \
                or k + 1 >= reader.view.n or words[k].lower() not in self.range_join:
            return None
        return reader.at(k + 1)

    def _unit_of_change_target(self, reader: NumberReader, r: Reading) -> tuple[str, int] | None:
        """'rose from 5 to 8 percent': (unit of the 8, end of that unit)."""
        target = self._change_reading(reader, r)
        return None if target is None else self.lex.units.match_at(reader.view.words, target.end)

    def _change_target(self, reader: NumberReader, r: Reading):
        """'fell from 12 to 9 yuan': (currency of the 9, index after that currency)."""
        target = self._change_reading(reader, r)
        if target is None:
            return None
        after = self.lex.currencies_after.match_at(reader.view.words, target.end)
        if after is not None:
            return after
        return (target.currency, target.end) if target.currency is not None else None


def _per_count(words: list[str], i: int) -> tuple[Decimal, int]:
    """'per 100 pounds': (100, index of the unit); (1, ``i``) when no number stands there."""
    if i < len(words) and PLAIN_NUMBER.fullmatch(words[i]):
        return Decimal(words[i].replace(",", "")), i + 1
    return ONE, i


def _divided(value: Decimal | None, by: Decimal) -> Decimal | None:
    return None if value is None else value / by


def _times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else value * factor


def _is_age(view: TokenView, end: int, lex: Lexicons) -> bool:
    """'56-year-old': an age, which the contract does not list as a figure."""
    words = view.words
    j = end + 1 if end < view.n and words[end] == "-" else end
    return j < view.n and words[j].lower() in lex.words("age_after")


def _is_extreme(view: TokenView, end: int, unit: str, lex: Lexicons) -> bool:
    """'a four-year high': how long since a level was last seen, a comparison, not a duration."""
    return end < view.n and view.words[end].lower() in lex.words("extreme") \
        and kind_of(unit)[0] == "duration"


def _span(doc: Doc, start: int, end: int, fig: Figure) -> Span:
    """The span of a figure found, made only once the figure is kept."""
    span = Span(doc, start, end, label=fig.kind)
    set_figure(span, fig)
    return span


#: Returned by a rule that recognised a number as no figure at all (an age).
NOT_A_FIGURE = object()


@Language.factory("agrofacts_quantities", assigns=["doc.spans"])
def make_quantity_rules(nlp: Language, name: str) -> QuantityRules:
    return QuantityRules(lexicons(nlp))
