"""Reading a number in its context: the words that bound, price or disqualify it.

``read_number`` is shared by the quantity and count rules. It parses the
number at a token, then looks left for a currency sign and a qualifier
("more than", "about") and right for a range ("10 to 20", "between 5 and 8",
"3-5"). It returns None for numbers that are labels, not quantities
("No. 1", "top 100"), or pieces of phone numbers and IDs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.attrs import ORTH
from spacy.tokens import Doc

from .lexicon import Currency, Lexicons
from .numerals import ARTICLES, NumberMatch, parse_number

#: Where ``words_of`` keeps a doc's token texts, so the components share one list.
WORDS_KEY = ("agrofacts", "words")
STARTS_KEY = ("agrofacts", "number_starts")


@dataclass(frozen=True)
class Reading:
    start: int  # first token of the figure: qualifier, currency sign or number
    num: NumberMatch
    end: int  # just past the number, or past the range's upper end
    value: Decimal
    value_max: Decimal | None
    qualifier: str
    currency: Currency | None  # a sign before the number: "$", "HK$", "RMB"
    million_m: int | None  # a glued "m" after the (last) number: million or metre


def words_of(doc: Doc) -> list[str]:
    """The token texts of ``doc``, made once per doc: building a Token object per token is slow."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None or len(words) != len(doc):
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []
        doc.user_data[WORDS_KEY] = words
    return words


def may_start_number(word: str, lex: Lexicons) -> bool:
    """Cheap test on the text alone: only a digit or a number word can start a number.

    It is exactly what ``parse_number`` needs to see first, so skipping other
    tokens changes no result; it saves the token-by-token work on prose.
    """
    if word[:1].isdigit():
        return True
    low = word.lower()
    return low in lex.numbers or low in ARTICLES


def number_starts(doc: Doc, lex: Lexicons) -> list[int]:
    """Indices of the tokens that may start a number, the only ones worth ``read_number``.

    Made once per doc and shared by the components (same test as ``may_start_number``).
    """
    key = (*STARTS_KEY, id(lex))
    starts = doc.user_data.get(key)
    if starts is None:
        openers = lex.numbers.keys() | set(ARTICLES)
        starts = [i for i, w in enumerate(words_of(doc)) if w[:1].isdigit() or w.lower() in openers]
        doc.user_data[key] = starts
    return starts


def read_number(doc: Doc, words: list[str], i: int, lex: Lexicons) -> Reading | None:
    if not may_start_number(words[i], lex):
        return None
    num = parse_number(doc, i, lex.numbers)
    if num is None or _is_label(doc, words, i, lex) or _is_code(doc, num) \
            or _in_name(doc, words, num, lex):
        return None
    start = i
    currency = None
    cur = lex.currencies_before.match_ending_at(words, i)
    if cur is not None:
        currency, start = cur
    qualifier = "exact"
    qual = lex.qualifiers.match_ending_at(words, start)
    if qual is not None:
        qualifier, start = qual
    end, value, value_max, million_m = num.end, num.value, None, num.million_m
    rng = _range_end(doc, words, num, start, lex)
    if rng is not None:
        upper, opened = rng
        value_max, end, million_m = upper.value, upper.end, upper.million_m
        if num.scale == 1 and upper.scale > 1:  # "5 to 8 million": the scale covers both
            value = value * upper.scale
        qualifier = "range"
        if opened:
            start -= 1
    glued = lex.qualifiers_glued.match_at(words, end) if end < len(doc) \
        and not doc[end - 1].whitespace_ else None
    if glued is not None:  # "200-plus members", "300+ villages", "some 40-odd stalls"
        qualifier, end = (glued[0] if qualifier == "exact" else qualifier), glued[1]
    return Reading(start, num, end, value, value_max, qualifier, currency, million_m)


def _is_label(doc: Doc, words: list[str], i: int, lex: Lexicons) -> bool:
    """'No. 1', 'top 100', 'Boeing 737', 'Fortune 500': the number names or ranks, it does not measure.

    A digit right after a capitalised word in mid-sentence is a model or a name, unless that
    word is a month ("Oct. 23", for the date rules) or a currency ("Rs 500").
    """
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in lex.label_words:
        return True
    return (_capitalised(prev.text) and not prev.is_sent_start and doc[i].text[:1].isdigit()
            and prev.text not in lex.months and lex.currencies_before.match_ending_at(words, i) is None
            and lex.qualifiers.match_ending_at(words, i) is None)


def _capitalised(word: str) -> bool:
    """'Boeing', 'iPhone', 'MH': a word of a name, with a capital anywhere."""
    return word[:1].isalpha() and any(ch.isupper() for ch in word)


def _in_name(doc: Doc, words: list[str], num: NumberMatch, lex: Lexicons) -> bool:
    """'three tough battles', 'the 14th Five-Year Plan', 'Three Gorges Dam': a name, not a figure."""
    if lex.set_phrases.match_at(words, num.start) is not None:
        return True
    first = doc[num.start]
    if not num.spelled or not first.is_title:
        return False
    k = num.end + 1 if num.end < len(doc) and doc[num.end].text == "-" else num.end
    if k >= len(doc) or not doc[k].is_title:
        return False
    return k > num.end or not first.is_sent_start  # "Five-Year Plan"; "the Three Gorges"


def _is_code(doc: Doc, num: NumberMatch) -> bool:
    """Digits that run into other digits ('555 0100') or hang off a name by a hyphen."""
    n = len(doc)
    if num.end < n and doc[num.end].like_num and not num.spelled and doc[num.end].text[0].isdigit():
        return True
    i = num.start
    if i > 0 and doc[i - 1].text[-1:].isdigit() and not num.spelled:
        return True
    if i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
        return True  # "Type-2", "Chang'e-5"
    return False


def _range_end(doc: Doc, words: list[str], num: NumberMatch, start: int,
               lex: Lexicons) -> tuple[NumberMatch, bool] | None:
    """The upper end of a range after ``num``, and whether 'between' opened it."""
    j = num.end
    if j + 1 >= len(doc) or num.million_m is not None:
        return None
    sep = doc[j].lower_
    opened = start > 0 and doc[start - 1].lower_ in lex.words("range_open")
    if opened:
        if sep not in lex.words("range_join_between"):
            return None
    elif sep not in lex.words("range_join"):
        return None
    elif start > 0 and doc[start - 1].lower_ in lex.words("change_from"):
        return None  # "rose from 5 to 8 percent" is a change, two figures
    k = j + 1
    cur = lex.currencies_before.match_at(words, k)
    if cur is not None:
        k = cur[1]
    if k >= len(doc):
        return None
    upper = parse_number(doc, k, lex.numbers)
    if upper is None:
        return None
    lower = num.value * upper.scale if num.scale == 1 and upper.scale > 1 else num.value
    if upper.value <= lower:
        return None
    if num.year_like and upper.year_like:
        return None  # "2016-2020" is a period, for the date rules
    return upper, opened


def trailing_qualifier(words: list[str], end: int, qualifier: str, lex: Lexicons) -> tuple[str, int]:
    """'100,000 kg or more': a bound written after the figure; (qualifier, new end)."""
    if qualifier != "exact":
        return qualifier, end
    found = lex.qualifiers_after.match_at(words, end)
    return found if found is not None else (qualifier, end)
