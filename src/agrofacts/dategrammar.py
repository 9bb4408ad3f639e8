"""The date grammar: what a run of tokens names, as a period (see dates.py for the rules).

``Parser(doc, published, Grammar(words, lex)).at(i)`` reads the longest
date expression starting at token ``i``: bounds and ranges around points
(datepoints.py: month names from data/months.csv, date words from
data/date_words.csv, digit shapes). It resolves relative expressions
against the publication date and leaves the period empty where no year
can be known. The plans that turn most tokens away before any rule runs are
in dateplans.py; ``Parser.starts`` applies them to the tokens after a start.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc

from . import periods as P
from .dateplans import (
    AGO,
    ALWAYS,
    ARTICLE,
    NEVER,
    NUMBER,
    OPENER,
    POINT_ALWAYS,
    THE,
    YEAR_ONLY,
    Grammar,
    Plan,
)
from .datepoints import DECADE, Found, PointReader
from .tokenlists import SentenceIndex

#: Bounds whose yearless point lies before the publication date: "since October".
PAST_BOUNDS = frozenset({"bound-since"})
#: How far into its sentence a dateline's "Nov. 24 (" may stand ("BEIJING, Nov. 24 (Xinhua) --").
DATELINE_TOKENS = 8
#: The points that name a month or a day of one (and ranges of them), which a range may join
#: without "from", and which lie before the publication date unless the sentence looks ahead.
MONTH_RULES = frozenset({"month", "month-day", "day-month", "range"})
#: The yearless spans of several months: "the fourth quarter", "Q4", "the first 11 months".
SPAN_RULES = frozenset({"fraction", "quarter"})
#: The opener whose joins ("to", "through", a dash) join two months written without it.
UNOPENED = "from"
#: Words in -ed shorter than this are no past tense ("red", "bed", "seed" are 4 letters at most).
PAST_SUFFIX_MIN = 4
#: How many tokens a bare day and its join add before a range's first point ("From 1 to 11 November").
DAY_BEFORE_TOKENS = 2
#: A leap year, to read the month and day of a yearless day (Feb. 29 too).
LEAP_YEAR = 2000
#: What follows a dateline's date: "(Xinhua) --", or the dash at once ("HANGZHOU, Aug. 2 --").
DATELINE_CLOSERS = frozenset({"(", "--", "—"})
#: What closes a dateline after a place written any way: "BEIJING, Nov. 24 (Xinhua)", ANI's
#: "New Delhi [India], August 18 :"
OPEN_DATELINE_CLOSERS = frozenset({"(", ":"})
#: How far after the publication date a dateline may fall: a day of time zones.
DATELINE_AHEAD = dt.timedelta(days=1)
#: A fiscal year's short name, lower case: "fy23", "fy2024", "fy" (as in "FY 2024").
FISCAL_YEAR = re.compile(r"fy(?:\d{2}|\d{4})?")
#: First characters of a digit token (a decade after "the": "the 1990s").
DIGITS = frozenset("0123456789")
#: How many days after publication a day named without a year is still this year's in past tense.
NEAR_DAYS = 7
#: How many words before a weekday a "will" may stand and make it the one to come.
MODAL_REACH = 8


class Parser(PointReader):
    """The date grammar over one Doc; ``pub`` is the publication date, if known.

    A Parser is made per Doc (cheaply: the tables are the shared ``Grammar``'s), so no state
    crosses Docs or threads.
    """

    def __init__(self, doc: Doc, pub: dt.date | None, grammar: Grammar) -> None:
        super().__init__(doc, pub, grammar)
        self.after_the, self.bound_first, self.plans = grammar.after_the, grammar.bound_first, grammar.plans
        self.sentences = SentenceIndex(doc)
        self.future_words, self.past_words = grammar.future_words, grammar.past_words
        self.reporting_words = grammar.reporting_words
        self.not_past_words, self.relative_words = grammar.not_past_words, grammar.relative_words
        self.modal_future, self.be_forms = grammar.modal_future, grammar.be_forms

    # ---- points, bounds and ranges ------------------------------------------------------
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
        if a is None:
            return self._day_before(i + 1, joins)
        if self.low(a.end) not in joins:
            return None
        b = self.point(a.end + 1, True) or self._day_after(a, a.end + 1)
        if b is None:
            return None
        place = self._join_in(a, b) if a.place and b.place else None
        return Found(b.end, self._join(a, b), "range", place)

    def _day_before(self, k: int, joins: frozenset[str]) -> Found | None:
        """'From 1 to 11 November', 'between 22 and 24 September': a bare day at ``k`` before a
        later day of a month written day first."""
        day = self.days[self.text(k)]
        if day is None or self.low(k + 1) not in joins:
            return None
        b = self.point(k + 2, True)
        if b is None or b.rule != "day-month":
            return None
        last = b.period.start if b.period is not None else b.place(LEAP_YEAR).start
        if day >= last.day:
            return None
        month = last.month
        if b.period is not None:
            a = Found(k + 1, P.day(last.year, month, day), "day-month")
        else:
            a = Found(k + 1, None, "day-month", lambda y: P.day(y, month, day))
        place = self._join_in(a, b) if a.place and b.place else None
        return Found(b.end, self._join(a, b), "range", place)

    def _day_after(self, a: Found, k: int) -> Found | None:
        """'From November 1 to 11', 'between Sept. 22 and 24': a later day of the month of the
        day ``a``, written as a bare number at ``k`` (and perhaps a year: "to 11, 2020")."""
        day = self.days[self.text(k)]
        if a.rule != "month-day" or day is None or self.quantity_at(k + 1):
            return None
        first = a.period.start if a.period is not None else a.place(LEAP_YEAR).start
        if day <= first.day:
            return None
        month = first.month
        year_at = k + 2 if self.text(k + 1) == "," else k + 1
        y = self.year_token(year_at)
        if y is None and a.period is not None:
            y, year_at = a.period.start.year, k  # "from Nov. 1, 2020 to 11": the year of the first
        if y is not None:
            period = P.day(y, month, day)
            return Found(year_at + 1, period, "month-day") if period else None
        return Found(k + 1, None, "month-day", lambda y: P.day(y, month, day))

    def _month_to_month(self, a: Found) -> Found | None:
        """'in January to May 2013', 'July 2024 - June 2025': two months joined as a range
        without "from" before them (``ranged`` reads the ones with it)."""
        if a.rule not in MONTH_RULES or self.low(a.end) not in self.w.range_joins(UNOPENED) \
                or self.text(a.end + 1) not in self.lex.months:
            return None
        b = self.point(a.end + 1, True)
        if b is None or b.rule not in MONTH_RULES:
            return None
        place = self._join_in(a, b) if a.place and b.place else None
        return Found(b.end, self._join(a, b), "range", place)

    # ---- where a date may start (the plans of dateplans.py) ---------------------------------
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
        # a range's point follows its opener at once, or after a bare day and its join ("From 1
        # to 11 November")
        reach, plans = max(self.w.longest_bound, 1) + DAY_BEFORE_TOKENS, self.plans
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

    # ---- the date at a token -----------------------------------------------------------
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
            found = self._month_to_month(found) or found
        if found.rule == "month-day" and found.period is None and self._dateline(i, found.end):
            return self._dateline_date(found)
        if self.w.has("non_calendar", self.low(i - 1)) or self._fiscal_after(found.end):
            return Found(found.end, None, found.rule)  # "the fiscal second quarter": whose year, unknown
        return self.resolved(found, i)

    def _fiscal_after(self, k: int) -> bool:
        """Whether a fiscal year's name follows token ``k``'s date: "Q3 FY23", "Q2 fiscal 2024"."""
        word = self.low(k)
        return self.w.has("non_calendar", word) or FISCAL_YEAR.fullmatch(word) is not None

    def resolved(self, f: Found, i: int) -> Found:
        """Give a yearless expression (starting at token ``i``) the year its sentence named before
        it ("In 2019, exports peaked in October"), else the publication year, or the year before
        when that would put it after the publication date and the sentence tells what happened:
        "Prices rose 3% in December", published in January, is last December; "the fair will
        open in November" and "the rules take effect on July 1" are this year's."""
        if f.rule == "weekday" and self.pub is not None and self._modal_just_before(i):
            # "the bureau will hold a press conference on Friday": the Friday to come
            return Found(f.end, P.weekday_after(self.pub, int(self.role["weekday"][self.text(i)])),
                         f.rule, f.place)
        if f.place is None or f.period is not None and f.rule != "range":
            return f  # (a yearless range was given the publication year when it was joined)
        if (f.rule in MONTH_RULES or f.rule in SPAN_RULES) and self.written_year is not None \
                and not self._looks_ahead(i):
            return Found(f.end, f.place(self.written_year), f.rule, f.place)  # "In 2019, ... in May"
        period = f.place(self.pub.year) if self.pub else None
        if period is None:
            return Found(f.end, period, f.rule, f.place)
        if f.rule in PAST_BOUNDS and period.start > self.pub or self._still_to_come(f.rule, period) \
                and self._looks_back(i) and not self._days_ahead(period):
            period = f.place(self.pub.year - 1)  # "since October" in March: last October
        return Found(f.end, period, f.rule, f.place)

    def _still_to_come(self, rule: str, period: P.Period) -> bool:
        """Whether a month or day starts after the publication date, or a quarter, a half or
        "the first 11 months" ends after it (a report cannot give its figures yet)."""
        return rule in MONTH_RULES and period.start > self.pub or rule in SPAN_RULES and period.end > self.pub

    def _modal_just_before(self, i: int) -> bool:
        """Whether "will" (or "would", "shall") stands a few words before token ``i`` in its
        sentence, with no number or comma between: "will hold a press conference on Friday",
        not "announced Friday that prices will rise" nor "will handle 1 billion parcels from
        Friday to Nov. 16"."""
        start = self.sentences.start_of(i)
        for k in range(i - 1, max(start, i - MODAL_REACH) - 1, -1):
            word = self.lower[k]
            if word in self.modal_future:
                return True
            if word[:1].isdigit() or word in (",", ";", ":"):
                return False
        return False

    def _days_ahead(self, period: P.Period) -> bool:
        """Whether ``period`` is one day a few days after publication: "Nov. 11 has become the
        biggest shopping day", published on Nov. 10, speaks of the coming one (or the page's
        date is a time zone behind), not of a day almost a year before."""
        return period.start == period.end and (period.start - self.pub).days <= NEAR_DAYS

    def _looks_back(self, i: int) -> bool:
        """Whether the clause of token ``i`` tells what happened: a verb in the past ("rose",
        "was", a word in -ed that is no verb of saying: "the ministry announced" dates the
        report, nor a passive of expecting: "is expected to reach") and no word that looks
        ahead ("will", "plans", "to be", "next"). A date in a relative clause set off by commas
        ("Pork prices, which rose 5 percent in November, are ...") is read with that clause;
        any other date with the sentence less such clauses."""
        words = self._main_words(i)
        if not self.future_words.isdisjoint(words):
            return False
        if not self.past_words.isdisjoint(words):
            return True
        return any(len(w) > PAST_SUFFIX_MIN and w.endswith("ed") and w not in self.reporting_words
                   and not (w in self.not_past_words and k and words[k - 1] in self.be_forms)
                   for k, w in enumerate(words))

    def _looks_ahead(self, i: int) -> bool:
        """Whether the clause of token ``i`` says "will" (or "would", "shall"): then a year the
        sentence wrote before does not date its months ("launched in 2018, will end in December")."""
        return not self.modal_future.isdisjoint(self._main_words(i))

    def _main_words(self, i: int) -> list[str]:
        """The lower-case words that tell of token ``i``: its relative clause when it stands in
        one set off by commas (", which rose 5 percent in November,"), else its sentence less
        such clauses. Only a "which" or "who" written in lower case after a comma opens one,
        and only a comma closes it."""
        start, end = self.sentences.start_of(i), self.sentences.end_of(i)
        lower, texts = self.lower, self.texts
        spans = []
        k = start
        while k < end:
            if texts[k] in self.relative_words and k > start and texts[k - 1] == ",":
                close = next((m for m in range(k + 1, end) if texts[m] == ","), None)
                if close is not None:
                    spans.append((k, close))
                    k = close
            k += 1
        for a, b in spans:
            if a <= i < b:
                return lower[a:b]
        words, at = [], start
        for a, b in spans:
            words.extend(lower[at:a])
            at = b
        words.extend(lower[at:end])
        return words

    def _dateline(self, start: int, end: int) -> bool:
        closer = self.text(end)
        capital_city = closer in DATELINE_CLOSERS and self.text(start - 2).isupper()
        if closer not in OPEN_DATELINE_CLOSERS and not capital_city:
            return False  # a dash closes a dateline only after a city in capitals: "HANGZHOU, Aug. 2 --"
        return self.text(start - 1) == "," and start - self.sentences.start_of(start) <= DATELINE_TOKENS

    def _dateline_date(self, found: Found) -> Found:
        """A dateline's day is the publication day or shortly before it, or the day after: a
        page may print its own time zone's date ("May 08, 2023 - 11:07 pm EDT" over "BEIJING,
        May 9 (Reuters)")."""
        if self.pub is None:
            return Found(found.end, None, "dateline")
        latest = self.pub + DATELINE_AHEAD
        period = None
        for year in (self.pub.year + 1, self.pub.year, self.pub.year - 1):  # "Jan. 1" over a Dec. 31 page
            period = found.place(year)
            if period is not None and period.start <= latest:
                break
        return Found(found.end, period, "dateline")
