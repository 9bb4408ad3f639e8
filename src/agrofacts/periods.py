"""Calendar arithmetic for date facts: the first and last day of what a date names.

Plain ``datetime`` arithmetic, no date library: every period a news date
names is a day, a week, a month, a season, a quarter, a half, a year or a
decade, or a run of them, and each is a couple of lines here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

#: First month of each third of a year for "early", "mid", "late" 2019.
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
#: Days of each third of a month for "early", "mid", "late" June.
MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
SATURDAY = 5
#: How many days and month runs ``day`` and ``months`` remember: a Period is frozen, and news
#: names the same few days, months and years again and again.
PERIOD_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@lru_cache(maxsize=PERIOD_CACHE_SIZE)
def day(year: int, month: int, d: int) -> Period | None:
    """One day, or None when the day does not exist ('Feb. 30').

    >>> day(2019, 10, 23).iso()
    ('2019-10-23', '2019-10-23')
    >>> day(2019, 2, 30) is None
    True
    """
    try:
        one = dt.date(year, month, d)
    except ValueError:
        return None
    return Period(one, one)


@lru_cache(maxsize=PERIOD_CACHE_SIZE)
def months(year: int, first: int, last: int) -> Period:
    """Months ``first`` to ``last`` of ``year``; ``last`` may run into the next year (13 = January).

    >>> months(2018, 8, 8).iso()
    ('2018-08-01', '2018-08-31')
    >>> months(2019, 12, 14).iso()
    ('2019-12-01', '2020-02-29')
    """
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return Period(dt.date(year, first, 1), dt.date(end_year, end_month, last_day(end_year, end_month)))


def month(year: int, m: int) -> Period:
    return months(year, m, m)


def year(y: int) -> Period:
    return months(y, 1, 12)


def years(first: int, last: int) -> Period:
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31))


def decade(first: int) -> Period:
    """'the 1990s'.

    >>> decade(1990).iso()
    ('1990-01-01', '1999-12-31')
    """
    return years(first, first + 9)


def fraction(y: int, parts: int, first: int, last: int | None = None) -> Period:
    """Parts ``first``..``last`` of a year cut in ``parts`` (2 halves, 4 quarters).

    >>> fraction(2020, 2, 1).iso()
    ('2020-01-01', '2020-06-30')
    >>> fraction(2019, 4, 3).iso()
    ('2019-07-01', '2019-09-30')
    """
    size = 12 // parts
    last = first if last is None else last
    return months(y, (first - 1) * size + 1, last * size)


def season(y: int, first_month: int) -> Period:
    """Meteorological seasons of the northern hemisphere; winter runs into the next year."""
    return months(y, first_month, first_month + 2)


def third(period: Period, part: str) -> Period:
    """The early, mid or late third of a year or a month ("mid-2019", "late June").

    >>> third(year(2019), "mid").iso()
    ('2019-05-01', '2019-08-31')
    >>> third(month(2019, 2), "late").iso()
    ('2019-02-21', '2019-02-28')
    """
    start = period.start
    if period.start.month == 1 and period.end.month == 12 and period.start.year == period.end.year:
        first, last = YEAR_THIRDS[part]
        return months(start.year, first, last)
    if start.day == 1 and period.end.month == start.month and period.end.year == start.year:
        first, last = MONTH_THIRDS[part]
        last = min(last, period.end.day)
        return Period(start.replace(day=first), start.replace(day=last))
    return period


def shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + by
    return index // 12, index % 12 + 1


def week_of(one: dt.date) -> Period:
    """Monday to Sunday of the week holding ``one``."""
    monday = one - dt.timedelta(days=one.weekday())
    return Period(monday, monday + dt.timedelta(days=6))


def weekday_on_or_before(anchor: dt.date, weekday: int, strictly: bool = False) -> Period:
    """The latest ``weekday`` not after ``anchor`` (before it when ``strictly``)."""
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    one = anchor - dt.timedelta(days=back)
    return Period(one, one)


def weekday_after(anchor: dt.date, weekday: int) -> Period:
    ahead = (weekday - anchor.weekday()) % 7 or 7
    one = anchor + dt.timedelta(days=ahead)
    return Period(one, one)


def weekend_of(saturday: dt.date) -> Period:
    return Period(saturday, saturday + dt.timedelta(days=1))


def latest_weekend(anchor: dt.date) -> Period:
    """The weekend that started last, on or before ``anchor`` ("over the weekend")."""
    return weekend_of(weekday_on_or_before(anchor, SATURDAY).start)


def span(first: Period, last: Period) -> Period | None:
    """From the start of ``first`` to the end of ``last``; None when they run backwards."""
    if last.end < first.start:
        return None
    return Period(first.start, last.end)


def parse_iso(text: str) -> dt.date | None:
    """A strict YYYY-MM-DD date, or None.

    >>> parse_iso("2020-09-22")
    datetime.date(2020, 9, 22)
    >>> parse_iso("2020-9-22") is None
    True
    """
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def window_to(end: dt.date, count: int, unit: str) -> Period | None:
    """The ``count`` weeks, days, months, quarters or years that end on ``end``: "the four weeks
    to July 7" is June 10 to July 7; "the 12 months to June" (ending June 30) is July 1 to June 30.
    """
    if count < 1:
        return None
    if unit in ("day", "week"):
        return Period(end - dt.timedelta(days=count * (7 if unit == "week" else 1) - 1), end)
    months_back = count * {"month": 1, "quarter": 3, "year": 12}[unit]
    if end.day == last_day(end.year, end.month):  # "the quarter ended June 30": April 1 to June 30
        y, m = shift_month(end.year, end.month, 1 - months_back)
        return Period(dt.date(y, m, 1), end)
    y, m = shift_month(end.year, end.month, -months_back)
    start_day = min(end.day, last_day(y, m)) + 1
    if start_day > last_day(y, m):  # a window that ends on a month's last day starts on a first
        y, m = shift_month(y, m, 1)
        start_day = 1
    return Period(dt.date(y, m, start_day), end)
