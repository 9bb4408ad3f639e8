"""A rate's unit named before its figure: "the per mu yield reached 500 kg", "the price per
kilogram is 12 yuan".

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
