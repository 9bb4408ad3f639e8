"""Which tokens may start a date, read off a token's text alone and remembered per text.

Most tokens start no date, and are turned away before any rule runs: each token text has a
remembered ``Plan`` (``Grammar.plans``) saying which rules its first token allows and what the
tokens after it must show (``Parser.starts``, dategrammar.py). Every such test is a rule's own
first test, so no shortcut changes what is found; tests/test_dategrammar.py reads every token of
the seeds both ways. ``Grammar`` also holds the word tables every Doc's ``Parser`` shares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from .datepoints import (
    DAY,
    DECADE,
    GRAMMAR_ROLES,
    NUMBER_RULES,
    PART_YEAR,
    POINT_RULES,
    QUARTER_TOKEN,
    SEASON_YEARS,
    YEAR,
    YEAR_RULES,
    Found,
    PointReader,
)
from .datewords import DateWords
from .lexicon import Lexicons

V = TypeVar("V")

#: How many first-token texts ``Grammar.rules_for`` and ``Grammar.plans`` remember before they start afresh.
RULE_CACHE_SIZE = 50_000

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
    #: the point rules that can match (``Grammar.rules_for``)
    rules: tuple[Callable[[PointReader, int], Found | None], ...]
    #: a month name: ``PointReader.month_first`` can match
    month: bool
    #: a year: a bare year can be a date
    year: bool


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
        #: words before a bare year that make it a date unless a counted noun follows it
        self.year_of = frozenset(words.role("year_of"))
        self.year_for = frozenset(words.role("year_for"))
        self.compare_join = frozenset(words.role("compare_join"))
        self.compare_verb = frozenset(words.role("compare_verb"))
        self.year_versus = frozenset(words.role("year_versus"))
        #: words before a year that qualifies the noun after it ("the 2024 harvest"); so is a
        #: sentence's start, "." included
        self.year_modifier_leads = frozenset(words.role("year_modifier_lead"))
        #: a month opening a sentence is a date before one of these verbs ("June registered ...")
        self.month_subject_verbs = frozenset(words.role("month_subject_verb"))
        self.month_subject_leads = frozenset(words.role("month_subject_lead"))
        self.window_joins = frozenset(words.role("window_join"))
        #: words that open a range of their own ("from Aug 1 to 25" is read as a range)
        self.range_openers = frozenset(words.joins)
        self.window_units = frozenset(words.role("window_unit"))
        self._rules_by_text: dict[str, tuple[Callable[[PointReader, int], Found | None], ...]] = {}
        self.plans: _Remembered[Plan] = _Remembered(self.plan)
        #: text -> the year it writes ("2019" -> 2019), None for any other text
        self.years: _Remembered[int | None] = _Remembered(
            lambda text: int(text) if YEAR.fullmatch(text) else None)
        #: text -> the day of a month it writes ("24" -> 24), None for any other text
        self.days: _Remembered[int | None] = _Remembered(
            lambda text: int(m[1]) if (m := DAY.fullmatch(text)) else None)
        #: the word roles the rules read, by name (``DateWords.role``, one look-up instead of a call)
        #: the words that say a sentence speaks of what is to come ("will", "plans", "next")
        self.future_words = frozenset(words.role("future"))
        #: past forms that say a sentence tells what happened ("rose", "was"; and words in -ed)
        self.past_words = frozenset(words.role("past"))
        #: verbs of saying, whose past tense dates the report, not what it reports
        self.reporting_words = frozenset(words.role("reporting"))
        #: words in -ed that expect rather than tell ("is expected to reach", "estimated")
        self.not_past_words = frozenset(words.role("not_past"))
        #: words that open a relative clause, whose verbs tell of something else
        self.relative_words = frozenset(words.role("relative"))
        #: the verbs that put a sentence in the future for sure ("will"), over a year it wrote
        self.modal_future = frozenset(words.role("modal_future"))
        #: forms of "be", after which an -ed word expects rather than tells ("is expected")
        self.be_forms = frozenset(words.role("be_form"))
        self.role: dict[str, dict[str, str | int]] = {name: words.role(name) for name in GRAMMAR_ROLES}

    def rules_for(self, text: str) -> tuple[Callable[[PointReader, int], Found | None], ...]:
        """The point rules (in their order) that can match a first token ``text``; remembered.

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
            the,  # named_year
            the,  # same_year
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
                     | set(roles.get("weekend", {}))
                     | {w for w, unit in roles.get("calendar_unit", {}).items() if unit == "year"}
                     | set(roles.get("same_period", {})))
        _STARTERS[key] = (frozenset(w.lower() for w in first), frozenset(after_the))
    return _STARTERS[key]
