"""The prefilter: sentences cut where the sentence component cuts them, and only those that may
hold a figure read, with facts, offsets and sentences as if the whole article were read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agrofacts.lexicon import lexicons
from agrofacts.pipeline import build_pipeline
from agrofacts.prefilter import _ends_here, _sentences, figure_stretches, may_hold_figure, trigger
from conftest import facts_of
from test_properties import NEWSLIKE, PROFILE


def _cut_at(text: str) -> list[tuple[int, int]]:
    nlp = build_pipeline()
    return list(_sentences(text, 0, len(text), nlp.tokenizer.pieces, lexicons(nlp).abbreviations))


def _sentence_component_starts(text: str) -> set[int]:
    """Where the sentence component starts sentences, white space at their start skipped
    (a sentence may open with a token of spaces; the prefilter cuts after them)."""
    starts = set()
    for sent in build_pipeline()(text).sents:
        i = sent.start_char
        while i < len(text) and text[i].isspace():
            i += 1
        starts.add(i)
    return starts


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose. Prices fell.", ["Sales rose.", "Prices fell."]),
    ("Mr. Wang sold 5 pigs. He smiled.", ["Mr. Wang sold 5 pigs.", "He smiled."]),
    ("It cost 5 U.S. dollars. Fine.", ["It cost 5 U.S. dollars.", "Fine."]),
    ("It was sold on Nov. 24 in Beijing.", ["It was sold on Nov. 24 in Beijing."]),
    ("It costs Rs. 500 now. Fine.", ["It costs Rs. 500 now.", "Fine."]),
    ('"We sold out." He smiled.', ['"We sold out."', "He smiled."]),
    ("Really? Yes! Done...", ["Really?", "Yes!", "Done..."]),
    ("They grew. (See below.) Then", ["They grew.", "(See below.)", "Then"]),
    ('He said. "Then we left."', ['He said. "Then we left."']),
])
def test_sentences_are_cut_where_the_sentence_component_cuts(text, expected):
    cuts = _cut_at(text)
    assert [text[s:e] for s, e in cuts] == expected
    # never a cut the sentence component would not make (it may make more: the prefilter is coarse)
    assert {s for s, _ in cuts} <= _sentence_component_starts(text)


def test_only_sentences_that_may_hold_a_figure_are_read():
    text = ("Farmers were happy. They sold 300 tonnes of pears. Everyone smiled. "
            "Prices rose 5 percent in May. Good news.")
    nlp = build_pipeline()
    stretches = figure_stretches(text, [(0, len(text))], nlp.tokenizer.pieces, lexicons(nlp).abbreviations)
    assert [text[s:e] for s, e in stretches] == ["They sold 300 tonnes of pears.",
                                                 "Prices rose 5 percent in May."]


def test_facts_of_a_filtered_article_keep_true_offsets_and_sentences():
    text = ("HEADLINE OF THE PAGE\n\nFarmers were happy. They sold 300 tonnes of pears.\n\n"
            "Nothing here. Prices rose 5 percent in 2019, officials said. Good.\n")
    facts = facts_of(text)
    assert [(f.kind, f.text, f.sentence) for f in facts] == [
        ("mass", "300 tonnes", "They sold 300 tonnes of pears."),
        ("percent", "5 percent", "Prices rose 5 percent in 2019, officials said."),
        ("date", "2019", "Prices rose 5 percent in 2019, officials said."),
    ]


def test_a_dateline_opens_its_sentence_even_after_a_sentence_left_out():
    text = "Good morning. BEIJING, Nov. 24 (Xinhua) -- The county sold 300 tonnes of pears."
    dates = [f for f in facts_of(text, published="2020-06-15") if f.kind == "date"]
    assert [(f.text, f.period_start) for f in dates] == [("Nov. 24", "2019-11-24")]


SENTENCE_BITS = st.sampled_from([". ", "! ", "? ", '." ', ".) ", " Mr. ", " U.S. ", " Rs. ", " Nov. ", "... ",
                                 " e.g. ", " No. ", ' "', " (", " He", " the", " 5", " May"])


@settings(PROFILE)
@given(st.lists(st.one_of(NEWSLIKE, SENTENCE_BITS), max_size=12).map("".join))
def test_every_prefilter_cut_is_a_sentence_start(text):
    text = text.replace("\n", " ").replace("\r", " ").replace("\u2028", " ")
    assert {s for s, _ in _cut_at(text)} <= _sentence_component_starts(text) | {0}


#: The sentence-end test as it was first written: a chunk matched from its start. The prefilter
#: now finds the stop first and the chunk's start from there; the cuts must be the same.
_STOP_FROM_CHUNK_START = re.compile(r"""(?<!\S)\S*?[.!?…]["'”’)\]»]*(?=\s)""")


def _reference_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    nlp = build_pipeline()
    pieces_of, abbreviations = nlp.tokenizer.pieces, lexicons(nlp).abbreviations
    out, s = [], start
    for m in _STOP_FROM_CHUNK_START.finditer(text, start, end):
        cut = m.end()
        if not _ends_here(m.group(), pieces_of, abbreviations):
            continue
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if text[nxt] in "\"'”’)]»":
            continue
        out.append((s, cut))
        s = nxt
    out.append((s, end))
    return out


#: Characters that test the edges: case-blind equivalents of ASCII letters (long s, Kelvin sign,
#: dotted and dotless i), unusual spaces, word characters that are not letters.
ODD_BITS = st.sampled_from(["ſix", "ſeven", "\u212a", "İ", "ı", "\u00a0", "\u2028", "\u3000", "_", "x",
                            "Apr.", "Sept.", "May", "years", "yesterday", "Half", "FIVE", "fiveX",
                            "a.b.", ".)", "…", "?!", "\n", "  ", "万", "é", "3"])
SLICED_TEXT = st.lists(st.one_of(NEWSLIKE, SENTENCE_BITS, ODD_BITS), max_size=16).map("".join)


@settings(PROFILE)
@given(SLICED_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_sentences_are_those_the_chunk_pattern_gives(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    nlp = build_pipeline()
    assert list(_sentences(text, start, end, nlp.tokenizer.pieces, lexicons(nlp).abbreviations)) == \
        _reference_sentences(text, start, end)


@settings(PROFILE)
@given(SLICED_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_may_hold_figure_is_a_trigger_search(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert may_hold_figure(text, start, end) == bool(trigger().search(text, start, end))


@pytest.mark.parametrize("text", ["ſix", "ſIX pigs", "a SIX", "(Five)", "x_five", "five_", "Sept.",
                                  "in Apr.", "xApr.", "yearly", "Yesterday", "halfway", "İ", "\u212a"])
def test_may_hold_figure_on_edge_words(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert may_hold_figure(text, start, end) == bool(trigger().search(text, start, end))


def test_chunk_shortcut_is_on_for_the_shipped_words():
    """No trigger word holds white space, so ``may_hold_figure`` may rule a sentence out by its chunks."""
    from agrofacts.prefilter import _trigger_parts

    assert _trigger_parts()[3]
