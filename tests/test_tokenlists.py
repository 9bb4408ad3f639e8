"""Token lists read once per Doc must equal what spaCy's Token objects say, token by token."""

from __future__ import annotations

import doctest

import pytest

from agrofacts import tokenlists
from agrofacts.pipeline import build_pipeline
from agrofacts.tokenlists import (
    SentenceIndex,
    kept_sentence_starts,
    lowers_of,
    positions_of,
    sentence_starts,
    spaced_of,
)

TEXTS = [
    ("mixed-case-and-glue", "By the end of March 2020, e-commerce sales in the 2016-2020 plan rose."),
    ("two-sentences", "Sales rose 5% in Q3 2019. The HK$1.2bn deal closed on Oct. 23."),
    ("non-ascii-case", "ÉLEVAGE grew in İzmir  and  Straße\nnew line"),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [t for _, t in TEXTS], ids=[i for i, _ in TEXTS])
def test_lists_equal_token_attributes(text):
    doc = build_pipeline()(text)
    assert lowers_of(doc) == [t.lower_ for t in doc]
    assert spaced_of(doc) == [bool(t.whitespace_) for t in doc]
    starts = sentence_starts(doc)
    assert starts == [t.i for t in doc if t.is_sent_start]
    assert kept_sentence_starts(doc) == starts
    assert kept_sentence_starts(doc) is kept_sentence_starts(doc)
    lowers = [t.lower_ for t in doc]
    assert positions_of(lowers, ("a", "an", "in")) == [t.i for t in doc if t.lower_ in ("a", "an", "in")]
    sentence_ids = {t.i: n for n, sent in enumerate(doc.sents, start=1) for t in sent}
    index = SentenceIndex(doc)
    assert [index.number(t.i) for t in doc] == [sentence_ids[t.i] for t in doc]
    assert [index.end_of(t.i) for t in doc] == [t.sent.end for t in doc]


def test_lists_are_made_once_per_doc():
    doc = build_pipeline()("In 2019 output rose.")
    assert lowers_of(doc) is lowers_of(doc)
    assert spaced_of(doc) is spaced_of(doc)


def test_doctests():
    assert doctest.testmod(tokenlists).failed == 0
