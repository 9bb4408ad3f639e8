"""A list of words as one regex alternation shaped like a trie.

``one|once|two|twelve`` tries every word at every place it is searched; the trie
form ``o(?:nce?)|tw(?:o|elve)`` reads each character once. The set of texts it
matches is the same, and where one word is the start of another the longer is
tried first (as in a list sorted longest first), so a boundary check after the
group backtracks to the shorter word exactly as the plain alternation would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_alternation(words: Iterable[str]) -> str:
    """A non-capturing regex group matching exactly ``words`` (literal text)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"  # matches nothing, as an empty alternation would
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
    if _END in node:
        return group + "?" if len(group) == 1 else f"(?:{'|'.join(branches)})?"
    return group
