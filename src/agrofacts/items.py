"""What a sum or a measure is of, where the sentence says it plainly just before the figure.

"revenue of more than 1.9 million yuan" -> "revenue". Counts name their noun
after the number (counts.py); money and measures name it before, with "of".
"""

from __future__ import annotations

from .lexicon import Lexicons
from .tokenview import TokenView

#: How many words before "of" an item may have: "the per capita disposable income of".
ITEM_WORDS = 4
#: The qualifier an estimated item passes to its figure.
APPROX = "approx"


def item_before(view: TokenView, start: int, lex: Lexicons) -> str:
    """The noun phrase before "of" that ends just before the figure at ``start``, or "" (see
    ``item_span_before``)."""
    span = item_span_before(view, start, lex)
    return "" if span is None else view.text(*span)


def qualifier_before_item(view: TokenView, span: tuple[int, int] | None, lex: Lexicons) -> str | None:
    """"approx" when the item of a figure is itself estimated ("an estimated damage of 14,421
    crore", "an estimated street value of $275,000"), else None: a bound there compares the
    item, not the figure ("above analyst expectations of 4.1% growth")."""
    if span is None:
        return None
    found = lex.qualifiers.match_ending_at(view.words, span[0])
    return APPROX if found is not None and found[0] == APPROX else None


def item_span_before(view: TokenView, start: int, lex: Lexicons) -> tuple[int, int] | None:
    """(first, end) tokens of the noun phrase before "of" that ends just before the figure at
    ``start``, or None.

    It stops at a stop word, a verb in -ed ("generated revenue of": not part of what is
    measured), a number (the noun is another figure's) and capitals (a name).
    """
    words = view.words
    if start < 2 or words[start - 1].lower() != "of":
        return None
    j = start - 1
    while j > 0 and start - 1 - j < ITEM_WORDS:
        word = words[j - 1]
        if not word.isalpha() or word.isupper() and len(word) > 1:
            break
        low = word.lower()
        if low in lex.stopwords and not (low == "per" and words[j].lower() == "capita"):
            break
        if low.endswith("ed"):
            break
        j -= 1
    while j < start - 1 and j > 0 and words[j - 1] == "-" and not view.spaces[j - 1]:
        j += 1  # "a year-on-year increase of": the item starts after the compound, not in it
    if j == start - 1 or (j > 0 and view.like_num(j - 1)):
        return None  # "50,000 orders of 125,000 kg": the noun is another figure's
    if words[start - 2].lower() in lex.not_items or words[start - 2] in lex.months:
        return None  # "a record high of ...", "a total of ...", "forecasts issued in June of 30.3Mt"
    return j, start - 1

