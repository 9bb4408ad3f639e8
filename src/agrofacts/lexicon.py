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
    """Longest-match lookup of token sequences.

    Entries of more than two characters match in any case and sit in two tries of their
    lowercased words, one read forwards and one backwards, so a lookup walks the tokens
    once and most positions stop at the first word. Shorter entries ("m", "kW", "$") match
    only as written and sit in a plain table.
    """

    def __init__(self, entries: Iterable[tuple[Sequence[str], V]]) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        for words, value in entries:
            sensitive = len("".join(words)) <= CASE_SENSITIVE_MAX
            self._table[tuple(_key(w, sensitive) for w in words)] = value
        self._forward: _Trie = {}
        self._backward: _Trie = {}
        self._short: dict[tuple[str, ...], V] = {}  # the exact-case entries
        for key, value in self._table.items():
            if not key:
                continue  # an empty surface matches nothing
            if _chars(key) <= CASE_SENSITIVE_MAX:
                self._short[key] = value
            else:
                _insert(self._forward, key, value)
                _insert(self._backward, key[::-1], value)
        self._short_firsts = frozenset(key[0] for key in self._short)
        self._short_lasts = frozenset(key[-1] for key in self._short)

    def __len__(self) -> int:
        return len(self._table)

    @property
    def first_words(self) -> frozenset[str]:
        """Lowercased first words of the entries matched in any case."""
        return frozenset(self._forward)

    @property
    def short_first_words(self) -> frozenset[str]:
        """First words, as written, of the exact-case entries.

        ``match_at`` finds nothing at a word whose lowercase is not in ``first_words`` and
        that is not itself one of these.
        """
        return self._short_firsts

    def match_at(self, words: Sequence[str], start: int) -> tuple[V, int] | None:
        """Longest entry starting at ``start``: (value, end index)."""
        if not 0 <= start < len(words):
            return None  # nothing starts outside the words
        word = words[start]
        branch = self._forward.get(word.lower())
        if branch is None:  # most look-ups: no entry starts with this word
            return self._short_at(words, start, None) if word in self._short_firsts else None
        node, value = branch
        chars, k, n = len(word), start + 1, len(words)
        found = (value, k) if value is not None and chars > CASE_SENSITIVE_MAX else None
        while k < n:
            word = words[k]
            branch = node.get(word.lower())
            if branch is None:
                break
            node, value = branch
            chars += len(word)
            k += 1
            if value is not None and chars > CASE_SENSITIVE_MAX:
                found = (value, k)
        if words[start] in self._short_firsts:
            return self._short_at(words, start, found)
        return found

    def _short_at(self, words: Sequence[str], start: int, found: tuple[V, int] | None) \
            -> tuple[V, int] | None:
        """An exact-case entry at ``start`` if longer than ``found`` (which it beats), else ``found``."""
        for n in (2, 1):  # an exact-case entry has at most two one-character words
            if (found is None or found[1] < start + n) and start + n <= len(words):
                window = tuple(words[start:start + n])
                value = self._short.get(window) if _chars(window) <= CASE_SENSITIVE_MAX else None
                if value is not None:
                    return value, start + n
        return found

    def match_ending_at(self, words: Sequence[str], end: int) -> tuple[V, int] | None:
        """Longest entry ending just before ``end``: (value, start index)."""
        if not 1 <= end <= len(words):
            return None  # nothing ends outside the words
        word = words[end - 1]
        branch = self._backward.get(word.lower())
        if branch is None:  # most look-ups: no entry ends with this word
            return self._short_ending_at(words, end, None) if word in self._short_lasts else None
        node, value = branch
        chars, k = len(word), end - 1
        found = (value, k) if value is not None and chars > CASE_SENSITIVE_MAX else None
        while k > 0:
            word = words[k - 1]
            branch = node.get(word.lower())
            if branch is None:
                break
            node, value = branch
            chars += len(word)
            k -= 1
            if value is not None and chars > CASE_SENSITIVE_MAX:
                found = (value, k)
        if words[end - 1] in self._short_lasts:
            return self._short_ending_at(words, end, found)
        return found

    def _short_ending_at(self, words: Sequence[str], end: int, found: tuple[V, int] | None) \
            -> tuple[V, int] | None:
        """An exact-case entry ending at ``end`` if longer than ``found``, else ``found``."""
        for n in (2, 1):
            if (found is None or found[1] > end - n) and end - n >= 0:
                window = tuple(words[end - n:end])
                value = self._short.get(window) if _chars(window) <= CASE_SENSITIVE_MAX else None
                if value is not None:
                    return value, end - n
        return found


#: A trie of words: each word leads to (the trie after it, the value of an entry ending there).
_Trie = dict


def _insert(trie: _Trie, words: Sequence[str], value: object) -> None:
    node = trie
    for i, word in enumerate(words):
        child, old = node.get(word, ({}, None))
        node[word] = (child, value if i == len(words) - 1 else old)
        node = child


def _chars(words: Sequence[str]) -> int:
    return sum(map(len, words))


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
    not_subject_items: frozenset[str]
    set_phrases: PhraseLexicon[bool]
    ratio_joins: PhraseLexicon[bool]
    compare_leads: PhraseLexicon[bool]
    restate_leads: PhraseLexicon[bool]

    @cached_property
    def number_openers(self) -> frozenset[str]:
        """Lowercased words that may start a spelled number: the number words and the articles."""
        return frozenset(self.numbers) | frozenset(ARTICLES)

    @cached_property
    def per_number(self) -> frozenset[str]:
        """Words after which a number is what a rate is per ("per 1,000 people"), asked of every number."""
        return self.words("per_number")

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

    def is_share(self, words: list[str], end: int) -> bool:
        """Whether the unit word before ``end`` names a share: "a quarter of the land".

        A quarter is also three months, but not before "of".
        """
        return 0 < end < len(words) and words[end].lower() in self.words("share_of") \
            and words[end - 1].lower() in self.words("fraction_unit")

    def words(self, role: str) -> frozenset[str]:
        """Context words of one role in context_words.csv ("per", "range_join", ...)."""
        return self.context.get(role, frozenset())


def data_number_openers() -> frozenset[str]:
    """``Lexicons.number_openers`` of the shipped data: the words of numbers.csv and the
    articles, for the tokenizer's marks, made before any lexicon is loaded."""
    return frozenset(r["word"] for r in read_csv("numbers.csv", ("word", "value", "role"))) \
        | frozenset(ARTICLES)


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
        not_subject_items=frozenset(read_lines("not_subject_items.txt")),
        count_links=PhraseLexicon((tokenize(p), True) for p in read_lines("count_links.txt")),
        set_phrases=PhraseLexicon((tokenize(p), True) for p in read_lines("set_phrases.txt")),
        ratio_joins=PhraseLexicon((tokenize(p), True) for p in read_lines("ratio_joins.txt")),
        compare_leads=PhraseLexicon((tokenize(p), True) for p in read_lines("compare_leads.txt")),
        restate_leads=PhraseLexicon((tokenize(p), True) for p in read_lines("restate_leads.txt")),
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
