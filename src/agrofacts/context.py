"""Reading a number in its context: the words that bound, price or disqualify it.

``read_number`` is shared by the quantity and count rules. It parses the
number at a token, then looks left for a currency sign and a qualifier
("more than", "about") and right for a range ("10 to 20", "between 5 and 8",
"3-5"). It returns None for numbers that are labels, not quantities
("No. 1", "top 100"), or pieces of phone numbers and IDs.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from spacy.tokens import Doc

from .lexicon import Currency, Lexicons, data_number_openers
from .numerals import ARTICLE_NUMBER_ROLES, ARTICLES, CAPITAL_SCALE_ROLES, NumberMatch, parse_number_in
from .signs import SIGNS_KEY, shared_signs
from .tokenview import WORDS_KEY, TokenView, orths_of, words_of
from .units import kind_of

__all__ = ["WORDS_KEY", "NumberReader", "Reading", "number_starts", "read_number", "trailing_qualifier",
           "words_of"]

STARTS_KEY = ("agrofacts", "number_starts")
FIGURE_STARTS_KEY = ("agrofacts", "figure_starts")
READINGS_KEY = "readings"
#: How many words before "higher than" the figure it compares may stand.
COMPARED_FIGURE_REACH = 5


class Reading(NamedTuple):
    """A number in its context (a NamedTuple: made for every number, and cheap to make)."""

    start: int  # first token of the figure: qualifier, currency sign or number
    num: NumberMatch
    end: int  # just past the number, or past the range's upper end
    value: Decimal
    value_max: Decimal | None
    qualifier: str
    currency: Currency | None  # a sign before the number: "$", "HK$", "RMB"
    million_m: int | None  # a glued "m" after the (last) number: million or metre


def may_start_number(word: str, lex: Lexicons) -> bool:
    """Cheap test on the text alone: only a digit or a number word can start a number.

    It is exactly what ``parse_number`` needs to see first, so skipping other
    tokens changes no result; it saves the token-by-token work on prose.
    """
    if word[:1].isdigit():
        return True
    return word.lower() in lex.number_openers


def number_starts(doc: Doc, lex: Lexicons) -> list[int]:
    """Indices of the tokens that may start a number, the only ones worth ``read_number``.

    Made once per doc and shared by the components (same test as ``may_start_number``).
    """
    key = (*STARTS_KEY, id(lex))
    starts = doc.user_data.get(key)
    if starts is None:
        starts = _openers(lex).starts(doc)
        doc.user_data[key] = starts
    return starts


def figure_starts(doc: Doc, lex: Lexicons) -> list[int]:
    """``number_starts`` less the articles that open no number ("a farmer", not "a dozen").

    ``read_number`` returns None at those, so the figure rules skip them unread; "a" and
    "an" are most of the starts in news text.
    """
    key = (*FIGURE_STARTS_KEY, id(lex))
    starts = doc.user_data.get(key)
    if starts is None:
        words = words_of(doc)
        number = number_starts(doc, lex)
        # An article opens a number only before a number word, itself a number start.
        following = set(number)
        starts = [i for i in number if words[i].lower() not in ARTICLES
                  or (i + 1 in following and _opens_number(words, i, lex))]
        doc.user_data[key] = starts
    return starts


def _opens_number(words: list[str], i: int, lex: Lexicons) -> bool:
    """Whether the article at ``i`` is followed by a word it makes a number of ("a dozen")."""
    after = lex.numbers.get(words[i + 1].lower()) if i + 1 < len(words) else None
    return after is not None and after.role in ARTICLE_NUMBER_ROLES


#: Where the pipeline's tokenizer marks the tokens ``MayStartNumber`` says yes to.
OPENS_NUMBER_KEY = ("agrofacts", "marks", "opens_number")


class MayStartNumber:
    """A ``tokenizer.Marker``: ``may_start_number`` for a set of number openers, asked once
    per piece of text by the tokenizer, so that a Doc's number starts are found at once."""

    key = OPENS_NUMBER_KEY

    def __init__(self, openers: frozenset[str]) -> None:
        self.openers = openers

    def __call__(self, word: str) -> bool:
        return word[:1].isdigit() or word.lower() in self.openers


def opens_number_marker() -> MayStartNumber:
    """The marker for the number words of data/numbers.csv (``Lexicons.number_openers``)."""
    return MayStartNumber(data_number_openers())


class NumberOpeners:
    """Which token texts may start a number, learnt once per text and looked up by ORTH id.

    A doc from the pipeline's tokenizer carries the answer already, per token, in the marks
    of ``MayStartNumber`` (asked once per piece of text); they are used when the marker's
    number words are this lexicon's. Any other doc: news repeats its words, so after the
    first articles a doc costs one look-up of an integer per token instead of string work
    per token. Either way the answer is ``may_start_number``'s.
    """

    #: Forget what was learnt past this many distinct texts, so memory stays flat on an archive.
    MAX_KNOWN = 100_000

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.opens: dict[int, bool] = {}  # ORTH id -> may_start_number
        self._trusted: MayStartNumber | None = None  # a tokenizer marker known to agree

    def starts(self, doc: Doc) -> list[int]:
        """Indices of ``doc``'s tokens that may start a number."""
        marked = doc.user_data.get(OPENS_NUMBER_KEY)
        if marked is not None and len(marked[1]) == len(doc) and self._same_openers(marked[0]):
            return list(compress(range(len(doc)), marked[1]))  # the tokenizer's marks
        orths = orths_of(doc)
        if len(orths) < 2:  # ``itemgetter`` of one key gives the value, not a 1-tuple
            return [i for i, orth in enumerate(orths) if self._opens(orth, words_of(doc)[i])]
        lookup = itemgetter(*orths)  # one C-level pass over the ids
        try:
            return list(compress(range(len(orths)), lookup(self.opens)))
        except KeyError:  # a text not seen before: learn this doc's new ones, then look up again
            self._learn(orths, words_of(doc))
            return list(compress(range(len(orths)), lookup(self.opens)))

    def _same_openers(self, marker: object) -> bool:
        """Whether a tokenizer marker answers ``may_start_number`` for this lexicon."""
        if marker is self._trusted:
            return True
        if isinstance(marker, MayStartNumber) and marker.openers == self.lex.number_openers:
            self._trusted = marker
            return True
        return False

    def _opens(self, orth: int, word: str) -> bool:
        opens = self.opens.get(orth)
        if opens is None:
            self._learn([orth], [word])
            opens = self.opens[orth]
        return opens

    def _learn(self, orths: list[int], words: list[str]) -> None:
        if len(self.opens) > self.MAX_KNOWN:
            self.opens.clear()
        opens = self.opens
        for orth, word in zip(orths, words, strict=True):
            if orth not in opens:
                opens[orth] = may_start_number(word, self.lex)


_OPENERS: dict[int, NumberOpeners] = {}


def _openers(lex: Lexicons) -> NumberOpeners:
    """The one NumberOpeners of a lexicon (lexicons live as long as their pipeline)."""
    found = _OPENERS.get(id(lex))
    if found is None or found.lex is not lex:
        found = _OPENERS[id(lex)] = NumberOpeners(lex)
    return found


class NumberReader:
    """Reads the numbers of one doc, each at most once.

    The readings are kept with the doc: the count rules ask again where the quantity rules
    found nothing, and a reading depends only on the tokens.
    """

    __slots__ = ("view", "lex", "_readings")

    def __init__(self, view: TokenView, lex: Lexicons) -> None:
        self.view, self.lex = view, lex
        self._readings: dict[int, Reading | None] = view.shared(READINGS_KEY, id(lex))

    def at(self, i: int) -> Reading | None:
        """``read_number`` at token ``i``."""
        readings = self._readings
        if i in readings:
            return readings[i]
        reading = readings[i] = read_number(self.view, i, self.lex)
        return reading


def read_number(view: TokenView, i: int, lex: Lexicons) -> Reading | None:
    """The figure's number at token ``i`` with its sign, qualifier and range, or None."""
    words = view.words
    word = words[i]
    if not (word[:1].isdigit() or word.lower() in lex.number_openers):
        return None  # may_start_number, inlined: this runs for every number
    if i > 0 and words[i - 1].lower() in lex.per_number:
        return None  # "5 doctors per 1,000 people", "3 yuan per 500 grams": what a rate is per
    num = parse_number_in(view, i, lex.numbers)
    if num is None:
        return None
    # The sign and qualifier before it, read first: the label test asks the same of the words.
    cur = lex.currencies_before.match_ending_at(words, i)
    if cur is not None and words[cur[1]] in lex.words("letter_currency") \
            and not _written_as_sum(view, num, lex, words[cur[1]]):
        return None  # "P5 countries", "an N95 mask": a code; "P2 billion", "R4.2 billion" are sums
    if cur is not None and words[cur[1]] in shared_signs():
        cur = page_currency(view, words[cur[1]], cur)  # "¥" on a page about yen
    if num.end < view.n and not view.spaces[num.end - 1] and words[num.end].isupper():
        num = _capital_scale(view, num, lex, cur is not None)  # "Rs 50K", "USD 50M", "50K rupees"
    start = i if cur is None else cur[1]
    sign = None if num.spelled else _sign_before(view, start)
    if sign is not None:  # "-2.0% from July but +4.1% from a year earlier", "about -2%"
        start -= 1
        if sign in NEGATIVE_SIGNS:
            num = num._replace(value=-num.value)
    elif start > 0 and words[start - 1].lower() in lex.words("negative_word"):
        start -= 1  # "an inflation rate of minus 2.3 percent"
        num = num._replace(value=-num.value)
    qual = lex.qualifiers.match_ending_at(words, start)
    if qual is not None and words[qual[1]].lower() in lex.words("comparative") \
            and _number_before(view, qual[1]):
        qual = None  # "10.2 billion pounds, higher than 9.798 billion a year earlier": the base, exact
    if qual is not None and words[qual[1]].lower() in lex.words("across_word") \
            and _time_unit_at(view, num.end, lex) and _number_before(view, qual[1]):
        qual = None  # "Prices rose 40% over 12 months": across them, not more than them
    if qual is not None and qual[1] > 0 \
            and _verb_particle(words[qual[1] - 1].lower(), words[qual[1]].lower(), lex):
        qual = None  # "prices have gone up to 50 yuan", "handed over 11 trucks": the verb's particle
    if _is_label(view, i, lex, cur, qual, num.end) or _is_code(view, num, lex) or _in_name(view, num, lex):
        return None
    currency = None if cur is None else cur[0]
    qualifier = "exact"
    if qual is not None:
        qualifier, start = qual
    end, value, value_max, million_m = num.end, num.value, None, num.million_m
    # What follows most numbers is no range word: ``_range_end``'s first test, inlined.
    rng = _range_end(view, num, start, lex) if end + 1 < view.n and million_m is None \
        and words[end].lower() in lex.range_joiners else None
    if rng is not None:
        upper, opened = rng
        value_max, end, million_m = upper.value, upper.end, upper.million_m
        if _shares_scale(num, upper):  # "5 to 8 million": the scale covers both
            value = value * upper.scale
        qualifier = "range"
        if opened:
            start -= 1
    glued = lex.qualifiers_glued.match_at(words, end) if end < view.n \
        and not view.spaces[end - 1] else None
    if glued is not None:  # "200-plus members", "300+ villages", "some 40-odd stalls"
        qualifier, end = (glued[0] if qualifier == "exact" else qualifier), glued[1]
    return Reading(start, num, end, value, value_max, qualifier, currency, million_m)


def currency_after(view: TokenView, k: int, lex: Lexicons) -> tuple[Currency, int] | None:
    """The currency word(s) at ``k`` ("yuan", "Kenyan shillings"): (currency, end), read the
    page's way when the word is shared ("pesos" on a page about Manila), else None."""
    cur = lex.currencies_after.match_at(view.words, k)
    if cur is not None and (word := view.words[k].lower()) in shared_signs():
        return page_currency(view, word, cur)
    return cur


def clock_time_after(view: TokenView, end: int, lex: Lexicons) -> bool:
    """Whether "past midnight", "to noon" follows a time unit ending at ``end``: "ten minutes
    past midnight" is a time of day, no duration and no count of minutes."""
    return end + 1 < view.n and view.words[end].lower() in lex.words("clock_join") \
        and view.words[end + 1].lower() in lex.words("clock_point")


def _written_as_sum(view: TokenView, num: NumberMatch, lex: Lexicons, sign: str) -> bool:
    """Whether a number after a one-letter sign reads as a sum: with a scale word ("P2 billion"),
    thousands separators ("P1,500") or decimals ("P20.50"), priced per a unit ("P40 per kilo"),
    or the lower end of a range that repeats the sign ("P42 to P52"). A one-letter currency
    sign ("P", "R", "N") is also the letter of many codes ("P5", "N95"), so only such a number
    makes it a currency."""
    if num.scale > 1 or num.grouped or "." in view.words[num.start]:
        return True
    words, k = view.words, num.end
    if k + 1 < view.n and words[k].lower() in lex.words("per") and lex.units.match_at(words, k + 1):
        return True
    return k + 2 < view.n and words[k].lower() in lex.range_joiners and words[k + 1] == sign \
        and words[k + 2][:1].isdigit()


def _number_before(view: TokenView, i: int) -> bool:
    """Whether a number stands a few words before token ``i`` in its sentence: the figure a
    comparison after it is made with."""
    first = max(view.sent_start(i), i - COMPARED_FIGURE_REACH)
    return any(view.words[j][:1].isdigit() for j in range(first, i))


def _time_unit_at(view: TokenView, k: int, lex: Lexicons) -> bool:
    """Whether a unit of time ("months", "years") stands at token ``k``."""
    unit = lex.units.match_at(view.words, k) if k < view.n else None
    return unit is not None and kind_of(unit[0])[0] == "duration"


def _verb_particle(verb: str, particle: str, lex: Lexicons) -> bool:
    """Whether ``particle`` belongs to the verb before it, not to the number after: "gone up to",
    "handed over" (but "shot over $100" is more than $100)."""
    return (particle in lex.words("motion_particle") and verb in lex.words("motion_verb")
            or particle in lex.words("handover_particle") and verb in lex.words("handover_verb"))


def _capital_scale(view: TokenView, num: NumberMatch, lex: Lexicons, signed: bool) -> NumberMatch:
    """``num`` scaled by the capital letter glued after it ("50K", "1.2B"), when a currency
    stands before the number or a currency or a unit after the letter; the letter elsewhere
    names a model."""
    word = lex.numbers.get(view.words[num.end].lower())
    if word is None or word.role not in CAPITAL_SCALE_ROLES:
        return num
    if not signed and lex.currencies_after.match_at(view.words, num.end + 1) is None \
            and lex.units.match_at(view.words, num.end + 1) is None:
        return num  # "50K rupees", "1.71M tonnes" are scaled; "737-8M" is a model
    return num._replace(end=num.end + 1, value=num.value * word.value, scale=num.scale * word.value)


def page_currency(view: TokenView, sign: str, cur: tuple[Currency, int]) -> tuple[Currency, int]:
    """The currency a shared sign or word means on this page (signs.py), else the one of
    currencies.csv."""
    code = view.doc.user_data.get(SIGNS_KEY, {}).get(sign)
    return cur if code is None else (Currency(code, cur[0].position, cur[0].factor), cur[1])


#: Signs written right before a number: "+4.1%", "-2.0%", "−0.5 percent" (a minus sign).
SIGNS = frozenset({"+", "-", "−"})
NEGATIVE_SIGNS = frozenset({"-", "−"})


def _sign_before(view: TokenView, i: int) -> str | None:
    """The sign glued to the number (or currency sign) at ``i``, standing after a space, a
    bracket or the start: not the hyphen of "2016-2020", "COVID-19" or "Type-2"."""
    if i == 0 or view.words[i - 1] not in SIGNS or view.spaces[i - 1]:
        return None
    if i - 1 > 0 and not view.spaces[i - 2] and view.words[i - 2] not in ("(", "["):
        return None
    return view.words[i - 1]


def _is_label(view: TokenView, i: int, lex: Lexicons, currency: tuple[Currency, int] | None,
              qualifier: tuple[str, int] | None, end: int) -> bool:
    """'No. 1', 'top 100', 'Boeing 737', 'Fortune 500': the number names or ranks, it does not measure.

    A unit or currency after it makes it a measure all the same: "output will top 700 million
    tonnes" (the verb "top").

    A digit right after a capitalised word in mid-sentence is a model or a name, unless that
    word is a month ("Oct. 23", for the date rules) or a currency ("Rs 500"), or a unit
    follows the number (a list with its verb left out: "..., Bulgaria 685,000 tonnes").
    ``currency`` and ``qualifier``: the currency sign ending at ``i`` and the qualifier ending
    where it starts, as ``read_number`` read them (a qualifier counts only without a sign);
    ``end``: the number's end.
    """
    if i == 0:
        return False
    words = view.words
    prev = words[i - 1]
    if i > 1 and words[i - 2][:1].isdigit() and currency is None \
            and (prev.lower() in lex.words("unit_list_and") or prev in lex.words("unit_list_comma")) \
            and not _measured(words, end, lex):
        # "Tier 2 and 3 towns", "Phase 1 and 2 projects": the label covers the list
        return _is_label(view, i - 2, lex, None, None, i - 1)
    if prev.lower() in lex.label_words:
        if i > 1 and words[i - 2].lower() in lex.words("determiner"):
            return True  # "the top 20 percent of farmers": a rank, measured or not
        return not (_measured(words, end, lex) or _scaled(words, i, end, lex))  # "will top 700 million"
    return (words[i][:1].isdigit() and _capitalised(prev) and not view.is_sent_start(i - 1)
            and prev not in lex.months and prev.lower() not in lex.words("range_open")
            and currency is None and qualifier is None
            and not _measured(words, end, lex))


def _scaled(words: list[str], i: int, end: int, lex: Lexicons) -> bool:
    """Whether the number at ``i:end`` ends in a scale word ("900 million"): a quantity, no rank."""
    word = lex.numbers.get(words[end - 1].lower()) if end - 1 > i else None
    return word is not None and word.role == "scale"


def _measured(words: list[str], end: int, lex: Lexicons) -> bool:
    """Whether a unit or a currency word follows the number that ends at ``end``."""
    return lex.units.match_at(words, end) is not None \
        or lex.currencies_after.match_at(words, end) is not None


def _capitalised(word: str) -> bool:
    """'Boeing', 'iPhone', 'MH': a word of a name, with a capital anywhere."""
    # An all-lowercase word has no capital: most words stop at the cheap islower() test.
    return word[:1].isalpha() and not word.islower() and any(ch.isupper() for ch in word)


def _in_name(view: TokenView, num: NumberMatch, lex: Lexicons) -> bool:
    """'three tough battles', 'the 14th Five-Year Plan', 'Three Gorges Dam': a name, not a figure."""
    words, n = view.words, view.n
    if lex.set_phrases.match_at(words, num.start) is not None:
        return True
    if not num.spelled or not words[num.start].istitle():
        return False
    k = num.end + 1 if num.end < n and words[num.end] == "-" else num.end
    if k >= n or not words[k].istitle():
        return False
    return k > num.end or not view.is_sent_start(num.start)  # "Five-Year Plan"; "the Three Gorges"


#: Hyphens that glue a number to its unit in an adjective ("a 60-kg bag").
HYPHENS = frozenset({"-", "–"})


def size_adjective_end(view: TokenView, k: int, lex: Lexicons) -> int | None:
    """'480-pound bales', '60-kg bags', '50kg bags': the size of each of the things counted, a
    number glued (by a hyphen or not) to a unit with a plural noun after it. The end of its
    unit, or None."""
    words, spaces = view.words, view.spaces
    if k + 1 >= view.n or not words[k][:1].isdigit() or spaces[k]:
        return None
    at = k + 1
    if words[at] in HYPHENS:  # "480-pound"; "50kg bags" has none
        if spaces[at] or at + 1 >= view.n:
            return None
        at += 1
    unit = lex.units.match_at(words, at)
    if unit is None or unit[1] >= view.n or not lex.is_plural(words[unit[1]].lower()):
        return None
    return unit[1]


def _is_code(view: TokenView, num: NumberMatch, lex: Lexicons) -> bool:
    """Digits that run into other digits ('555 0100') or hang off a name by a hyphen; not a count
    before the size of each thing counted ('13.2 million 480-pound bales')."""
    words = view.words
    if not num.spelled and num.end < view.n and words[num.end][0].isdigit() and view.like_num(num.end):
        return size_adjective_end(view, num.end, lex) is None
    i = num.start
    if i > 0 and not num.spelled and words[i - 1][-1:].isdigit():
        return True
    if i > 1 and words[i - 1] == "-" and not view.spaces[i - 2] and words[i - 2].isalpha():
        return True  # "Type-2", "Chang'e-5"
    return False


def range_opening(words: list[str], start: int, sep: str, lex: Lexicons) -> bool | None:
    """Whether the joiner ``sep`` after a figure starting at ``start`` can join a range: None
    when it cannot, else whether a word before the figure opens the range ("between 5 and 8",
    "earn from 100 to 300 yuan"; "rose from 5 to 8 percent" is a change, two figures)."""
    before = words[start - 1].lower() if start > 0 else ""
    if before in lex.words("range_open"):  # "between 5 and 8", "between Rs 40-50 per kg"
        return True if sep in lex.words("range_join_between") or sep in lex.words("range_join") else None
    if sep not in lex.words("range_join"):
        return None
    if before in lex.words("change_from"):  # "from 8 to 12" may be a change; "from 45-50" is a range
        changed = changed_earlier if sep.isalpha() else after_change_word
        return None if changed(words, start - 1, lex) else True
    return False


def _range_end(view: TokenView, num: NumberMatch, start: int,
               lex: Lexicons) -> tuple[NumberMatch, bool] | None:
    """The upper end of a range after ``num``, and whether 'between' opened it."""
    words = view.words
    j = num.end
    if j + 1 >= view.n or num.million_m is not None:
        return None
    sep = words[j].lower()
    if sep not in lex.range_joiners:
        return None  # what follows most numbers: no range, whatever opened it
    opened = range_opening(words, start, sep, lex)
    if opened is None:
        return None
    k = j + 1
    negative = words[k] in NEGATIVE_SIGNS and k + 1 < view.n and not view.spaces[k]  # "-5 to -3"
    if negative:
        k += 1
    cur = lex.currencies_before.match_at(words, k)
    if cur is not None:
        if not opened and start > 0 and words[start - 1].lower() in lex.words("change_by"):
            return None  # "fell by $0.36 to $39.47": the change, then the level it reached
        k = cur[1]
    if k >= view.n:
        return None
    upper = parse_number_in(view, k, lex.numbers)
    if upper is None:
        return None
    if negative:
        upper = upper._replace(value=-upper.value)
    lower = num.value * upper.scale if _shares_scale(num, upper) else num.value
    if upper.value <= lower:
        return None
    if num.year_like and upper.year_like:
        return None  # "2016-2020" is a period, for the date rules
    return upper, opened


def _shares_scale(lower: NumberMatch, upper: NumberMatch) -> bool:
    """Whether the upper end's scale word covers the lower end too: "5 to 8 million" is 5
    million to 8 million, but "500,000 to 1 million" is 500,000 to a million."""
    return lower.scale == 1 and upper.scale > 1 and lower.value * upper.scale < upper.value


#: How many words before "from" a verb or noun of change may stand: "has risen sharply from".
CHANGE_WINDOW = 3


def after_change_word(words: list[str], at: int, lex: Lexicons) -> bool:
    """Whether a word of change ("rose", "fell", "an increase") comes just before ``at``."""
    change = lex.words("change_word")
    return any(w.lower() in change for w in words[max(0, at - CHANGE_WINDOW):at])


#: How far back in its sentence a verb of change makes "from 8% to 12%" a change, not a range.
CHANGED_REACH = 12


def changed_earlier(words: list[str], at: int, lex: Lexicons) -> bool:
    """Whether a verb of change comes before ``at`` in its clause, with no word of a range
    between: "brought the forest coverage in Yan'an from 33.5% to 52.5%" is a change (two
    figures), but "prices were ranging from 8 yuan to 12 yuan" and "sales rose, and farmers
    earn from 100 to 300 yuan" are ranges."""
    change, cues, stops = lex.words("change_word"), lex.words("range_cue"), lex.words("clause_stop")
    for j in range(at - 1, max(-1, at - CHANGED_REACH - 1), -1):
        word = words[j].lower()
        if word in cues or word in stops:
            return False
        if word in change:
            return True
    return False


def repeated_range_end(reader: NumberReader, r: Reading, k: int) -> tuple[Reading, bool] | None:
    """'8 yuan to 12 yuan', 'between 1.8% and 3.5%': the reading of the upper end of a range that
    writes its unit (ending at ``k``) twice, and whether a word before opened the range; None
    for a change ("rose from 8 yuan to 12 yuan": two figures) or anything else. The caller
    checks that the upper end has the same unit and is larger."""
    words, n, lex = reader.view.words, reader.view.n, reader.lex
    if k + 1 >= n or words[k].lower() not in lex.range_joiners:
        return None
    if r.start > 0 and words[r.start - 1].lower() in lex.words("change_by"):
        return None  # "revised by 1.2 million mt to 110.4 million mt": a change, then the level
    opened = range_opening(words, r.start, words[k].lower(), lex)
    if opened is None or not opened and after_change_word(words, r.start, lex) and (
            r.start == 0 or words[r.start - 1].lower() not in lex.words("change_from")):
        return None  # "rose from 8 yuan to 12 yuan", "cut fees 20 yuan to 80 yuan": a change
    sign = lex.currencies_before.match_at(words, k + 1)
    target = reader.at(k + 1 if sign is None else sign[1])
    if target is None or target.value_max is not None or target.million_m is not None:
        return None
    return target, opened


def change_target(reader: NumberReader, r: Reading) -> Reading | None:
    """In 'rose from 5 to 8 percent', the reading of the 8, whose unit the 5 shares."""
    words, k, lex = reader.view.words, r.end, reader.lex
    if r.start == 0 or words[r.start - 1].lower() not in lex.words("change_from") \
            or k + 1 >= reader.view.n or words[k].lower() not in lex.words("range_join"):
        return None
    return reader.at(k + 1)


def trailing_qualifier(words: list[str], end: int, qualifier: str, lex: Lexicons) -> tuple[str, int]:
    """'100,000 kg or more': a bound written after the figure; (qualifier, new end)."""
    if qualifier != "exact":
        return qualifier, end
    found = lex.qualifiers_after.match_at(words, end)
    return found if found is not None else (qualifier, end)
