"""The chunk-memoising tokenizer gives exactly spaCy's tokens and white space.

The rules and every word list are written against spaCy's tokenization, so
``ChunkTokenizer`` must be a pure speed-up: same token texts, same trailing
spaces, on any text. Named cases cover white space at the edges and runs of
it; the property test compares the two on generated news-like text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agrofacts.pipeline import build_pipeline
from agrofacts.tokenizer import ChunkTokenizer
from test_properties import NEWSLIKE, PROFILE

ROOT = Path(__file__).resolve().parents[1]


def _tokens(tokenizer, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in tokenizer(text)]


@pytest.fixture(scope="module")
def pair():
    nlp = build_pipeline()
    assert isinstance(nlp.tokenizer, ChunkTokenizer)
    return nlp.tokenizer, nlp.tokenizer.tokenizer


@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    (" ", [(" ", "")]),
    (" a", [(" ", ""), ("a", "")]),
    ("a  b", [("a", " "), (" ", ""), ("b", "")]),
    ("a \n b", [("a", " "), ("\n ", ""), ("b", "")]),
    ("a\n\nb ", [("a", ""), ("\n\n", ""), ("b", " ")]),
    ("a\t b", [("a", ""), ("\t ", ""), ("b", "")]),
    ("a \u00a0b", [("a", " "), ("\u00a0", ""), ("b", "")]),
    ("sold US$5m. (RMB3.2bn)", [("sold", " "), ("US$", ""), ("5", ""), ("m", ""), (".", " "),
                                ("(", ""), ("RMB", ""), ("3.2", ""), ("bn", ""), (")", "")]),
    ("U.S. dollars, 10-20 kg", [("U.S.", " "), ("dollars", ""), (",", " "), ("10", ""), ("-", ""),
                                ("20", " "), ("kg", "")]),
])
def test_named_texts(pair, text, expected):
    chunked, spacy_tokenizer = pair
    assert _tokens(chunked, text) == expected
    assert _tokens(spacy_tokenizer, text) == expected


def test_seed_articles_tokenize_as_spacy_does(pair):
    chunked, spacy_tokenizer = pair
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        assert _tokens(chunked, text) == _tokens(spacy_tokenizer, text), path.name


def test_memory_is_bounded(pair):
    _chunked, spacy_tokenizer = pair
    small = ChunkTokenizer(spacy_tokenizer, max_chunks=3)
    text = "one two three four five six seven"
    assert _tokens(small, text) == _tokens(spacy_tokenizer, text)
    assert len(small._pieces) <= 3


@settings(PROFILE)
@given(st.one_of(NEWSLIKE, st.text(max_size=200)))
def test_any_text_tokenizes_as_spacy_does(pair, text):
    chunked, spacy_tokenizer = pair
    assert _tokens(chunked, text) == _tokens(spacy_tokenizer, text)
