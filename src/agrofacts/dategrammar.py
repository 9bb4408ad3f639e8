"""The date grammar: what a run of tokens names, as a period (see dates.py for the rules).

``Parser(doc, published, Grammar(words, lex)).at(i)`` reads the longest
date expression starting at token ``i``: bounds and ranges around points, and
points built from month names (data/months.csv), date words
(data/date_words.csv) and digit shapes. It resolves relative expressions
against the publication date and leaves the period empty where no year
can be known.

Most tokens start no date, and are turned away before any rule runs: each
token text has a remembered ``Plan`` (``Grammar.plans``) saying which rules
its first token allows and what the tokens after it must show
(``Parser.starts``). Every such test is a rule's own first test, so no
shortcut changes what is found; tests/test_dategrammar.py reads every token
of the seeds both ways.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple, TypeVar

from spacy.tokens import Doc

from . import periods as P
from .context import may_start_number
from .datewords import DateWords
from .lexicon import Lexicons
from .numerals import NumberMatch, parse_number_in
from .periods import Period
from .tokenlists import SentenceIndex, lowers_of, spaced_of
from .tokenview import TokenView, words_of

V = TypeVar("V")

YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
DECADE = re.compile(r"(1[89]\d0|2[01]\d0)s")
PART_YEAR = re.compile(r"(early|mid|late)-(1[89]\d\d|2[01]\d\d)", re.IGNORECASE)
QUARTER_TOKEN = re.compile(r"([QH])([1-4])")
DAY = re.compile(r"[1-9]|[12]\d|3[01]")
SHORT_YEAR = re.compile(r"\d\d")
#: Bounds whose yearless point lies before the publication date: "since October".
PAST_BOUNDS = frozenset({"bound-since"})
#: A crop or marketing season written as one token: "2023/24", "2009/10", "2022/2023".
SEASON_YEARS = re.compile(r"(1[89]\d\d|2[01]\d\d)/(\d\d|\d{4})")
#: Units an "N ... ago" may count, as data/units.csv names them.
AGO_UNITS = {"day", "week", "month", "year", "decade"}
#: How far into its sentence a dateline's "Nov. 24 (" may stand ("BEIJING, Nov. 24 (Xinhua) --").
DATELINE_TOKENS = 8
#: How many first-token texts ``Parser.rules_for`` and ``Grammar.plans`` remember before they start afresh.
RULE_CACHE_SIZE = 50_000
#: First characters of a digit token (a decade after "the": "the 1990s").
DIGITS = frozenset("0123456789")

# How ``Parser.may_start`` decides for a token, by its text (``Plan.start``).
#: never: no date starts with this text
NEVER = 0
#: always: a digit, a month name, a starting word that is no number word, "Q3", "mid-2019"
ALWAYS = 1
#: a number word: only in "two years ago", so an "ago" word must follow within a few tokens
AGO = 2
#: "the": only before a word that may follow a starting "the", or a decade ("the 1990s")
THE = 3
#: "a"/"an": only in "a decade ago", "an hour ago"
ARTICLE = 4
#: a number that opens only "10 days ago" or "5 May": an "ago" word or a month name must follow
NUMBER = 5
#: a word that opens only a bound or a range ("by", "from", "as of"): a point must start after it
OPENER = 6
#: a year that is a date at its own token only after a time word ("in 2008"), before a dash
#: ("2016-2020", "2019-11-24") or in "... ago"; inside a bound or a range it always may be
YEAR_ONLY = 7
#: The kinds a point inside a bound or a range may start with whatever follows: ``read`` them.
POINT_ALWAYS = frozenset({ALWAYS, YEAR_ONLY})


class Plan(NamedTuple):
    """What a date expression starting at a token may be, read off the token's text alone.

    Made once per text and remembered (``Grammar.plans``), so each token asks one dict look-up
    which tests can apply instead of calling every rule to hear it decline.
    """

    #: how ``Parser.may_start`` decides (``NEVER``, ``ALWAYS``, ``AGO``, ``THE``, ``ARTICLE``, ``NUMBER``,
    #: ``OPENER``, ``YEAR_ONLY``)
    start: int
    #: the text may open a bound ("by", "since", "as of"): ``Parser.bounded`` can match
    bounded: bool
    #: the text may open a range ("from", "between"): ``Parser.ranged`` can match
    ranged: bool
    #: the rules of ``Parser.point`` that can match (``Grammar.rules_for``)
    rules: tuple[Callable[[Parser, int], Found | None], ...]
    #: a month name: ``Parser.month_first`` can match
    month: bool
    #: a year: a bare year can be a date
    year: bool


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


class Parser:
    """The date grammar over one Doc; ``pub`` is the publication date, if known.

    A Parser is made per Doc (cheaply: the tables are the shared ``Grammar``'s), so no state
    crosses Docs or threads.
    """

    def __init__(self, doc: Doc, pub: dt.date | None, grammar: Grammar) -> None:
        self.doc, self.pub, self.grammar = doc, pub, grammar
        g = grammar
        self.w, self.lex = g.words, g.lex
        self.starters, self.after_the, self.bound_first = g.starters, g.after_the, g.bound_first
        self.ago_words, self.bound_words, self.time_words = g.ago_words, g.bound_words, g.time_words
        self.coordinators = g.coordinators
        self.list_commas = g.list_commas
        self.plans, self.years, self.days, self.role = g.plans, g.years, g.days, g.role
        # Token texts read once per doc without Token objects (the dear part of a blank pipeline);
        # a token's lower_ is its text's str.lower().
        self.texts: list[str] = words_of(doc)
        self.lower: list[str] = lowers_of(doc)
        self.n = len(self.texts)
        self.view: TokenView | None = None  # made on the first number read: few docs need it
        self.spaced: list[bool] | None = None  # read on the first ``glued``: few docs need it
        self.sentence_year: int | None = None
        self.sentences = SentenceIndex(doc)

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
        """A unit, currency or percent sign at ``i``: the number before it is no year."""
        if i >= len(self.texts):
            return False
        return (self.lex.units.match_at(self.texts, i) is not None
                or self.lex.currencies_after.match_at(self.texts, i) is not None)

    def bare_ok(self, i: int) -> bool:
        """A bare year or month is a date after a time word ("in 2008", "since March"), and
        after "and" or "or" that joins it to such a date ("in 2020 and 2021", "in May or June")."""
        prev = self.low(i - 1)
        if prev in self.time_words or prev == "of" and self.low(i - 2) in self.bound_words:
            return True
        if prev not in self.coordinators or not self._bare_date(i - 2):
            return False
        if prev in self.list_commas and not (self.low(i + 1) in self.coordinators
                                             and self._bare_date(i + 2)):
            return False  # "In 2020, 2000 farmers joined": a comma alone starts no list of dates
        return self.bare_ok(i - 2)

    def _bare_date(self, i: int) -> bool:
        """Whether token ``i`` is a year or a month name (what ``bare_ok`` lets stand alone)."""
        return i >= 0 and (self.year_token(i) is not None or self.text(i) in self.lex.months)

    def resolved(self, f: Found) -> Found:
        """Give a yearless expression the publication year."""
        if f.place is None or f.period is not None:
            return f
        period = f.place(self.pub.year) if self.pub else None
        if period is not None and f.rule in PAST_BOUNDS and period.start > self.pub:
            period = f.place(self.pub.year - 1)  # "since October" in March: last October
        return Found(f.end, period, f.rule, f.place)

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

    def _the_last(self, i: int) -> bool:
        """'the last year', 'the past month': the twelve months before, not a calendar period."""
        return self.low(i) in ("last", "past") and self.low(i - 1) == "the"

    # ---- the grammar -----------------------------------------------------------------
    def point(self, i: int, bare_ok: bool) -> Found | None:
        """The point starting at token ``i`` (inside a bound or a range, or at ``at``'s token).

        ``may_start`` holds wherever a point starts (its tests are the rules' own first tests),
        but for a bare year, whose test reads ``bare_ok`` at the token: "between 2015 and 2018"
        reads the bare "2018". So "by the government" or "from 5 percent" stop here.
        """
        plan = self.plans[self.text(i)]
        if plan.start not in POINT_ALWAYS and (plan.start == NEVER or not self.starts((i,), self.plans)):
            return None  # (NEVER first: ``i`` may be past the last token)
        return self._point(i, plan, bare_ok)

    def _point(self, i: int, plan: Plan, bare_ok: bool | None) -> Found | None:
        """``point`` with the plan of token ``i`` (``bare_ok`` None: read it only if needed).

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
        word = self.low(k)
        parts = self.role["fraction"].get(word)
        if parts is None and word == "months" and count > 1:
            parts = 12
        if parts is None:
            return None
        parts = int(parts)
        first, last = (1, count) if count > 1 else (int(ordinal), int(ordinal))
        if last > parts:
            return None
        k += 1
        year_at = k + 1 if self.low(k) == "of" else k
        ye = self.year_expr(year_at)
        if ye is None:
            if self.low(k) == "of":
                return None  # "the first half of the match", "the first 10 months of the project"
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

    def weekday(self, i: int) -> Found | None:
        """'Thursday' (the last one on or before publication); 'Thursday, Nov. 24, 2019'."""
        weekday = self.role["weekday"].get(self.text(i))
        if weekday is None:
            return None
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
        first = self.days[self.text(k)]
        if first is not None and not self.quantity_at(k + 1):
            last = first
            k += 1
            if self.text(k) in ("-", "–") and self.glued(k - 1) \
                    and (upper := self.days[self.text(k + 1)]) is not None and upper > first:
                last, k = upper, k + 2
            year_at = k + 1 if self.text(k) == "," else k
            y = self.year_token(year_at)

            def days(y: int) -> Period | None:
                a, b = P.day(y, month, first), P.day(y, month, last)
                return P.span(a, b) if a and b else None

            if y is not None:
                period = days(y)
                return Found(year_at + 1, period, "month-day") if period else None
            return Found(k, None, "month-day", days)
        if self.text(k) in ("-", "–") and self.glued(k - 1) and self.glued(k) \
                and self.text(k + 1) in self.lex.months:
            return self._month_range(i, month, k, bare_ok)
        if self.w.has("period_noun", self.low(k)) and self.low(k + 1) in ("of", "in"):
            k += 1  # "the January-October period of 2021"
        year_at = k + 1 if self.low(k) in ("of", "in", ",") and self.year_token(k + 1) else k
        ye = self.year_expr(year_at)
        if ye is not None and not (self.year_token(year_at) and self.quantity_at(year_at + 1)):
            end, y = ye
            return Found(end, P.month(y, month) if y else None, "month")
        if not bare_ok:
            return None
        return Found(k, None, "month", lambda y: P.month(y, month))

    def _month_range(self, i: int, month: int, dash: int, bare_ok: bool) -> Found | None:
        """'January-October 2019', 'Jan-Oct': the months from ``month`` (at ``i``) to the one
        after the dash, in the year the second one is given."""
        later = self.month_first(dash + 1, bare_ok)
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
        y = self.year_token(i + 2)
        if y is not None:
            period = P.day(y, month, d)
            return Found(i + 3, period, "day-month") if period else None
        return Found(i + 2, None, "day-month", lambda y: P.day(y, month, d))

    def year(self, i: int) -> Found | None:
        y = self.year_token(i)
        if y is None or self.quantity_at(i + 1):
            return None
        return Found(i + 1, P.year(y), "year")

    # ---- ranges and bounds ---------------------------------------------------------------
    def bounded(self, i: int) -> Found | None:
        """'by 2020', 'since 2014', 'as of September', 'By the end of March'."""
        if self.low(i) not in self.bound_first:
            return None
        bound = self.w.bounds.match_at(self.lower, i)
        if bound is None:
            return None
        inner = self.point(bound[1], True)
        if inner is None:
            return None
        return Found(inner.end, inner.period, "bound-" + bound[0], inner.place)

    def ranged(self, i: int) -> Found | None:
        """'From February to March', 'between 2015 and 2018', 'from January to October 2019'."""
        joins = self.w.range_joins(self.low(i))
        if not joins:
            return None
        a = self.point(i + 1, True)
        if a is None or self.low(a.end) not in joins:
            return None
        b = self.point(a.end + 1, True)
        if b is None:
            return None
        place = self._join_in(a, b) if a.place and b.place else None
        return Found(b.end, self._join(a, b), "range", place)

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

    def may_start(self, i: int) -> bool:
        """A cheap test that a date expression can start at ``i``, so most tokens skip the grammar."""
        return bool(self.starts((i,), self.plans))

    def starts(self, tokens: Iterable[int], plan_of: Mapping[str, Plan | None]) -> list[tuple[int, Plan]]:
        """The ``tokens`` where ``may_start`` holds, with their plans, tested in one pass.

        ``plan_of`` maps a token text to its plan (``Grammar.plans``), or to None where the caller
        knows no date starts. Most tokens fail on the tokens after them ("the" before a noun,
        "a", a number before no month or "ago"), so one loop here is cheaper than a call per token.
        """
        lower, texts, n = self.lower, self.texts, len(self.lower)
        ago, after_the, months = self.ago_words, self.after_the, self.lex.months
        reach, plans = max(self.w.longest_bound, 1), self.plans  # a range's point follows its opener at once
        kept = []
        for i in tokens:
            plan = plan_of[texts[i]]
            if plan is None:
                continue
            how = plan.start
            if how == ALWAYS:
                pass
            elif how == NUMBER:  # what ``ago`` and ``day_first`` test first
                if ago.isdisjoint(lower[i + 2:i + 6]) and months.get(self.text(i + 1)) is None:
                    continue
            elif how == THE:
                if i + 1 >= n or lower[i + 1] not in after_the and not (
                        texts[i + 1][:1] in DIGITS and DECADE.fullmatch(texts[i + 1])):
                    continue
            elif how == AGO:  # a number word starts a date only in "two years ago"
                if ago.isdisjoint(lower[i + 2:i + 6]):
                    continue
            elif how == ARTICLE:  # only "a decade ago", "an hour ago"
                if self.low(i + 2) not in ago and self.low(i + 3) not in ago:
                    continue
            elif how == OPENER:  # ``bounded`` and ``ranged`` read a point right after the opener
                for j in range(i + 1, min(i + 1 + reach, n)):
                    after = plans[texts[j]].start
                    if after in POINT_ALWAYS or after != NEVER and self.starts((j,), plans):
                        break
                else:
                    continue
            elif how == YEAR_ONLY:  # what ``iso``, ``year_range``, ``ago`` and ``year`` test first
                if (i + 1 >= n or texts[i + 1] not in ("-", "–")) and ago.isdisjoint(lower[i + 2:i + 6]) \
                        and not self.bare_ok(i):
                    continue
            else:
                continue
            kept.append((i, plan))
        return kept

    def at(self, i: int) -> Found | None:
        """The date expression starting at token ``i``, resolved, or None."""
        plan = self.plans[self.texts[i]]
        if plan.start != ALWAYS and not self.starts((i,), self.plans):
            return None
        return self.read(i, plan)

    def read(self, i: int, plan: Plan) -> Found | None:
        """``at`` for a token ``i`` whose ``plan`` says a date may start there (``may_start``)."""
        found = self.bounded(i) if plan.bounded else None
        if found is None and plan.ranged:
            found = self.ranged(i)
        if found is None:
            found = self._point(i, plan, None)
            if found is None:
                return None
        if found.rule == "month-day" and found.period is None and self._dateline(i, found.end):
            return self._dateline_date(found)
        return self.resolved(found)

    def _dateline(self, start: int, end: int) -> bool:
        return (self.text(start - 1) == "," and self.text(end) == "("
                and start - self.sentences.start_of(start) <= DATELINE_TOKENS)

    def _dateline_date(self, found: Found) -> Found:
        """A dateline's day is the publication day or shortly before it: never after."""
        if self.pub is None:
            return Found(found.end, None, "dateline")
        period = found.place(self.pub.year)
        if period is not None and period.start > self.pub:
            period = found.place(self.pub.year - 1)
        return Found(found.end, period, "dateline")


#: The rules ``Parser.point`` tries, in order, before a month name or a bare year.
POINT_RULES: tuple[Callable[[Parser, int], Found | None], ...] = (
    Parser.iso, Parser.year_range, Parser.season_years, Parser.part, Parser.fraction, Parser.quarter_token,
    Parser.decade,
    Parser.season, Parser.deictic, Parser.anaphoric, Parser.weekday, Parser.weekend, Parser.day_word,
    Parser.ago, Parser.day_first)


#: The word roles ``Parser`` reads through ``Grammar.role``.
GRAMMAR_ROLES = ("deictic", "anaphoric", "part", "ordinal", "fraction", "season", "calendar_unit",
                 "weekday", "day_word", "weekend", "ago")
#: The rules a number may start alone, whose first tests ``Parser.may_start`` makes for ``NUMBER``.
NUMBER_RULES = frozenset({Parser.ago, Parser.day_first})
#: The rules a year may start alone, whose first tests ``Parser.may_start`` makes for ``YEAR_ONLY``.
YEAR_RULES = frozenset({Parser.iso, Parser.year_range, Parser.ago})


class Grammar:
    """The word tables of the date grammar, built once per pipeline and shared by every Doc's Parser."""

    def __init__(self, words: DateWords, lex: Lexicons) -> None:
        self.words, self.lex = words, lex
        self.starters, self.after_the = starters(words, lex)
        self.bound_first = frozenset(w.split()[0] for w in words.role("bound"))
        self.ago_words = frozenset(words.role("ago"))
        self.bound_words = frozenset(words.role("bound"))
        self.time_words = frozenset(words.role("lead")) | self.bound_words | frozenset(words.role("part"))
        self.coordinators = frozenset(words.role("coordinator"))
        #: the coordinators that are punctuation: they join dates only in a list that goes on
        self.list_commas = frozenset(w for w in self.coordinators if not w.isalpha())
        self._rules_by_text: dict[str, tuple[Callable[[Parser, int], Found | None], ...]] = {}
        self.plans: _Remembered[Plan] = _Remembered(self.plan)
        #: text -> the year it writes ("2019" -> 2019), None for any other text
        self.years: _Remembered[int | None] = _Remembered(
            lambda text: int(text) if YEAR.fullmatch(text) else None)
        #: text -> the day of a month it writes ("24" -> 24), None for any other text
        self.days: _Remembered[int | None] = _Remembered(
            lambda text: int(text) if DAY.fullmatch(text) else None)
        #: the word roles the rules read, by name (``DateWords.role``, one look-up instead of a call)
        self.role: dict[str, dict[str, str | int]] = {name: words.role(name) for name in GRAMMAR_ROLES}

    def rules_for(self, text: str) -> tuple[Callable[[Parser, int], Found | None], ...]:
        """The rules of ``point`` (in their order) that can match a first token ``text``; remembered.

        Each test is what its rule needs of the first token before it can return anything, so
        skipping the others changes no result and spares a dozen calls per number.
        """
        rules = self._rules_by_text.get(text)
        if rules is None:
            if len(self._rules_by_text) > RULE_CACHE_SIZE:
                self._rules_by_text.clear()
            rules = self._rules_by_text[text] = tuple(
                rule for rule, may in zip(POINT_RULES, self._first_token_tests(text), strict=True) if may)
        return rules

    def plan(self, text: str) -> Plan:
        """What a date starting at a token with this text may be (see ``Plan``).

        Each field is what the rule it names tests of the first token before anything else, so a
        rule the plan leaves out would have returned nothing.
        """
        low, months = text.lower(), self.lex.months
        if text[:1].isdigit() or text in months:
            start = ALWAYS
        elif low in self.starters:
            start = ALWAYS if low not in self.lex.numbers else AGO
        elif low == "the":
            start = THE
        elif low in ("a", "an"):
            start = ARTICLE
        else:
            start = ALWAYS if QUARTER_TOKEN.fullmatch(text) or PART_YEAR.fullmatch(text) else NEVER
        plan = Plan(start=start, bounded=low in self.bound_first, ranged=bool(self.words.range_joins(low)),
                    rules=self.rules_for(text), month=months.get(text) is not None,
                    year=bool(YEAR.fullmatch(text)))
        if start == ALWAYS and not (plan.bounded or plan.ranged or plan.month or plan.year) \
                and set(plan.rules) <= NUMBER_RULES:
            plan = plan._replace(start=NUMBER)  # "5", "2.3", "300,000": most digits in news
        elif start == ALWAYS and plan.year and not (plan.bounded or plan.ranged or plan.month) \
                and set(plan.rules) <= YEAR_RULES:
            plan = plan._replace(start=YEAR_ONLY)  # "2019"
        elif start == ALWAYS and not (plan.rules or plan.month or plan.year):
            plan = plan._replace(start=OPENER if plan.bounded or plan.ranged else NEVER)
        return plan

    def _first_token_tests(self, text: str) -> tuple[bool, ...]:
        """For each of ``POINT_RULES``, whether it may match with ``text`` as its first token."""
        low, role = text.lower(), self.words.role
        the = low == "the"
        year = bool(YEAR.fullmatch(text))
        number = text[:1].isdigit() or low in self.lex.numbers or low in ("a", "an", "half")
        return (
            year,  # iso
            year,  # year_range
            bool(SEASON_YEARS.fullmatch(text)),  # season_years
            the or low in role("part") or bool(PART_YEAR.fullmatch(text)),  # part
            the or low in role("ordinal"),  # fraction
            bool(QUARTER_TOKEN.fullmatch(text)),  # quarter_token
            the or bool(DECADE.fullmatch(text)),  # decade
            the or low in role("season"),  # season
            low in role("deictic"),  # deictic
            the,  # anaphoric
            text in role("weekday"),  # weekday
            the,  # weekend
            low in role("day_word"),  # day_word
            number,  # ago
            bool(DAY.fullmatch(text)),  # day_first
        )


class _Remembered(dict[str, V]):
    """A dict that fills a missing text with ``make(text)``, and starts afresh when it grows too big."""

    def __init__(self, make: Callable[[str], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> V:
        if len(self) > RULE_CACHE_SIZE:
            self.clear()
        value = self[text] = self.make(text)
        return value


_STARTERS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def starters(words: DateWords, lex: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """Words a date expression may start with, and words that may follow a starting 'the'."""
    key = id(words)
    if key not in _STARTERS:
        roles = words.roles
        bound_first = {w.split()[0] for w in roles.get("bound", {})}
        first = (set(roles.get("weekday", {})) | set(roles.get("deictic", {}))
                 | set(roles.get("part", {})) | set(roles.get("ordinal", {}))
                 | set(roles.get("season", {})) | set(roles.get("day_word", {}))
                 | bound_first | set(words.joins) | {w for w in lex.numbers if w.isalpha()})
        after_the = (set(roles.get("ordinal", {})) | set(roles.get("part", {}))
                     | set(roles.get("anaphoric", {})) | set(roles.get("season", {}))
                     | set(roles.get("weekend", {})))
        _STARTERS[key] = (frozenset(w.lower() for w in first), frozenset(after_the))
    return _STARTERS[key]
