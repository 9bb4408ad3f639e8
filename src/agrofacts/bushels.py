"""Bushels, which weigh what their crop weighs.

A US bushel is a volume, but grain is traded by the bushel's weight for its
crop: 56 lb of corn, 60 lb of wheat or soybeans (units.txt). The crop named
after the unit ("472 million bushels of corn"), else the first one named in
the sentence ("Corn futures rose to $4.50 a bushel"), else the last one named
in the sentences just before, picks the weight
(data/bushels.csv); with no crop named the bushel stays a volume, and is no
unit of a rate or a yield.
"""

from __future__ import annotations

from functools import cache

from .lexicon import Lexicons
from .resources import read_csv
from .tokenview import TokenView

#: The unit name units.csv gives every surface of the bushel.
BUSHEL = "bushel"
#: How far a sentence is searched for its crop, either side of the unit.
CROP_REACH = 40


@cache
def crop_bushels() -> dict[str, str]:
    """Crop word -> the unit of a bushel of it."""
    return {r["crop"].lower(): r["unit"] for r in read_csv("bushels.csv", ("crop", "unit"))}


def unit_at(view: TokenView, k: int, lex: Lexicons) -> tuple[str, int] | None:
    """``lex.units.match_at`` at token ``k``, a bushel read as the bushel of its crop."""
    unit = lex.units.match_at(view.words, k)
    if unit is None or unit[0] != BUSHEL:
        return unit
    name = _crop_bushel(view, k, unit[1])
    if name == BUSHEL and unit[1] < view.n and view.words[unit[1]].lower() in lex.words("per"):
        return None  # "183.1 bushels per acre" of no crop named: a volume per area means nothing
    return name, unit[1]


def _crop_bushel(view: TokenView, start: int, end: int) -> str:
    crops, words = crop_bushels(), view.words
    if end + 1 < view.n and words[end].lower() == "of" and words[end + 1].lower() in crops:
        return crops[words[end + 1].lower()]  # "bushels of corn"
    first = view.sent_start(start)
    for j in range(max(first, start - CROP_REACH), min(view.n, end + CROP_REACH)):
        if j > start and view.is_sent_start(j):
            break
        crop = crops.get(words[j].lower())
        if crop is not None:
            return crop
    for j in range(first - 1, max(-1, first - CROP_REACH - 1), -1):  # the sentences before
        crop = crops.get(words[j].lower())
        if crop is not None:
            return crop  # "Corn production is forecast at ... Yields average 183.1 bushels per acre."
    return BUSHEL
