"""What a sum or a measure is of, where the sentence says it plainly just before the figure.

"revenue of more than 1.9 million yuan" -> "revenue". Counts name their noun
after the number (counts.py); money and measures name it before, with "of".
"""

from __future__ import annotations

from .lexicon import Lexicons
from .tokenview import TokenView

#: How many words before "of" an item may have: "the per capita disposable income of".
ITEM_WORDS = 4


def item_before(view: TokenView, start: int, lex: Lexicons) -> str:
    """The noun phrase before "of" that ends just before the figure at ``start``, or "".

    It stops at a stop word, a verb in -ed ("generated revenue of": not part of what is
    measured), a number (the noun is another figure's) and capitals (a name).
    """
    words = view.words
    if start < 2 or words[start - 1].lower() != "of":
        return ""
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
        return ""  # "50,000 orders of 125,000 kg": the noun is another figure's
    if words[start - 2].lower() in lex.not_items or words[start - 2] in lex.months:
        return ""  # "a record high of ...", "a total of ...", "forecasts issued in June of 30.3Mt"
    return view.text(j, start - 1)

