"""The number grammar: digits, scale words and number words, read off tokens.

``parse_number(doc, i, words)`` reads the longest number starting at token
``i``: "2,300", "284.5", "1.5 million", "1.6" + "bn", "twenty-five",
"a dozen", "half a million", "two hundred and fifty". Vague plurals
("dozens", "hundreds of thousands") are not in the word list, so they never
parse. The ambiguous glued "m" (million after a currency, metre otherwise)
is left to the caller as ``million_m``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from .lexicon import ARTICLES, NumberWord
from .tokenview import TokenView

#: "2,300", "284.5", "2300", India's lakh grouping "7,82,685"; not "1,2", "0100" or "10:30".
DIGITS = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d?(?:,\d\d)+,\d{3}|\d+)(?:\.\d+)?")
#: Scale roles a capital letter glued to digits may take next to a currency: "$883M", "50K rupees".
CAPITAL_SCALE_ROLES = frozenset({"scale_glued", "scale_money"})
#: Scale roles a number word may take after digits ("1.5 million").
WORD_SCALES = ("scale", "hundred")
MILLION = Decimal(1000000)
ONE = Decimal(1)
#: Roles of the number words an article makes a number of: "a dozen", "a hundred", "a million".
ARTICLE_NUMBER_ROLES = ("dozen", "hundred", "scale")
#: The longest run of digits that still reads as a quantity (beyond it: IDs, tracking numbers).
MAX_DIGITS = 15
#: The first group of a number whose thousands are set apart by spaces ("560 000"), and the others.
SPACE_GROUP_FIRST = re.compile(r"[1-9]\d{0,2}")
SPACE_GROUP = re.compile(r"\d{3}(?:\.\d+)?")


class NumberMatch(NamedTuple):
    """A number read off tokens (a NamedTuple: made for every number, and cheap to make)."""

    start: int
    end: int
    value: Decimal
    spelled: bool
    scale: Decimal
    million_m: int | None  # index just past a glued "m" that may mean million
    grouped: bool = False  # written with thousands separators ("2,019")

    @property
    def year_like(self) -> bool:
        """A bare four-digit 1800-2199 with no separator or scale: read as a year."""
        return (not self.spelled and not self.grouped and 1800 <= self.value <= 2199
                and self.scale == 1 and self.value == self.value.to_integral_value())


@lru_cache(maxsize=4096)
def _digits_value(text: str) -> Decimal | None:
    """The value of a token written in digits, or None (cached: news repeats its numbers)."""
    if not DIGITS.fullmatch(text) or len(text) > MAX_DIGITS + 4:
        return None
    if len(text) > 1 and text[0] == "0" and text[1] != ".":
        return None  # "0100": an ID or phone digits
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_number(doc: Doc, i: int, words: dict[str, NumberWord]) -> NumberMatch | None:
    """The number that starts at token ``i``, or None."""
    return parse_number_in(TokenView(doc), i, words)


def parse_number_in(view: TokenView, i: int, words: dict[str, NumberWord]) -> NumberMatch | None:
    """``parse_number`` on a doc's :class:`TokenView`, for callers that read many numbers."""
    value = _digits_value(view.words[i])
    if value is not None:
        # most numbers: no three digits after them ("560 000" is the rare one)
        if i + 1 < view.n and view.spaces[i] and view.words[i + 1][0].isdigit() \
                and SPACE_GROUP_FIRST.fullmatch(view.words[i]):
            grouped = _space_groups(view, i)
            if grouped is not None:
                return _scaled_digits(view, i, grouped[0], words, grouped[1], True)
        return _scaled_digits(view, i, value, words)
    return _number_words(view, i, words)


def _space_groups(view: TokenView, i: int) -> tuple[Decimal, int] | None:
    """'560 000 tonnes', '1 200 000 farmers': thousands set apart by single spaces (as FAO and
    much of the world write them), as (value, end); None unless a word follows the groups
    ("555 010 6512" is a phone number, "May 5 300" a day and a number)."""
    text, n = view.words, view.n
    j = i + 1
    while j < n and view.spaces[j - 1] and SPACE_GROUP.fullmatch(text[j]):
        j += 1
    if j == i + 1 or j >= n or not text[j][:1].isalpha() or i > 0 and text[i - 1][-1:].isdigit():
        return None
    try:
        return Decimal("".join(text[i:j])), j
    except InvalidOperation:
        return None


def _scaled_digits(view: TokenView, i: int, value: Decimal, words: dict[str, NumberWord],
                   end: int | None = None, grouped: bool = False) -> NumberMatch:
    """The number at ``i`` (whose digits end at ``end``, the next token by default) with the
    scale words after it."""
    text, n = view.words, view.n
    j = i + 1 if end is None else end
    scale = ONE
    million_m = None
    while j < n:
        if text[j] == "-" and _hyphen_before_scale(view, j, words):
            j += 1  # "a 10-million-yuan project"
        nw = words.get(text[j].lower())
        if nw is None:
            break
        glued = not view.spaces[j - 1]
        if glued and text[j].isupper() and nw.role in CAPITAL_SCALE_ROLES:
            break  # "$883M" is scaled where its currency is read (context.py); "Long March 5B" not
        if nw.role in WORD_SCALES or (nw.role == "scale_glued" and glued):
            scale *= nw.value
            j += 1
            continue
        if nw.role == "scale_money" and glued:
            million_m = j + 1  # "1.2m": a million or a metre, as the words after it say
        break
    # No scale word: the value as written (times one it is the same Decimal, at a cost).
    return NumberMatch(i, j, value if scale is ONE else value * scale, False, scale, million_m,
                       grouped or "," in text[i])


def _hyphen_before_scale(view: TokenView, j: int, words: dict[str, NumberWord]) -> bool:
    if view.words[j] != "-" or j + 1 >= view.n or view.spaces[j - 1] or view.spaces[j]:
        return False
    nw = words.get(view.words[j + 1].lower())
    return nw is not None and nw.role == "scale"


def _number_words(view: TokenView, i: int, words: dict[str, NumberWord]) -> NumberMatch | None:
    text, n = view.words, view.n
    low = text[i].lower()
    # "half a million"
    if low == "half" and i + 2 < n and text[i + 1].lower() in ARTICLES:
        nw = words.get(text[i + 2].lower())
        if nw and nw.role == "scale":
            return NumberMatch(i, i + 3, nw.value / 2, True, nw.value, None)
        return None
    j = i
    current: Decimal | None = None
    total = Decimal(0)
    scale = Decimal(1)
    last_role = ""
    if low in ARTICLES:
        nxt = words.get(text[i + 1].lower()) if i + 1 < n else None
        if not nxt or nxt.role not in ARTICLE_NUMBER_ROLES:
            return None
        current = Decimal(1)
        j = i + 1
    elif (first := words.get(low)) is not None and first.role not in ("unit", "tens"):
        return None  # a bare "million" or "dozen" counts nothing: "a million" needs its article
    while j < n:
        word = text[j]
        nw = words.get(word.lower())
        if nw is None:
            if word == "-" and last_role == "tens" and not view.spaces[j - 1] and \
                    j + 1 < n and (w := words.get(text[j + 1].lower())) and w.role == "unit":
                j += 1
                continue
            if word == "-" and last_role in ("unit", "tens", "hundred") and not view.spaces[j - 1] \
                    and j + 1 < n and (w := words.get(text[j + 1].lower())) \
                    and w.role in ("hundred", "scale"):
                j += 1  # "five-thousand farmers", "two-hundred"
                continue
            if word.lower() == "and" and last_role in ("hundred", "scale") and j + 1 < n and \
                    (w := words.get(text[j + 1].lower())) and w.role in ("unit", "tens"):
                j += 1
                continue
            break
        role = nw.role
        if role == "unit":
            if last_role == "unit":
                break
            current = (current or 0) + nw.value
        elif role == "tens":
            if last_role in ("unit", "tens"):
                break
            current = (current or 0) + nw.value
        elif role == "dozen":
            current = (current or 1) * nw.value
        elif role == "hundred":
            if last_role == "hundred":
                break
            current = (current or 1) * nw.value
        elif role == "scale" and word.isalpha() and len(word) > 3:
            total += (current or 1) * nw.value
            scale = nw.value
            current = None
        else:
            break
        last_role = role
        j += 1
    if j == i or (j == i + 1 and low in ARTICLES):
        return None
    value = total + (current or 0)
    return NumberMatch(i, j, value, True, scale, None)


def times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    """``value * factor``, for the upper end of a range, which most figures lack (None)."""
    return None if value is None else value * factor


def divided(value: Decimal | None, by: Decimal) -> Decimal | None:
    """``value / by``, for the upper end of a range, which most figures lack (None)."""
    return None if value is None else value / by
