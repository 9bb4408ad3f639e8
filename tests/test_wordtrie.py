"""A word list as a trie regex matches exactly what the plain alternation (longest first) matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agrofacts.wordtrie import trie_alternation
from test_properties import PROFILE


@pytest.mark.parametrize(("words", "matched", "unmatched"), [
    (["a", "an", "and"], ["a", "an", "and"], ["", "n", "ad", "ann"]),
    (["one", "once", "twelve"], ["one", "once", "twelve"], ["on", "onc", "twelv", "oncee"]),
    (["Sept", "Sept."], ["Sept", "Sept."], ["sept", "Sep", "Septx"]),
    ([], [], ["", "a"]),
])
def test_trie_matches_exactly_its_words(words, matched, unmatched):
    pattern = re.compile(trie_alternation(words))
    assert [w for w in matched if pattern.fullmatch(w)] == matched
    assert [w for w in unmatched if pattern.fullmatch(w)] == []


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" if words \
        else "(?!)"


@settings(PROFILE)
@given(st.lists(st.text(alphabet="ab.- ", min_size=1, max_size=4), max_size=8),
       st.text(alphabet="ab.- x", max_size=30))
def test_trie_finds_what_the_plain_alternation_finds(words, text):
    for fence in (r"\b{}\b", r"(?<![\w.]){}(?![\w])", "{}"):
        plain = re.compile(fence.format(_plain(words)))
        trie = re.compile(fence.format(trie_alternation(words)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
