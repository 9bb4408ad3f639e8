"""A rate's unit named before its figure: "the per mu yield reached 500 kg", "the price per
kilogram is 12 yuan", "the average price of 1kg of tomatoes rose by 19.5 percent to N427.55".

News often names what a figure is per in its subject, not after it. The
"per" must be tied to a word of the subject's kind (a yield word for a
measure, a price or income word for a sum: data/context_words.csv), so a
bare "per mu" earlier in the sentence, which may belong to another figure,
is left alone.
"""

from __future__ import annotations

from .bushels import unit_at
from .lexicon import Lexicons
from .tokenlists import lowers_of
from .tokenview import TokenView

#: How far before a figure its "per" may stand ("the average net income per mu of land was").
LOOKBACK = 8
#: Tokens that end the subject a rate is named in.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "."})


def unit_per_before(view: TokenView, start: int, lex: Lexicons, tied_words: frozenset[str]) -> str | None:
    """The unit the figure at ``start`` is per, named before it in its clause ("per mu", "per-mu")
    next to one of ``tied_words`` ("yield per mu", "per mu yield"), or None."""
    words = view.words
    per_words = lex.words("per_before")
    lo = max(0, start - LOOKBACK)
    if per_words.isdisjoint(words[lo:start]) or tied_words.isdisjoint(lowers_of(view.doc)[lo:start]):
        return None  # no "per" or no tied word before the figure: most figures, at two set tests
    for j in range(start - 1, lo - 1, -1):
        word = words[j].lower()
        if word in CLAUSE_BREAKS or word[:1].isdigit():
            return None
        if word not in per_words:
            continue
        k = j + 2 if j + 2 < start and words[j + 1] == "-" else j + 1  # "per-mu"
        unit = unit_at(view, k, lex)
        if unit is None or unit[1] > start:
            return None
        tied = unit[1] < start and words[unit[1]].lower() in tied_words \
            or j > 0 and words[j - 1].lower() in tied_words
        return unit[0] if tied else None
    return None


#: How far before a sum "the price of 1kg of" may stand, a change between ("rose by 19.5 percent to").
PRICED_LOOKBACK = 24


def unit_priced_before(view: TokenView, start: int, lex: Lexicons) -> str | None:
    """The unit of "the price of 1kg of X" before the sum at ``start`` in its clause, as price
    surveys quote it ("The average price of 1kg of tomatoes increased by 19.5 percent to
    N427.55": NGN per kg), or None."""
    words = view.words
    lo = max(view.sent_start(start), start - PRICED_LOOKBACK)
    price_nouns = lex.words("price_noun")
    if price_nouns.isdisjoint(lowers_of(view.doc)[lo:start]):
        return None
    for j in range(start - 1, lo - 1, -1):
        if words[j] in CLAUSE_BREAKS:
            return None
        if words[j].lower() in price_nouns:
            return quoted_unit(view, j + 1, lex)
    return None


def quoted_unit(view: TokenView, k: int, lex: Lexicons) -> str | None:
    """The unit of "of 1kg of" starting at token ``k`` (after a price word), or None: a price is
    quoted for one of the unit ("1kg", "one kilogram", "a litre": context_words.csv one_of)."""
    words = view.words
    if k + 2 >= view.n or words[k].lower() != "of" or words[k + 1].lower() not in lex.words("one_of"):
        return None
    unit = unit_at(view, k + 2, lex)
    if unit is None or unit[1] >= view.n or words[unit[1]].lower() != "of":
        return None
    return unit[0]
