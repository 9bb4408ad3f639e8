"""The points of the date grammar: the rules that read one date ("Oct. 23, 2019", "mid-2019",
"the third quarter of 2019", "two years ago") at a token of one Doc.

Kept apart from the bounds and ranges built around them (dategrammar.py) and from the
remembered plans that turn most tokens away before any rule runs (dateplans.py): a rule here
reads the tokens from its first one on and calls no code of those modules, so each rule can be
read, and tested, on its own. ``POINT_RULES`` is the order ``PointReader._point`` tries them in;
``Grammar`` (dateplans.py) reads the same table to remember which rules a first token allows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc

from . import periods as P
from .context import may_start_number
from .numerals import NumberMatch, parse_number_in
from .periods import Period
from .tokenlists import lowers_of, spaced_of
from .tokenview import TokenView, words_of
from .units import kind_of

if TYPE_CHECKING:
    from .dateplans import Grammar, Plan

#: Token shapes the rules read (``Grammar.plan`` in dateplans.py reads them of a first token too).
YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
DECADE = re.compile(r"(1[89]\d0|2[01]\d0)s")
PART_YEAR = re.compile(r"(early|mid|late)-(1[89]\d\d|2[01]\d\d)", re.IGNORECASE)
QUARTER_TOKEN = re.compile(r"([QH])([1-4])")
#: Joins two parts of a year into one span: "the first and second quarters".
BOTH_JOIN = "and"
#: A day of a month, perhaps written as an ordinal ("25th November", "November 1st").
DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
SHORT_YEAR = re.compile(r"\d\d")
#: A crop or marketing season written as one token: "2023/24", "2009/10", "2022/2023".
SEASON_YEARS = re.compile(r"(1[89]\d\d|2[01]\d\d)/(\d\d|\d{4})")
#: Units an "N ... ago" may count, as data/units.csv names them.
AGO_UNITS = {"day", "week", "month", "year", "decade"}
#: "the first four months of the year": the year the text speaks of, as if none were written.
THE_YEAR = ("the", "year")


class Found(NamedTuple):
    """A date expression ending before token ``end`` (a NamedTuple: cheap to make, and many are made).

    ``period`` is None when it cannot be resolved (no publication date).
    ``place`` is set when the text wrote no year ("Nov. 24", "in June"): it
    gives the period in a year found elsewhere (a range partner, the
    publication date).
    """

    end: int
    period: Period | None
    rule: str
    place: Callable[[int], Period | None] | None = None


class PointReader:
    """The point rules over one Doc; ``pub`` is the publication date, if known.

    ``Parser`` (dategrammar.py) builds bounds and ranges on it; a PointReader is made per Doc
    (cheaply: the tables are the shared ``Grammar``'s), so no state crosses Docs or threads.
    """

    def __init__(self, doc: Doc, pub: dt.date | None, grammar: Grammar) -> None:
        self.doc, self.pub, self.grammar = doc, pub, grammar
        g = grammar
        self.w, self.lex = g.words, g.lex
        self.ago_words, self.bound_words, self.time_words = g.ago_words, g.bound_words, g.time_words
        self.coordinators = g.coordinators
        self.list_commas = g.list_commas
        self.g = g
        self.years, self.days, self.role = g.years, g.days, g.role
        # Token texts read once per doc without Token objects (the dear part of a blank pipeline);
        # a token's lower_ is its text's str.lower().
        self.texts: list[str] = words_of(doc)
        self.lower: list[str] = lowers_of(doc)
        self.n = len(self.texts)
        self.view: TokenView | None = None  # made on the first number read: few docs need it
        self.spaced: list[bool] | None = None  # read on the first ``glued``: few docs need it
        #: the year the sentence named so far, written or not ("in 2017", "last year")
        self.sentence_year: int | None = None
        #: the one year the sentence wrote in digits so far ("In 2019, ... in May": May 2019)
        self.written_year: int | None = None
        #: the year written last in the doc so far ("in the same year" names it)
        self.last_year: int | None = None

    # ---- helpers -----------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.lower[i] if 0 <= i < self.n else ""

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.n else ""

    def number_at(self, i: int) -> NumberMatch | None:
        """The number starting at token ``i`` (``numerals.parse_number``), read on one TokenView per doc.

        ``context.may_start_number`` first: it is what ``parse_number`` needs to see, and it spares
        most docs the view.
        """
        if not may_start_number(self.texts[i], self.lex):
            return None
        if self.view is None:
            self.view = TokenView(self.doc)
        return parse_number_in(self.view, i, self.lex.numbers)

    def glued(self, i: int) -> bool:
        """Token ``i`` runs into the next one with no space."""
        if self.spaced is None:
            self.spaced = spaced_of(self.doc)
        return not self.spaced[i]

    def year_token(self, i: int) -> int | None:
        return self.years[self.texts[i]] if 0 <= i < self.n else None

    def quantity_at(self, i: int) -> bool:
        """A unit, currency or percent sign at ``i``: the number before it is no year. A time
        unit in the singular is none ("in 2023 year-on-year", "the 2018-19 year")."""
        if i >= len(self.texts):
            return False
        unit = self.lex.units.match_at(self.texts, i)
        if unit is not None:
            return self.lex.is_plural(self.lower[unit[1] - 1]) or kind_of(unit[0])[0] != "duration"
        return self.lex.currencies_after.match_at(self.texts, i) is not None

    def bare_ok(self, i: int) -> bool:
        """A bare year or month is a date after a time word ("in 2008", "since March"), after
        the unit of a window ("the 12 months to June"), and after "and" or "or" that joins it to
        such a date ("in 2020 and 2021", "in May or June")."""
        prev = self.low(i - 1)
        if prev in self.time_words or prev == "of" and self.low(i - 2) in self.bound_words:
            return True
        if prev in self.g.window_joins and self.low(i - 2) in self.g.window_units:
            return True  # "the 12 months to June": the end of a window (dates.py)
        if self._weak_lead(i, prev) and self.year_token(i) is not None:
            return not self._counted_after(i)
        if self._modifier_year(i, prev) or self._subject_month(i, prev):
            return True
        if prev not in self.coordinators or not self._bare_date(i - 2):
            return False
        if prev in self.list_commas and not (self.low(i + 1) in self.coordinators
                                             and self._bare_date(i + 2)):
            return False  # "In 2020, 2000 farmers joined": a comma alone starts no list of dates
        return self.bare_ok(i - 2)

    def _weak_lead(self, i: int, prev: str) -> bool:
        """A word before a bare year that makes it a date when nothing counted follows: "that
        of 2019", "the plan for 2021", "compared with 2019", "against 2019" (not a month:
        "the contract for September delivery" names a contract)."""
        g = self.g
        if prev == "of":
            return self.low(i - 2) in g.year_of
        if prev in g.compare_join:
            return self.low(i - 2) in g.compare_verb
        return prev in g.year_for or prev in g.year_versus

    def _modifier_year(self, i: int, prev: str) -> bool:
        """A year that qualifies the noun after it, after "the", a possessive or at a sentence's
        start: "the 2024 harvest", "2025 beef production", "the country's 2023 budget" (not "the
        2000 farmers", which counts them)."""
        if self.year_token(i) is None or not (prev in self.g.year_modifier_leads or i == 0 or prev.isspace()):
            return False
        nxt = self.text(i + 1)
        return nxt.isalpha() and nxt.islower() and not self._counted_after(i)

    def _subject_month(self, i: int, prev: str) -> bool:
        """A month that opens its sentence as the subject of a verb of record: "June registered a
        1.2 percent increase", "Both April and June saw prices rise" (not "May said", a name)."""
        opens = i == 0 or prev.isspace() or prev in self.g.month_subject_leads
        if not opens or self.text(i) not in self.lex.months:
            return False
        k = i + 1
        while self.low(k) in self.coordinators and self.text(k + 1) in self.lex.months:
            k += 2  # "April and June registered"
        return self.low(k) in self.g.month_subject_verbs

    def _counted_after(self, i: int) -> bool:
        """A plural noun, a unit or a currency after token ``i``: "for 2000 farmers", "of 2019 tonnes"."""
        nxt = self.low(i + 1)
        return bool(nxt) and (self.lex.is_plural(nxt) or self.quantity_at(i + 1))

    def _bare_date(self, i: int) -> bool:
        """Whether token ``i`` is a year or a month name (what ``bare_ok`` lets stand alone)."""
        return i >= 0 and (self.year_token(i) is not None or self.text(i) in self.lex.months)

    # ---- year expressions ----------------------------------------------------------
    def year_expr(self, i: int) -> tuple[int, int | None] | None:
        """'2019', 'this year', 'last year', 'the previous year': (end, year or None if unknown)."""
        y = self.year_token(i)
        if y is not None:
            return i + 1, y
        deictic = self.role["deictic"]
        if self.low(i) in deictic and self.low(i + 1) == "year" and not self._the_last(i):
            return i + 2, (self.pub.year + int(deictic[self.low(i)]) if self.pub else None)
        anaphoric = self.role["anaphoric"]
        if self.low(i) == "the" and self.low(i + 1) in anaphoric and self.low(i + 2) == "year":
            # Read against the publication date; when the sentence names a year of its own the
            # writer may mean the year before that one ("in 2017, up 5 percent over the previous
            # year"): unsure, so no period.
            base = self.pub.year if self.pub and self.sentence_year is None else None
            return i + 3, (base + int(anaphoric[self.low(i + 1)]) if base else None)
        return None

    def _said_year(self, i: int) -> tuple[int, int | None] | None:
        """'last year', 'this year' at ``i`` after a day of a month: (end, year or None when no
        publication date gives it), or None for anything else, a written year too."""
        if self.year_token(i) is not None:
            return None
        return self.year_expr(i)

    def _the_last(self, i: int) -> bool:
        """'the last year', 'the past month': the twelve months before, not a calendar period."""
        return self.low(i) in ("last", "past") and self.low(i - 1) == "the"

    # ---- points -----------------------------------------------------------------------
    def _point(self, i: int, plan: Plan, bare_ok: bool | None) -> Found | None:
        """The point starting at token ``i``, whose ``plan`` says one may (``bare_ok`` None: read it
        only if needed).

        Only the rules the plan allows are called: the others could return nothing.
        """
        for rule in plan.rules:
            found = rule(self, i)
            if found is not None:
                return found
        if not (plan.month or plan.year):
            return None
        if bare_ok is None:
            bare_ok = self.bare_ok(i)
        found = self.month_first(i, bare_ok) if plan.month else None
        return found or (self.year(i) if bare_ok and plan.year else None)

    def iso(self, i: int) -> Found | None:
        y = self.year_token(i)
        if y is None or i + 4 >= len(self.texts) or self.text(i + 1) != "-" or self.text(i + 3) != "-":
            return None
        if not all(self.glued(k) for k in range(i, i + 4)):
            return None
        m, d = self.text(i + 2), self.text(i + 4)
        if not (m.isdigit() and d.isdigit() and len(m) <= 2 and len(d) <= 2):
            return None
        period = P.day(y, int(m), int(d))
        return Found(i + 5, period, "iso") if period else None

    def year_range(self, i: int) -> Found | None:
        """'2016-2020', '2019-20'."""
        y = self.year_token(i)
        if y is None or self.text(i + 1) not in ("-", "–") or not (self.glued(i) and self.glued(i + 1)):
            return None
        upper = self.year_token(i + 2)
        if upper is None and SHORT_YEAR.fullmatch(self.text(i + 2)):
            upper = y // 100 * 100 + int(self.text(i + 2))
        if upper is None or upper <= y or self.quantity_at(i + 3):
            return None
        return Found(i + 3, P.years(y, upper), "year-range")

    def season_years(self, i: int) -> Found | None:
        """'the 2023/24 season', 'the 2009/10 marketing year': the two years it runs over."""
        m = SEASON_YEARS.fullmatch(self.text(i))
        if m is None:
            return None
        y = int(m[1])
        if (int(m[2]) if len(m[2]) == 4 else (y + 1) // 100 * 100 + int(m[2])) != y + 1:
            return None  # "2019/17" is no season: a reference number, or a typo
        upper = y + 1  # "1999/00" runs into 2000
        return Found(i + 1, P.years(y, upper), "season-years")

    def part(self, i: int) -> Found | None:
        """'mid-2019', 'early June', 'late last year', 'the end of March', 'the middle of 2019'."""
        m = PART_YEAR.fullmatch(self.text(i))
        if m:
            return Found(i + 1, P.third(P.year(int(m[2])), m[1].lower()), "part")
        parts = self.role["part"]
        k = i + 1 if self.low(i) == "the" else i
        word = self.low(k)
        if word not in parts:
            return None
        if k > i or self.low(k + 1) == "of":  # "the end of March", "the middle of 2019"
            if self.low(k + 1) != "of":
                return None
            inner_at, which = k + 2, str(parts[word])
        elif word in ("early", "mid", "late"):
            inner_at = k + 2 if self.text(k + 1) == "-" and self.glued(k) else k + 1
            which = word
        else:
            return None
        inner = self.month_first(inner_at, True) or self.fraction(inner_at) or self._year_as_found(inner_at)
        if inner is None:
            return None

        def cut(period: Period | None) -> Period | None:
            return None if period is None or which == "whole" else P.third(period, which)

        if which == "whole":
            return Found(inner.end, inner.period, "part", inner.place)
        place = None if inner.place is None else (lambda y: cut(inner.place(y)))
        return Found(inner.end, cut(inner.period), "part", place)

    def _year_as_found(self, i: int, rule: str = "year") -> Found | None:
        ye = self.year_expr(i)
        if ye is None:
            return None
        end, y = ye
        return Found(end, P.year(y) if y else None, rule)

    def fraction(self, i: int) -> Found | None:
        """'the first half of this year', 'the third quarter of 2019', 'the first 10 months of 2019'."""
        k = i + 1 if self.low(i) == "the" else i
        ordinal = self.role["ordinal"].get(self.low(k))
        if ordinal is None:
            return None
        k += 1
        count = 1
        num = self.number_at(k) if k < self.n else None
        if num is not None and num.value == num.value.to_integral_value() and 1 < num.value <= 12:
            count, k = int(num.value), num.end
        if int(ordinal) != 1 and count > 1:
            return None
        second = None  # "the first and second quarters": both, one span
        if count == 1 and self.low(k) == BOTH_JOIN and self.low(k + 1) in self.role["ordinal"]:
            second, k = int(self.role["ordinal"][self.low(k + 1)]), k + 2
        word = self.low(k)
        parts = self.role["fraction"].get(word)
        if parts is None and word == "months" and count > 1:
            parts = 12
        if parts is None:
            return None
        parts = int(parts)
        first, last = (1, count) if count > 1 else (int(ordinal), int(ordinal))
        if second is not None:
            if second != last + 1:
                return None  # "the first and third quarters": two periods, not one
            last = second
        if last > parts:
            return None
        k += 1
        year_at = k + 1 if self.low(k) == "of" else k
        ye = self.year_expr(year_at)
        if ye is None:
            if self.low(k) == "of":
                if (self.low(k + 1), self.low(k + 2)) != THE_YEAR:
                    return None  # "the first half of the match", "the first 10 months of the project"
                k += 1 + len(THE_YEAR)  # "the first half of the year": of the year it is about
            # "the first half", "in the first four months": of the publication year
            return Found(k, None, "fraction", lambda y: P.fraction(y, parts, first, last))
        end, y = ye
        return Found(end, P.fraction(y, parts, first, last) if y else None, "fraction")

    def quarter_token(self, i: int) -> Found | None:
        """'Q3 2019', 'H1 2020', 'Q4'."""
        m = QUARTER_TOKEN.fullmatch(self.text(i))
        if not m or (m[1] == "H" and int(m[2]) > 2):
            return None
        parts, which = (4 if m[1] == "Q" else 2), int(m[2])
        ye = self.year_expr(i + 1)
        if ye is None:
            return Found(i + 1, None, "quarter", lambda y: P.fraction(y, parts, which))
        end, y = ye
        return Found(end, P.fraction(y, parts, which) if y else None, "quarter")

    def decade(self, i: int) -> Found | None:
        k = i + 1 if self.low(i) == "the" else i
        m = DECADE.fullmatch(self.text(k))
        return Found(k + 1, P.decade(int(m[1])), "decade") if m else None

    def season(self, i: int) -> Found | None:
        """'spring 2019', 'the summer of 2019'; a bare season is no date ("farmers sow in spring")."""
        k = i + 1 if self.low(i) == "the" else i
        first = self.role["season"].get(self.low(k))
        if first is None:
            return None
        at = k + 2 if self.low(k + 1) == "of" else k + 1
        y = self.year_token(at)
        if y is None:
            return None
        return Found(at + 1, P.season(y, int(first)), "season")

    def deictic(self, i: int) -> Found | None:
        """'this year', 'last month', 'Last January', 'last summer', 'next Monday', 'this weekend'."""
        offset = self.role["deictic"].get(self.low(i))
        if offset is None or self._the_last(i):
            return None
        off, nxt, pub = int(offset), self.low(i + 1), self.pub
        unit = self.role["calendar_unit"].get(nxt)
        month = self.lex.months.get(self.text(i + 1))
        season = self.role["season"].get(nxt)
        if season is not None and self.w.has("festival", self.low(i + 2)):
            season = None  # "this Spring Festival": a holiday's name, no season
        weekday = self.role["weekday"].get(self.text(i + 1))
        if unit is None and month is None and season is None and weekday is None \
                and nxt not in self.role["weekend"]:
            return None
        if self.low(i) == "past" and unit is None:
            return None
        if pub is None:
            return Found(i + 2, None, "relative")
        if unit == "year":
            period = P.year(pub.year + off)
        elif unit == "month":
            period = P.month(*P.shift_month(pub.year, pub.month, off))
        elif unit == "week":
            period = P.week_of(pub + dt.timedelta(days=7 * off))
        elif month is not None:
            period = P.month(pub.year + off, month)
        elif season is not None:
            period = P.season(pub.year + off, int(season))
        elif weekday is not None:
            period = (P.weekday_after(pub, int(weekday)) if off > 0
                      else P.weekday_on_or_before(pub, int(weekday), strictly=off < 0))
        else:
            period = (P.weekend_of(P.weekday_after(pub, P.SATURDAY).start) if off > 0
                      else P.latest_weekend(pub))
        return Found(i + 2, period, "relative")

    def anaphoric(self, i: int) -> Found | None:
        """'the previous year', 'the following year' (see year_expr)."""
        if self.low(i) != "the" or self.low(i + 1) not in self.role["anaphoric"]:
            return None
        return self._year_as_found(i, "relative")

    def named_year(self, i: int) -> Found | None:
        """'the year 2018': a year written after its noun."""
        if self.low(i) != "the" or self.role["calendar_unit"].get(self.low(i + 1)) != "year":
            return None
        y = self.year_token(i + 2)
        if y is None or self.quantity_at(i + 3):
            return None
        return Found(i + 3, P.year(y), "year")

    def same_year(self, i: int) -> Found | None:
        """'in the same year': the year written last before it, in its sentence or earlier."""
        if self.low(i) != "the" or self.low(i + 1) not in self.role["same_period"] \
                or self.role["calendar_unit"].get(self.low(i + 2)) != "year":
            return None
        y = self.written_year or self.last_year
        return Found(i + 3, P.year(y) if y else None, "relative")

    def weekday(self, i: int) -> Found | None:
        """'Thursday' (the last one on or before publication); 'Thursday, Nov. 24, 2019'."""
        weekday = self.role["weekday"].get(self.text(i))
        if weekday is None or self.text(i - 1) in self.w.role("weekday_name"):
            return None  # "Black Friday", "Cyber Monday": a day's name, no date
        k = i + 2 if self.text(i + 1) == "," else i + 1
        full = self.month_first(k, False) or self.day_first(k)
        if full is not None:
            return full
        period = P.weekday_on_or_before(self.pub, int(weekday)) if self.pub else None
        return Found(i + 1, period, "weekday")

    def weekend(self, i: int) -> Found | None:
        if self.low(i) != "the" or self.low(i + 1) not in self.role["weekend"]:
            return None
        return Found(i + 2, P.latest_weekend(self.pub) if self.pub else None, "weekend")

    def day_word(self, i: int) -> Found | None:
        offset = self.role["day_word"].get(self.low(i))
        if offset is None:
            return None
        if self.pub is None:
            return Found(i + 1, None, "relative")
        one = self.pub + dt.timedelta(days=int(offset))
        return Found(i + 1, Period(one, one), "relative")

    def ago(self, i: int) -> Found | None:
        """'two years ago', 'a decade ago', '10 days ago'."""
        if self.ago_words.isdisjoint(self.lower[i + 2:i + 6]):
            return None
        if self.low(i) in ("a", "an"):
            n, k = 1, i + 1
        else:
            num = self.number_at(i)
            if num is None or num.value != num.value.to_integral_value():
                return None
            n, k = int(num.value), num.end
        unit = self.lex.units.match_at(self.texts, k)
        if unit is None or unit[0] not in AGO_UNITS or self.low(unit[1]) not in self.role["ago"]:
            return None
        end = unit[1] + 1
        pub = self.pub
        if pub is None:
            return Found(end, None, "relative")
        name = unit[0]
        if name in ("year", "decade"):
            period = P.year(pub.year - n * (10 if name == "decade" else 1))
        elif name == "month":
            period = P.month(*P.shift_month(pub.year, pub.month, -n))
        elif name == "week":
            period = P.week_of(pub - dt.timedelta(days=7 * n))
        else:
            one = pub - dt.timedelta(days=n)
            period = Period(one, one)
        return Found(end, period, "relative")

    def month_first(self, i: int, bare_ok: bool) -> Found | None:
        """'Oct. 23, 2019', 'Nov. 24', 'Nov. 23-24', 'August 2018', 'November last year', 'in June'."""
        month = self.lex.months.get(self.text(i))
        if month is None:
            return None
        k = i + 1
        if self.low(k) == "quarter" and self.low(i - 1) == "the":
            return self._month_quarter(k + 1, month)
        first = self.days[self.text(k)]
        if first is not None and self.glued(k) and self.text(k + 1)[:1].isupper():
            return None  # "the Long March 5B rocket": a name
        if first is not None and not self.quantity_at(k + 1):
            last = first
            k += 1
            if self.text(k) in ("-", "–") and self.glued(k - 1) \
                    and (upper := self.days[self.text(k + 1)]) is not None and upper > first:
                last, k = upper, k + 2
            elif self.low(k) == "to" and (upper := self.days[self.text(k + 1)]) is not None \
                    and upper > first and self.text(k + 2) not in self.lex.months \
                    and not self.quantity_at(k + 2) and self.low(i - 1) not in self.g.range_openers:
                last, k = upper, k + 2  # "during Aug 1 to 25": the days of one month
            year_at = k + 1 if self.text(k) == "," else k
            y = self.year_token(year_at)

            def days(y: int) -> Period | None:
                a, b = P.day(y, month, first), P.day(y, month, last)
                return P.span(a, b) if a and b else None

            if y is not None:
                period = days(y)
                return Found(year_at + 1, period, "month-day") if period else None
            said = self._said_year(k)  # "on Nov. 10 last year"
            if said is not None:
                return Found(said[0], days(said[1]) if said[1] else None, "month-day")
            return Found(k, None, "month-day", days)
        if self.text(k) in ("-", "–") and self.glued(k - 1) and self.glued(k) \
                and self.text(k + 1) in self.lex.months:
            return self._month_range(i, month, k, bare_ok)
        if self.w.has("period_noun", self.low(k)) and (self.low(k + 1) in ("of", "in")
                                                       or self._said_year(k + 1) is not None):
            k += 1  # "the January-October period of 2021", "the same period last year"
        year_at = k + 1 if self.low(k) in ("of", "in", ",") and self.year_token(k + 1) else k
        ye = self.year_expr(year_at)
        if ye is not None and not (self.year_token(year_at) and self.quantity_at(year_at + 1)):
            end, y = ye
            return Found(end, P.month(y, month) if y else None, "month")
        if not bare_ok:
            return None
        return Found(k, None, "month", lambda y: P.month(y, month))

    def _month_quarter(self, end: int, month: int) -> Found:
        """"the March quarter": the three months that end with that month (a fiscal quarter
        named by its last month, as Indian and Australian reports do), in the year given after
        it ("the June quarter of 2023") or resolved as a month is."""
        def quarter(y: int) -> Period | None:
            return P.window_to(P.month(y, month).end, 1, "quarter")

        year_at = end + 1 if self.low(end) == "of" else end
        ye = self.year_expr(year_at)
        if ye is not None:
            return Found(ye[0], quarter(ye[1]) if ye[1] else None, "month")
        return Found(end, None, "month", quarter)

    def _month_range(self, i: int, month: int, dash: int, bare_ok: bool) -> Found | None:
        """'January-October 2019', 'Jan-Oct': the months from ``month`` (at ``i``) to the one
        after the dash, in the year the second one is given; "period" after it makes a date
        of it with no time word before ("in the January-October period")."""
        later = self.month_first(dash + 1, bare_ok or self.w.has("period_noun", self.low(dash + 2)))
        if later is None:
            return None
        first = Found(dash, None, "month", lambda y: P.month(y, month))
        place = self._join_in(first, later) if later.place else None
        return Found(later.end, self._join(first, later), "range", place)

    def day_first(self, i: int) -> Found | None:
        """'23 October 2019', '5 May'."""
        d = self.days[self.text(i)]
        if d is None:
            return None
        month = self.lex.months.get(self.text(i + 1))
        if month is None or self.text(i + 1) == "May" and self.low(i + 2) not in ("", ",", ".") \
                and self.year_token(i + 2) is None:
            return None
        year_at = i + 3 if self.text(i + 2) == "," else i + 2  # "25th Nov, 2019", as "Nov. 25, 2019"
        y = self.year_token(year_at)
        if y is not None:
            period = P.day(y, month, d)
            return Found(year_at + 1, period, "day-month") if period else None
        said = self._said_year(i + 2)  # "on 10 November last year"
        if said is not None:
            return Found(said[0], P.day(said[1], month, d) if said[1] else None, "day-month")
        return Found(i + 2, None, "day-month", lambda y: P.day(y, month, d))

    def year(self, i: int) -> Found | None:
        y = self.year_token(i)
        if y is None or self.quantity_at(i + 1):
            return None
        return Found(i + 1, P.year(y), "year")

    # ---- joining two points (a month range here, a range in dategrammar.py) -------------
    def _join(self, a: Found, b: Found) -> Period | None:
        if a.place and b.place:
            return self._join_in(a, b)(self.pub.year) if self.pub else None
        if a.place and b.period:
            pa = a.place(b.period.end.year)
            if pa and pa.start > b.period.start:
                pa = a.place(b.period.end.year - 1)
            return P.span(pa, b.period) if pa else None
        if b.place and a.period:
            pb = b.place(a.period.start.year)
            if pb and pb.end < a.period.start:
                pb = b.place(a.period.start.year + 1)
            return P.span(a.period, pb) if pb else None
        if a.period and b.period:
            return P.span(a.period, b.period)
        return None

    @staticmethod
    def _join_in(a: Found, b: Found) -> Callable[[int], Period | None]:
        def both(y: int) -> Period | None:
            pa, pb = a.place(y), b.place(y)
            if pa and pb and pb.end < pa.start:
                pb = b.place(y + 1)
            return P.span(pa, pb) if pa and pb else None
        return both


#: The rules ``PointReader._point`` tries, in order, before a month name or a bare year.
POINT_RULES: tuple[Callable[[PointReader, int], Found | None], ...] = (
    PointReader.iso, PointReader.year_range, PointReader.season_years, PointReader.part,
    PointReader.fraction, PointReader.quarter_token, PointReader.decade,
    PointReader.season, PointReader.deictic, PointReader.anaphoric, PointReader.named_year,
    PointReader.same_year, PointReader.weekday,
    PointReader.weekend, PointReader.day_word,
    PointReader.ago, PointReader.day_first)


#: The word roles the point rules read through ``Grammar.role``.
GRAMMAR_ROLES = ("deictic", "anaphoric", "part", "ordinal", "fraction", "season", "calendar_unit",
                 "same_period", "weekday", "day_word", "weekend", "ago")
#: The rules a number may start alone, whose first tests ``Parser.may_start`` makes for ``NUMBER``.
NUMBER_RULES = frozenset({PointReader.ago, PointReader.day_first})
#: The rules a year may start alone, whose first tests ``Parser.may_start`` makes for ``YEAR_ONLY``.
YEAR_RULES = frozenset({PointReader.iso, PointReader.year_range, PointReader.ago})
