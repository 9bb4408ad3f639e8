"""Date expressions, as a spaCy component: ``date`` figures with the period they name.

Runs before the quantity and count rules, which skip the tokens it claims,
so "Oct. 23, 2019" or "by 2020" is never read as a count. Each date fact
gets the first and last day of what it names (periods.py). What a date
names is read off the tokens with the word roles of data/date_words.csv and
the month names of data/months.csv:

- absolute: "Oct. 23, 2019", "23 October 2019", "2019-11-24", "August 2018",
  "in 2008", "mid-2019", "the 1990s", "the third quarter of 2019", "Q3 2019",
  "the first half of 2019", "spring 2019";
- ranges: "From February to March", "between 2015 and 2018", "2016-2020";
- bounds: "by 2020", "since 2014", "as of September", "By the end of March"
  (the bound word is part of the text; the period is what it bounds);
- relative, resolved against the publication date in ``doc.user_data
  ["published"]`` (an ISO string): "this year", "last month", "Last January"
  (January of the year before), "in June" (June of the publication year, or of
  the year before when that June is still to come and the sentence does not
  look ahead),
  "Thursday" (the last Thursday on or before it), "the weekend", "two years
  ago", "the previous year" (the year before the publication year; no period
  when the sentence names a year of its own), and a dateline's "Nov. 24".

A bare year or month is a date only after a time word ("in 2008", "since
March"); a bare season or "today" never is. Without a publication date a
relative expression is still claimed and listed, with an empty period:
never a guessed year. Durations ("five years", "48 hours") are left to the
quantity rules; "five years ago" is a date. The grammar itself is in
dategrammar.py (bounds and ranges), datepoints.py (the points) and
dateplans.py (which tokens may start a date); this module is the spaCy
component around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from itertools import compress
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import periods as P
from .dategrammar import Parser
from .dateplans import NEVER, Grammar, Plan, starters
from .datewords import DateWords, date_words
from .figure import SPAN_KEY, Figure, get_figure, set_figure
from .lexicon import Lexicons, lexicons
from .periods import Period
from .tokenlists import SentenceIndex, lower_case, positions_of

V = TypeVar("V")

#: The ``doc.user_data`` key holding the publication date (ISO string) for the date rules.
PUBLISHED_KEY = "published"
#: The rule of a date that is a window of so many units ending on a day ("the four weeks to 7 July").
WINDOW_RULE = "window"


#: First characters of a digit token, and the last three of "mid-2019": a date may start there.
DIGITS = frozenset("0123456789")
DIGIT_ENDINGS = frozenset(f"{n:03d}" for n in range(1000))
#: How many token texts ``DateRules.starts_with_text`` (or date figures ``DateRules.figure``)
#: remembers before it starts afresh.
MEMO_SIZE = 100_000


class DateRules:
    def __init__(self, lex: Lexicons, words: DateWords) -> None:
        self.lex = lex
        self.words = words
        first_words, _ = starters(words, lex)
        self.first_words = first_words | {"the", "a", "an"}
        self.cased = set(lex.months) | set(words.role("weekday")) | {f"{q}{n}" for q in "QH" for n in "1234"}
        self.grammar = Grammar(words, lex)
        self.comparison = frozenset(words.role("comparison"))  # "up from 2019": a base, no date of its own
        self.window_joins = frozenset(words.role("window_join"))
        self.window_units = words.role("window_unit")
        #: words between "the" and a window's unit: "the first quarter ended", "the fiscal year ended"
        self.window_modifiers = frozenset(words.role("ordinal")) | frozenset(words.role("non_calendar"))
        #: "during the period" names the period before it, unless more follows ("the period of reform")
        self.anaphor_leads = frozenset(words.role("anaphor_lead"))
        self.anaphor_stops = frozenset(words.role("anaphor_stop"))
        #: words before a date that make it a base of comparison ("compared with the same period of 2019")
        self.base_words = self.comparison | frozenset(words.role("same_period"))
        self.starts_with_text: _Memo[Plan | None] = _Memo(self.plan_of_text)
        cased_lower = {w.lower() for w in self.cased}
        #: lower-case text -> whether a token with that lower case may pass ``may_start_text``
        self.may_start_lower: _Memo[bool] = _Memo(
            lambda low: (low in self.first_words or low in cased_lower or low[:1] in DIGITS
                         or low[-3:] in DIGIT_ENDINGS))
        self._figures: dict[tuple[dt.date | None, dt.date | None, str], Figure] = {}
        #: ``sift``'s test as a ``tokenizer.Marker``: the pipeline's tokenizer marks each token
        self.marker = MayStartDate(self.may_start_lower)

    def may_start_text(self, text: str) -> bool:
        """A date may start at a token with this text: a starting word, a month or weekday name, a digit."""
        return (text.lower() in self.first_words or text in self.cased or text[:1] in DIGITS
                or text[-3:] in DIGIT_ENDINGS)

    def plan_of_text(self, text: str) -> Plan | None:
        """The grammar's plan for a date starting at a token with this text; None if none can."""
        if not self.may_start_text(text):
            return None
        plan = self.grammar.plans[text]
        return None if plan.start == NEVER else plan

    def sift(self, lowers: list[str], marks: list[int] | None = None) -> Iterator[int]:
        """The tokens (by their lower case) that may pass ``may_start_text``, sifted in C.

        A remembered test of the lower case that every text passing ``may_start_text`` passes
        too (the lower case of a month name; a digit kept), so the texts themselves are looked
        up only where a date may start. ``marks``: that test's answers per token, given.
        """
        for memo in (self.starts_with_text, self.may_start_lower):
            if len(memo) > MEMO_SIZE:
                memo.clear()
        if marks is None:
            marks = map(self.may_start_lower.__getitem__, lowers)
        return compress(range(len(lowers)), marks)

    def marks(self, doc: Doc) -> list[int] | None:
        """The tokenizer's answers to ``sift``'s test for ``doc`` (``MayStartDate``), if it left them."""
        marked = doc.user_data.get(MAY_START_DATE_KEY)
        if marked is None or marked[0] is not self.marker or len(marked[1]) != len(doc):
            return None
        return marked[1]

    def candidates(self, texts: list[str], lowers: list[str]) -> list[tuple[int, Plan]]:
        """The tokens where a date may start, with their plans (``lowers``: the texts' lower case).

        A candidate passes ``may_start_text`` and its plan does not rule out every date.
        """
        plans = self.starts_with_text
        return [(i, plan) for i in self.sift(lowers) if (plan := plans[texts[i]]) is not None]

    def starts(self, parser: Parser) -> list[tuple[int, Plan]]:
        """The candidates where ``Parser.may_start`` holds, with their plans: where to read."""
        return parser.starts(self.sift(parser.lower, self.marks(parser.doc)), self.starts_with_text)

    def __call__(self, doc: Doc) -> Doc:
        parser = Parser(doc, published_date(doc), self.grammar)
        starts = self.starts(parser)
        if starts:
            self.add_dates(doc, parser, starts)
        return doc

    def figure(self, period: Period | None, rule: str) -> Figure:
        """The Figure of a date with this period, found by ``rule``; remembered.

        A Figure is frozen, so dates that name the same period share one: making it (and the
        ISO strings) costs more than finding most dates.
        """
        key = (period.start, period.end, rule) if period else (None, None, rule)
        fig = self._figures.get(key)
        if fig is None:
            if len(self._figures) > MEMO_SIZE:
                self._figures.clear()
            start, end = period.iso() if period else ("", "")
            fig = self._figures[key] = Figure("date", None, "", "exact", period_start=start,
                                              period_end=end, rule=rule)
        return fig

    def _dates_its_sentence(self, parser: Parser, i: int, f) -> bool:
        """Whether a date with one written year dates the rest of its sentence ("In 2019, exports
        peaked in October"): a point, not a bound ("Since 2018, ... in April"), a range or a
        base of comparison ("Up from 2019, sales in March ...")."""
        if f.rule.startswith("bound") or f.rule == "range":
            return False
        return i == 0 or parser.lower[i - 1] not in self.comparison

    def _window(self, parser: Parser, i: int, f, free_from: int,
                added: list[Span]) -> tuple[int, Period] | None:
        """(first token, period) of "the four weeks to July 7", "the 12 months ended June",
        "the quarter ended July 28, 2023": so many units that end with the date at ``i``."""
        lower = parser.lower
        if f.period is None or i < 2 or lower[i - 1] not in self.window_joins:
            return None
        unit = self.window_units.get(lower[i - 2])
        if unit is None:
            return None
        first, count = i - 2, 1
        num = parser.number_at(i - 3) if i >= 3 else None
        if num is not None and num.end == i - 2 and num.value == num.value.to_integral_value():
            first, count = i - 3, int(num.value)
        elif i >= 4 and lower[i - 3] in self.window_modifiers and lower[i - 4] == "the":
            first = i - 3  # "the first quarter ended January 28, 2018": that quarter is the window
        elif i < 3 or lower[i - 3] != "the":
            return None  # "quarter ended July 28" needs "the", as "the four weeks" needs none
        if first > 0 and lower[first - 1] == "the":
            first -= 1
        if first < free_from and not self._window_opens_date(added, first):
            return None
        period = P.window_to(f.period.end, count, str(unit))
        return None if period is None else (first, period)

    @staticmethod
    def _window_opens_date(added: list[Span], first: int) -> bool:
        """Whether the last date read starts at ``first`` and the window takes it over: "the first
        quarter" of "the first quarter ended January 28, 2018" is no date of its own."""
        return bool(added) and added[-1].start == first

    def add_dates(self, doc: Doc, parser: Parser, starts: list[tuple[int, Plan]]) -> None:
        """Read the longest date at each free start (``starts``), left to right, into ``doc.spans``."""
        texts, years = parser.texts, parser.years
        sentences = parser.sentences
        # ``in`` first: ``get`` on a missing group raises and catches a KeyError inside spaCy
        found = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        claimed = {i for span in found for i in range(span.start, span.end)}
        added = []
        free_from = 0
        year_end = 0  # where the sentence that named ``parser.sentence_year`` ends
        read, figure = parser.read, self.figure
        label = doc.vocab.strings.add("date")
        pub_year = parser.pub.year if parser.pub else None
        for i, plan in starts:
            if i < free_from or i in claimed:
                continue
            if i >= year_end:  # a later sentence
                parser.sentence_year = parser.written_year = None
            if added and texts[i - 1] == OPEN_BRACKET and added[-1].end == i - 1:
                close = _closing_bracket(texts, i)
                if close is not None:  # "the first half (H1) of 2024": the bracket names it again
                    free_from = close + 1
                    continue
            f = read(i, plan)
            if f is None or claimed and not claimed.isdisjoint(range(i, f.end)):
                continue
            window = self._window(parser, i, f, free_from, added)
            if window is not None and claimed.isdisjoint(range(window[0], i)):
                if window[0] < free_from:
                    added.pop()  # "the first quarter", read before its "ended January 28, 2018"
                span = Span(doc, window[0], f.end, label=label)  # "the four weeks to July 7"
                set_figure(span, figure(window[1], WINDOW_RULE))
            else:
                span = Span(doc, i, f.end, label=label)
                set_figure(span, figure(f.period, f.rule))
            added.append(span)
            if f.period is None or f.rule == "dateline":
                pass  # a dateline dates the report, not its sentence
            elif any(map(years.__getitem__, texts[i:f.end])):  # a year written
                parser.sentence_year, year_end = f.period.end.year, sentences.end_of(i)
                if f.period.start.year == f.period.end.year and self._dates_its_sentence(parser, i, f):
                    parser.written_year = parser.last_year = f.period.end.year
            elif f.period.end.year != pub_year:  # "last year", "last December"
                parser.sentence_year, year_end = f.period.end.year, sentences.end_of(i)
            free_from = f.end
        added += self._period_anaphors(doc, parser.lower, added, claimed, label, sentences)
        if found or added:  # no empty group: readers take a missing one as empty
            doc.spans[SPAN_KEY] = sorted(found + added, key=lambda s: (s.start, s.end))

    def _named_just_before(self, lowers: list[str], start: int, lead: int,
                           sentences: SentenceIndex) -> bool:
        """Whether a date at ``start`` stands in the sentence of ``lead`` or shortly before it,
        not just after a word of comparison ("up 5 percent over 2019")."""
        if sentences.number(lead) - sentences.number(start) > ANAPHOR_SENTENCES:
            return False
        return self.base_words.isdisjoint(lowers[max(0, start - ANAPHOR_BASE_REACH):start])

    def _period_anaphors(self, doc: Doc, lowers: list[str], added: list[Span], claimed: set[int],
                         label: int, sentences: SentenceIndex) -> list[Span]:
        """"During the period" after a dated sentence: the period named last before it ("reached
        196,400 tonnes in the first half of 2024 ... During the period, imports reached 24,400
        tonnes"), never a dateline's day. It dates its figures (anchoring) but is no row of the
        table: it names no new date."""
        spans = []
        for p in positions_of(lowers, PERIOD_WORD):
            lead = p - 2
            if lead < 0 or lowers[p - 1] != "the" or lowers[lead] not in self.anaphor_leads \
                    or p + 1 < len(lowers) and lowers[p + 1] in self.anaphor_stops \
                    or not claimed.isdisjoint(range(lead, p + 1)):
                continue
            before = [s for s in added if s.end <= lead]
            fig = get_figure(before[-1]) if before else None
            if fig is None or fig.period_start == fig.period_end or fig.rule == "dateline" \
                    or not self._named_just_before(lowers, before[-1].start, lead, sentences):
                continue  # a day, a base of comparison or a date sentences away is not "the period"
            span = Span(doc, lead, p + 1, label=label)
            set_figure(span, fig.with_(rule=PERIOD_ANAPHOR_RULE))
            spans.append(span)
        return spans


OPEN_BRACKET, CLOSE_BRACKET = "(", ")"
#: "during the period": a date that names again the one before it.
PERIOD_WORD = ("period",)
PERIOD_ANAPHOR_RULE = "period-anaphor"
#: How far before a date a word of comparison makes it a base, no period to name again.
ANAPHOR_BASE_REACH = 7
#: How many sentences (of those that may hold a figure) "the period" may look back.
ANAPHOR_SENTENCES = 2
#: How many tokens a bracket that restates a date may hold ("(Q1-Q3)", "(January-March)").
RESTATED_DATE_TOKENS = 6


def _closing_bracket(texts: list[str], i: int) -> int | None:
    """The ")" that closes a short bracket whose contents start at ``i``, or None."""
    for k in range(i, min(i + RESTATED_DATE_TOKENS + 1, len(texts))):
        if texts[k] == CLOSE_BRACKET:
            return k
    return None


#: Where the pipeline's tokenizer leaves the marks of ``MayStartDate``.
MAY_START_DATE_KEY = ("agrofacts", "marks", "may_start_date")


class MayStartDate:
    """A ``tokenizer.Marker``: whether a date may start at a token by its lower case (the test
    ``DateRules.sift`` makes), asked once per piece of text instead of once per token."""

    key = MAY_START_DATE_KEY

    def __init__(self, may_start_lower: Callable[[str], bool] | dict[str, bool]) -> None:
        self.may_start_lower = may_start_lower

    def __call__(self, word: str) -> bool:
        return self.may_start_lower[lower_case(word)]


class _Memo(dict[str, V]):
    """A dict that fills a missing key with ``func(key)``: a remembered test, looked up in C."""

    def __init__(self, func: Callable[[str], V]) -> None:
        super().__init__()
        self.func = func

    def __missing__(self, key: str) -> V:
        value = self[key] = self.func(key)
        return value


def published_date(doc: Doc) -> dt.date | None:
    """The publication date the caller put on the Doc (``doc.user_data["published"]``), if valid."""
    value = doc.user_data.get(PUBLISHED_KEY)
    if isinstance(value, dt.date):
        return value
    return P.parse_iso(value) if isinstance(value, str) and value else None


@Language.factory("agrofacts_dates", assigns=["doc.spans"])
def make_date_rules(nlp: Language, name: str) -> DateRules:
    rules = DateRules(lexicons(nlp), date_words(nlp))
    add_marker = getattr(nlp.tokenizer, "add_marker", None)
    if add_marker is not None:  # the pipeline's tokenizer: it marks where a date may start
        add_marker(rules.marker)
    return rules
