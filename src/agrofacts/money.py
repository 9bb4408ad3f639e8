"""Sums of money: a number with its currency, the range or change it belongs to, and its rate.

The currency is a sign before the number ("$5"), a word after it ("5 yuan",
"10-million-yuan"), or the one of the change the number opens ("fell from 12
to 9 yuan"). A rate after it ("per jin", "$8.10 per 100 pounds", also after a
bracketed restatement) makes it a price, normalised per canonical unit by
the pint registry (units.py).

Money is tried before other units: "pounds" is sterling unless the sentence
weighs something with it (``_weighed``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .bushels import unit_at
from .context import (
    NumberReader,
    Reading,
    change_target,
    currency_after,
    repeated_range_end,
    trailing_qualifier,
)
from .figure import Figure, Found
from .lexicon import Currency, Lexicons
from .numerals import MILLION, divided, times
from .rates import unit_per_before, unit_priced_before
from .subjects import SubjectItem
from .tokenview import TokenView
from .units import kind_of, normalise_rate, priced_per

#: A number written in digits alone, never zero, as a price names how much it is for: "per 100
#: pounds", "per 0.5 kg".
PLAIN_NUMBER = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*)(?:\.\d+)?|0\.\d*[1-9]\d*")
ONE = Decimal(1)
#: The sign many currencies share; the currency it has in currencies.csv is what "dollars" say too.
GENERIC_SIGN = "$"
#: How far after a sum "respectively" may stand for a list of sums to share one rate.
RESPECTIVELY_REACH = 16
#: How many more sums a list may hold before the one that says what they are priced per.
LIST_REACH = 3
#: How far after a sum its bracketed restatement may close: "2,000 yuan ($280) per ton".
BRACKET_REACH = 12
#: How far back in its sentence "pounds" looks for what is weighed ("Cheese production totaled").
SUBJECT_REACH = 12


class MoneyRule:
    """``rule(reader, reading)``: the sum of money at a number, or None."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.subject = SubjectItem(lex)
        self.change_from = lex.words("change_from")
        self.range_join = lex.words("range_join")
        self.list_join = lex.words("list_join")
        self.distributive = lex.words("distributive")
        #: what a sum may be per a unit named before it: "the price per kilogram", "income per mu"
        self.rate_nouns = lex.words("price_noun") | lex.words("rate_noun")
        #: a clause before "pounds" that names one of these weighs; one of those, it is money
        self.weighed_words = lex.words("weighed_subject")
        self.worth_words = lex.words("money_context") | lex.words("money_noun")
        generic = lex.currencies_before.match_at([GENERIC_SIGN], 0)
        self.generic_code = None if generic is None else generic[0].code

    def __call__(self, reader: NumberReader, r: Reading) -> Found | None:
        """The sum at ``r``: its currency, a range that repeats the currency, and what it is
        priced per."""
        lex, view = self.lex, reader.view
        words = view.words
        k, value, value_max = r.end, r.value, r.value_max
        if r.million_m is not None and (r.currency or lex.currencies_after.match_at(
                words, r.million_m)):
            value, value_max, k = value * MILLION, times(value_max, MILLION), r.million_m
        hyphen = k + 1 < view.n and words[k] == "-" and not view.spaces[k - 1]
        after = currency_after(view, k + 1 if hyphen else k, lex)  # "10-million-yuan"
        if after is not None and r.currency is None and self._weighed(view, r, k, after[1]):
            return None  # "500 pounds of beef": ``measures`` reads a mass
        end = None
        if after is not None and r.currency is not None and after[0].code == self.generic_code:
            currency, k = r.currency, after[1]  # "A$12 million dollars": the sign says whose dollars
        elif after is not None:
            currency, k = after  # "$12 million Australian dollars": the words say whose
        elif r.currency is not None:
            currency = r.currency
        else:
            target = self._target_currency(reader, r)
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
        value, value_max = value * currency.factor, times(value_max, currency.factor)
        per, per_end, contiguous, per_count = self._per_unit(view, k)
        if per is None:
            per = self._per_unit_of_change_target(reader, r, k)
        if per is None and r.start > 1:  # "the price per kilogram is 12 yuan"
            per = unit_per_before(view, r.start, lex, self.rate_nouns) \
                or unit_priced_before(view, r.start, lex)  # "the price of 1kg of tomatoes ... N427"
        if per is None and any(w.lower() in self.distributive for w in words[k:k + RESPECTIVELY_REACH]):
            per, per_count = self._per_unit_of_list(reader, r, currency, k, LIST_REACH)
        if per_count != ONE:
            value, value_max = value / per_count, divided(value_max, per_count)
        if end is None:
            end = per_end if contiguous else k
        m = normalise_rate(value, currency.code, per)
        qualifier, end = trailing_qualifier(words, end, qualifier, lex)
        vmax = None if value_max is None else normalise_rate(value_max, currency.code, per).value
        item, qualifier = self.subject.of_figure(view, start, end, qualifier)
        fig = Figure("money", m.value, m.unit, qualifier, vmax, item=item, rule="money")
        return start, end, fig

    def _repeated_range(self, reader: NumberReader, r: Reading, currency: Currency, k: int
                        ) -> tuple[Decimal, int, int] | None:
        """'8 yuan to 12 yuan', 'between $2 and $3': a range that writes its currency twice, as
        (upper value, end of its currency, start of the range); None for a change ("rose from 8
        yuan to 12 yuan": two figures) or anything else.

        ``k``: the end of the first sum's currency.
        """
        upper = repeated_range_end(reader, r, k)
        if upper is None:
            return None
        target, opened = upper
        lex = self.lex
        after = currency_after(reader.view, target.end, lex)
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
        unit = unit_at(view, start, self.lex)
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
        return self._restates_mass(words, r.start) or self._weighed_subject(view, r.start)

    def _weighed_subject(self, view: TokenView, start: int) -> bool:
        """Whether the clause before the number is about a farm product or its output, and not
        about what it is worth: "Cheese production totaled 1.2 billion pounds", "Milk output
        rose 2% to 19.6 billion pounds" weigh; "beef sales worth 2 billion pounds" do not."""
        words = view.words
        weighed = False
        for j in range(start - 1, max(view.sent_start(start), start - SUBJECT_REACH) - 1, -1):
            word = words[j].lower()
            if word in self.worth_words:
                return False
            weighed = weighed or word in self.weighed_words
        return weighed

    def _restates_mass(self, words: list[str], start: int) -> bool:
        """Whether a mass unit ends just before a bracket or ", or" that opens at ``start``."""
        lead = self.lex.restate_leads.match_ending_at(words, start)
        before = None if lead is None else self.lex.units.match_ending_at(words, lead[1])
        return before is not None and kind_of(before[0])[0] == "mass"

    def _per_unit(self, view: TokenView, k: int) -> tuple[str | None, int, bool, Decimal]:
        """A 'per jin' after the money: (unit, end, whether it follows the money directly, how
        many of the unit the price is for: 100 in '$8.10 per 100 pounds').

        It may also follow a bracketed restatement, '2,000 yuan ($280) per ton', and then
        applies to both figures, though neither one's text reaches it.
        """
        words, n = view.words, view.n
        at = k
        if at < n and words[at] == "(":
            close = next((j for j in range(at, min(at + BRACKET_REACH, n)) if words[j] == ")"), None)
            if close is None:
                return None, k, False, ONE
            at = close + 1
        elif at < n and words[at] == ")":
            at += 1
        if at + 1 < n and words[at].lower() in self.lex.words("per"):
            count, at_unit = _per_count(words, at + 1)
            unit = unit_at(view, at_unit, self.lex)
            if unit is not None and priced_per(unit[0]) and not (
                    unit[1] < n and words[unit[1]].lower() in self.lex.words("not_per_after")
                    and kind_of(unit[0])[0] == "duration"):
                # not "a year earlier", which dates the figure ("a tonne earlier" is a price)
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
        after = currency_after(reader.view, target.end, self.lex)
        if after is None and target.currency is None:
            return None
        return self._per_unit(reader.view, target.end if after is None else after[1])[0]

    def _per_unit_of_list(self, reader: NumberReader, r: Reading, currency: Currency, k: int, reach: int
                          ) -> tuple[str | None, Decimal]:
        """'3 yuan and 5 yuan per 500 grams respectively': a sum in a list of sums in the same
        currency and scale ("3 million yuan and 5 yuan per kg" are a sum and a price) is priced
        per what the last one is, as (unit, how many of it); (None, 1) else.

        ``k``: the end of this sum's currency word; ``reach``: how many sums may follow.
        """
        words, n = reader.view.words, reader.view.n
        if reach == 0 or k + 1 >= n or words[k].lower() not in self.list_join:
            return None, ONE
        sign = self.lex.currencies_before.match_at(words, k + 1)
        partner = reader.at(k + 1 if sign is None else sign[1])
        if partner is None or partner.num.scale != r.num.scale:
            return None, ONE
        after = currency_after(reader.view, partner.end, self.lex)
        other = after[0] if after is not None else partner.currency
        if other is None or other.code != currency.code or other.factor != currency.factor:
            return None, ONE
        end = after[1] if after is not None else partner.end
        per, _end, _contiguous, count = self._per_unit(reader.view, end)
        if per is not None:
            return per, count
        return self._per_unit_of_list(reader, r, currency, end, reach - 1)

    def _target_currency(self, reader: NumberReader, r: Reading) -> tuple[Currency, int] | None:
        """'fell from 12 to 9 yuan': (currency of the 9, index after that currency)."""
        target = change_target(reader, r)
        if target is None:
            return None
        after = currency_after(reader.view, target.end, self.lex)
        if after is not None:
            return after
        return (target.currency, target.end) if target.currency is not None else None


def _per_count(words: list[str], i: int) -> tuple[Decimal, int]:
    """'per 100 pounds', 'per 1,000-square-meter paddy': (100, index of the unit); (1, ``i``)
    when no number stands there."""
    if i < len(words) and PLAIN_NUMBER.fullmatch(words[i]):
        at = i + 2 if i + 2 < len(words) and words[i + 1] == "-" else i + 1
        return Decimal(words[i].replace(",", "")), at
    return ONE, i
