"""Paragraphs of the article proper: the shortcut past capitals and blank lines cuts where
``furniture.wraps_at`` says a line does not wrap, as every line was once tested."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agrofacts.article import _paragraphs
from agrofacts.furniture import wraps_at
from test_properties import PROFILE


def _plain_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, para_start, i = [], start, start
    while (nl := text.find("\n", i, end)) != -1:
        if not wraps_at(text, nl, start, end):
            out.append((para_start, nl))
            para_start = nl + 1
        i = nl + 1
    out.append((para_start, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


LINE_BITS = st.sampled_from(["\n", "\n\n", "\r\n", " \n", "\n ", "\t", "A", "a", "5", ".", ":", "ǅ", "É", "é",
                             "word ", "Word", " ", "\u00a0", "x."])


@settings(PROFILE)
@given(st.lists(LINE_BITS, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_paragraphs_cut_where_lines_do_not_wrap(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert _paragraphs(text, start, end) == _plain_paragraphs(text, start, end)
