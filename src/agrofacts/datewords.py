"""The words of date expressions (data/date_words.csv), loaded once and checked.

Each row is a surface, the role it plays in a date expression and what it
means there: ``last,deictic,-1`` (a year, month or weekday before the
publication date), ``as of,bound,as_of``, ``half,fraction,2``. A surface may
take several roles ("in" leads a date and a duration). Roles and values
are checked at load time, so a typo fails with the file and line named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import RuleFileError
from .lexicon import PhraseLexicon
from .resources import read_csv
from .wordtrie import trie_alternation

FILE = "date_words.csv"
#: Roles whose value is a whole number.
INT_ROLES = {"weekday", "season", "deictic", "anaphoric", "ordinal", "fraction", "day_word"}
#: Roles whose value is one of a closed set.
CHOICE_ROLES = {
    "calendar_unit": {"year", "month", "week"},
    "part": {"early", "mid", "late", "whole"},
    "bound": {"by", "since", "as_of", "before", "until", "after"},
    # a word that closes a range, with the word that opens it: "from X to Y", "between X and Y"
    "range_join": {"from", "between"},
    # how long one of a window is: "the four weeks to July 7", "the 12 months ended June"
    "window_unit": {"day", "week", "month", "quarter", "year"},
}
#: Roles that are plain word lists (empty value).
LIST_ROLES = {"lead", "coordinator", "period_noun", "same_period", "date_stress", "ago", "weekend",
              "comparison", "fronting", "clause_opener", "duration_lead", "not_duration", "future",
              "complementizer", "distributive", "past", "reporting", "not_past", "relative",
              "modal_future", "be_form", "year_of", "year_for", "compare_join", "compare_verb",
              "year_versus", "comparison_strong", "window_join", "weekday_name",
              "base_pronoun", "non_calendar", "year_modifier_lead",
              "month_subject_verb", "month_subject_lead", "festival",
              "anaphor_lead", "anaphor_stop"}
#: Roles whose surfaces keep their case ("Thursday"; "thursday" is no weekday in news copy).
CASED_ROLES = {"weekday", "weekday_name"}


@dataclass(frozen=True)
class DateWords:
    roles: dict[str, dict[str, str | int]]
    bounds: PhraseLexicon[str]
    #: opener -> the words that close its range ("from" -> "to", "until", "-", ...), made at load time
    joins: dict[str, frozenset[str]]
    #: how many tokens the longest bound takes ("as of": 2), so a date after one is looked for that far
    longest_bound: int = 1

    def role(self, name: str) -> dict[str, str | int]:
        return self.roles.get(name, {})

    def range_joins(self, opener: str) -> frozenset[str]:
        """The words that close a range opened by ``opener`` (empty for a word that opens none)."""
        return self.joins.get(opener, frozenset())

    def has(self, role: str, word: str) -> bool:
        return word in self.roles.get(role, {})


def load_date_words(tokenize: Callable[[str], list[str]]) -> DateWords:
    roles: dict[str, dict[str, str | int]] = {}
    bounds = []
    allowed = INT_ROLES | set(CHOICE_ROLES) | LIST_ROLES
    for line, row in enumerate(read_csv(FILE, ("surface", "role", "value")), start=2):
        surface, role, value = row["surface"].strip(), row["role"], row["value"]
        if role not in allowed:
            raise RuleFileError(f"{FILE}:{line}: role {role!r} not one of {sorted(allowed)}")
        parsed: str | int = value
        if role in INT_ROLES:
            try:
                parsed = int(value)
            except ValueError as exc:
                raise RuleFileError(
                    f"{FILE}:{line}: role {role!r} needs a whole number, got {value!r}") from exc
        elif role in CHOICE_ROLES and value not in CHOICE_ROLES[role]:
            raise RuleFileError(
                f"{FILE}:{line}: {role} value {value!r} not one of {sorted(CHOICE_ROLES[role])}")
        elif role in LIST_ROLES and value:
            raise RuleFileError(f"{FILE}:{line}: role {role!r} takes no value, got {value!r}")
        key = surface if role in CASED_ROLES else surface.lower()
        roles.setdefault(role, {})[key] = parsed
        if role == "bound":
            bounds.append((tokenize(surface), str(parsed)))
    joins: dict[str, set[str]] = {}
    for word, opener in roles.get("range_join", {}).items():
        joins.setdefault(str(opener), set()).add(word)
    return DateWords(roles=roles, bounds=PhraseLexicon(bounds),
                     longest_bound=max((len(words) for words, _ in bounds), default=1),
                     joins={k: frozenset(v) for k, v in joins.items()})


_LOADED: dict[int, DateWords] = {}


def date_words(nlp) -> DateWords:
    """The date words for a pipeline, loaded once per tokenizer."""
    key = id(nlp.tokenizer)
    if key not in _LOADED:
        tokenizer = nlp.tokenizer
        _LOADED[key] = load_date_words(lambda s: [t.text.lower() for t in tokenizer(s)])
    return _LOADED[key]


def trigger_words(words: DateWords, months: dict[str, int]) -> tuple[set[str], set[str]]:
    """The words of ``trigger_pattern``: (month and weekday names, as written; words that may
    open a longer word, lower case or capitalised)."""
    cased = set(months) | set(words.role("weekday"))
    plain = {"year", "month", "week", "weekend", "quarter", "half", "decade", "yesterday", "tomorrow",
             *words.role("season")}
    plain_forms = {form for w in plain for form in (w, w[0].upper() + w[1:])}
    return cased, plain_forms


def trigger_pattern(words: DateWords, months: dict[str, int]) -> str:
    """A regex (no flags) for text that may hold a date with no digit in it ("Last January")."""
    cased, plain_forms = trigger_words(words, months)
    return rf"(?<![\w.]){trie_alternation(cased)}(?![\w])|\b{trie_alternation(plain_forms)}"
