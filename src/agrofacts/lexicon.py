"""Word lists and phrase lexicons, loaded once from data/.

A :class:`PhraseLexicon` maps multi-word surfaces ("U.S. dollars", "more
than", "square kilometers") to a value and finds the longest one that starts
at, or ends at, a given token. Surfaces are tokenized with the pipeline's
own tokenizer, so "U.S." or "per cent" match exactly as the article's tokens
do. Matching ignores case, except for surfaces of one or two characters
("m", "g", "kW", "Rs"), whose case is part of their meaning ("5G" is no gram).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Generic, TypeVar

from .errors import RuleFileError
from .fact import QUALIFIERS as CONTRACT_QUALIFIERS
from .resources import read_csv, read_lines

V = TypeVar("V")

#: Articles that open a spelled number: "a dozen", "a million".
ARTICLES = ("a", "an")
#: Surfaces this short are matched with their exact case.
CASE_SENSITIVE_MAX = 2


def _key(text: str, case_sensitive: bool) -> str:
    return text if case_sensitive else text.lower()


class PhraseLexicon(Generic[V]):
    """Longest-match lookup of token sequences."""

    def __init__(self, entries: Iterable[tuple[Sequence[str], V]]) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        self._longest = 0
        for words, value in entries:
            sensitive = len("".join(words)) <= CASE_SENSITIVE_MAX
            key = tuple(_key(w, sensitive) for w in words)
            self._table[key] = value
            self._longest = max(self._longest, len(key))
        # The longest entry by its first and by its last word (as written or lowercased): most
        # positions fail on these before any lookup, and the others try no longer entry.
        self._reach_from: dict[str, int] = {}
        self._reach_to: dict[str, int] = {}
        for key in self._table:
            if key:
                self._reach_from[key[0]] = max(self._reach_from.get(key[0], 0), len(key))
                self._reach_to[key[-1]] = max(self._reach_to.get(key[-1], 0), len(key))

    def __len__(self) -> int:
        return len(self._table)

    def _get(self, words: Sequence[str]) -> V | None:
        if len(words) == 1:  # the common case, without building a generator
            word = words[0]
            return self._table.get((word,) if len(word) <= CASE_SENSITIVE_MAX else (word.lower(),))
        if sum(map(len, words)) <= CASE_SENSITIVE_MAX:
            return self._table.get(tuple(words))
        return self._table.get(tuple(w.lower() for w in words))

    def match_at(self, words: Sequence[str], start: int) -> tuple[V, int] | None:
        """Longest entry starting at ``start``: (value, end index)."""
        longest = self._longest
        if 0 <= start < len(words):
            word = words[start]
            reach = self._reach_from
            longest = max(reach.get(word, 0), reach.get(word.lower(), 0))
            if not longest:
                return None
        for n in range(min(longest, len(words) - start), 0, -1):
            value = self._get(words[start:start + n])
            if value is not None:
                return value, start + n
        return None

    def match_ending_at(self, words: Sequence[str], end: int) -> tuple[V, int] | None:
        """Longest entry ending just before ``end``: (value, start index)."""
        longest = self._longest
        if 1 <= end <= len(words):
            word = words[end - 1]
            reach = self._reach_to
            longest = max(reach.get(word, 0), reach.get(word.lower(), 0))
            if not longest:
                return None
        for n in range(min(longest, end), 0, -1):
            value = self._get(words[end - n:end])
            if value is not None:
                return value, end - n
        return None


@dataclass(frozen=True)
class NumberWord:
    value: Decimal
    role: str  # unit, tens, dozen, hundred, scale, scale_glued, scale_money, fraction


@dataclass(frozen=True)
class Currency:
    code: str
    position: str  # before, after, both
    factor: Decimal


NUMBER_ROLES = {"unit", "tens", "dozen", "hundred", "scale", "scale_glued", "scale_money",
                "fraction"}
#: Qualifiers a word can give: the contract's, less "exact" (no word) and "range" (two numbers).
QUALIFIERS = set(CONTRACT_QUALIFIERS) - {"exact", "range"}
CURRENCY_POSITIONS = {"before", "after", "both"}


@dataclass(frozen=True)
class Lexicons:
    """Everything the figure rules look words up in."""

    numbers: dict[str, NumberWord]
    qualifiers: PhraseLexicon[str]
    qualifiers_after: PhraseLexicon[str]
    qualifiers_glued: PhraseLexicon[str]
    currencies_before: PhraseLexicon[Currency]
    currencies_after: PhraseLexicon[Currency]
    units: PhraseLexicon[str]
    stopwords: frozenset[str]
    plural_nouns: frozenset[str]
    singular_s: frozenset[str]
    not_counted: frozenset[str]
    label_words: frozenset[str]
    abbreviations: frozenset[str]
    months: dict[str, int]
    context: dict[str, frozenset[str]]
    count_links: PhraseLexicon[bool]
    not_items: frozenset[str]
    set_phrases: PhraseLexicon[bool]

    @cached_property
    def number_openers(self) -> frozenset[str]:
        """Lowercased words that may start a spelled number: the number words and the articles."""
        return frozenset(self.numbers) | frozenset(ARTICLES)

    @cached_property
    def range_joiners(self) -> frozenset[str]:
        """Every word that may join a range's two ends ("to", "-", "and" after "between")."""
        return self.words("range_join") | self.words("range_join_between")

    def is_plural(self, low: str) -> bool:
        """Whether a lowercased word reads as a plural noun (no tagger: spelling and lists)."""
        if low in self.plural_nouns or low.endswith("people"):
            return True
        return (len(low) > 2 and low.endswith("s") and low.isalpha()
                and not low.endswith(("ss", "us", "is")) and low not in self.singular_s)

    def words(self, role: str) -> frozenset[str]:
        """Context words of one role in context_words.csv ("per", "range_join", ...)."""
        return self.context.get(role, frozenset())


def _check(name: str, row: int, field: str, value: str, allowed: set[str]) -> None:
    if value not in allowed:
        raise RuleFileError(f"{name}:{row}: {field} {value!r} not one of {sorted(allowed)}")


def load_lexicons(tokenize: Callable[[str], list[str]]) -> Lexicons:
    """Read every word list; ``tokenize`` splits a surface the way articles are split."""

    def forms(surface: str) -> list[list[str]]:
        # A surface may be split differently alone than glued to a number ("Rs." alone is
        # "Rs" + "."; in "Rs.500" it is one prefix token), so a one-word surface also
        # matches as a single token.
        split = tokenize(surface)
        return [split, [surface]] if len(split) > 1 and " " not in surface else [split]
    numbers = {}
    for i, r in enumerate(read_csv("numbers.csv", ("word", "value", "role")), start=2):
        _check("numbers.csv", i, "role", r["role"], NUMBER_ROLES)
        numbers[r["word"]] = NumberWord(Decimal(r["value"]), r["role"])

    quals = []
    for i, r in enumerate(read_csv("qualifiers.csv", ("phrase", "qualifier")), start=2):
        _check("qualifiers.csv", i, "qualifier", r["qualifier"], QUALIFIERS)
        quals.extend((words, r["qualifier"]) for words in forms(r["phrase"]))

    quals_after = []
    for i, r in enumerate(read_csv("qualifiers_after.csv", ("phrase", "qualifier")), start=2):
        _check("qualifiers_after.csv", i, "qualifier", r["qualifier"], QUALIFIERS)
        quals_after.append((tokenize(r["phrase"]), r["qualifier"]))

    quals_glued = []
    for i, r in enumerate(read_csv("qualifiers_glued.csv", ("phrase", "qualifier")), start=2):
        _check("qualifiers_glued.csv", i, "qualifier", r["qualifier"], QUALIFIERS)
        quals_glued.append((tokenize(r["phrase"]), r["qualifier"]))

    before, after = [], []
    cols = ("surface", "code", "position", "factor")
    for i, r in enumerate(read_csv("currencies.csv", cols), start=2):
        _check("currencies.csv", i, "position", r["position"], CURRENCY_POSITIONS)
        cur = Currency(r["code"], r["position"], Decimal(r["factor"]))
        for words in forms(r["surface"]):
            if r["position"] in ("before", "both"):
                before.append((words, cur))
            if r["position"] in ("after", "both"):
                after.append((words, cur))

    units = [(words, r["unit"]) for r in read_csv("units.csv", ("surface", "unit"))
             for words in forms(r["surface"])]

    return Lexicons(
        numbers=numbers,
        qualifiers=PhraseLexicon(quals),
        qualifiers_after=PhraseLexicon(quals_after),
        qualifiers_glued=PhraseLexicon(quals_glued),
        currencies_before=PhraseLexicon(before),
        currencies_after=PhraseLexicon(after),
        units=PhraseLexicon(units),
        stopwords=frozenset(read_lines("count_stopwords.txt")),
        plural_nouns=frozenset(read_lines("plural_nouns.txt")),
        singular_s=frozenset(read_lines("singular_s.txt")),
        not_counted=frozenset(read_lines("not_counted.txt")),
        label_words=frozenset(w.lower() for w in read_lines("label_words.txt")),
        abbreviations=frozenset(read_lines("abbreviations.txt")),
        months={r["surface"]: int(r["month"]) for r in read_csv("months.csv", ("surface", "month"))},
        context=_context_words(),
        not_items=frozenset(read_lines("not_items.txt")),
        count_links=PhraseLexicon((tokenize(p), True) for p in read_lines("count_links.txt")),
        set_phrases=PhraseLexicon((tokenize(p), True) for p in read_lines("set_phrases.txt")),
    )


def _context_words() -> dict[str, frozenset[str]]:
    by_role: dict[str, set[str]] = {}
    for r in read_csv("context_words.csv", ("word", "role")):
        by_role.setdefault(r["role"], set()).add(r["word"])
    return {role: frozenset(words) for role, words in by_role.items()}


_LOADED: dict[int, Lexicons] = {}


def lexicons(nlp) -> Lexicons:
    """The lexicons for a pipeline, loaded once per tokenizer and shared by its components."""
    key = id(nlp.tokenizer)
    if key not in _LOADED:
        tokenizer = nlp.tokenizer
        _LOADED[key] = load_lexicons(lambda s: [t.text for t in tokenizer(s)])
    return _LOADED[key]
