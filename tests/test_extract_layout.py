"""How extract.py turns the pipeline's spans into Facts: the shortcuts it takes (figures read
from ``doc.user_data``, sentences from arrays, Facts built by position) give what the plain
spaCy reads give."""

from __future__ import annotations

import re
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agrofacts import extract
from agrofacts.extract import _one_line, _sentence_chars, _sentence_chars_read, extract_text
from agrofacts.fact import COLUMNS, Fact
from agrofacts.figure import SPAN_KEY

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
TEXTS = [
    "It sold 5 yuan per jin. Prices rose 3 percent in May.\n\nNothing here.\n\nA farm of 20 mu.",
    "BEIJING, Nov. 24 (Xinhua) -- Sales reached 2 billion yuan (around 284.5 million U.S. dollars).",
    "  Leading   white\tspace: 300 tonnes\u00a0of pears\u2028sold. ",
    "No figure at all here.",
]


def test_fact_fields_are_in_column_order():
    """extract_article builds Facts by position, in COLUMNS order."""
    assert tuple(f.name for f in fields(Fact)) == COLUMNS


@pytest.mark.parametrize("text", TEXTS + [p.read_text(encoding="utf-8-sig") for p in SEEDS])
def test_sentence_starts_are_those_of_doc_sents(nlp, text):
    doc = nlp(text)
    assert _sentence_chars(doc, len(text)) == [s.start_char for s in doc.sents] + [len(text)]
    if len(doc):
        assert _sentence_chars_read(doc, len(text)) == _sentence_chars(doc, len(text))


#: Sentence ends, line breaks, abbreviations and closers in any mix.
SENTENCE_BITS = st.lists(st.sampled_from(
    ["Sales", "rose", "5%", ".", "!", "?", "...", "\n", "\n\n", " ", "Nov.", "U.S.", "Rs.", "\"", ")",
     "”", "in", "2019", "e.g.", "A", "b"]), max_size=30).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SENTENCE_BITS)
def test_sentence_starts_kept_are_those_read_from_arrays(nlp, text):
    """The sentence component's own starts give what the Doc's SENT_START array gives."""
    doc = nlp(text)
    if len(doc):
        assert _sentence_chars(doc, len(text)) == _sentence_chars_read(doc, len(text))


def test_an_empty_doc_has_only_its_end(nlp):
    assert _sentence_chars(nlp.make_doc(""), 0) == [0]


@pytest.mark.parametrize("text", TEXTS + [p.read_text(encoding="utf-8-sig") for p in SEEDS])
def test_figures_read_through_span_underscore_are_the_same(monkeypatch, text):
    """A figure extension that is not plain is read through ``span._``: the same facts."""
    fast = extract_text(text, unresolved_dates=True)
    monkeypatch.setattr(extract, "_PLAIN_EXTENSION", ("not", "plain", "at", "all"))
    assert extract_text(text, unresolved_dates=True) == fast


def test_every_span_of_the_group_is_read(nlp, monkeypatch):
    """Spans come from the group, figures from user_data: one fact per span with a figure."""
    seen = []
    original = extract._figures

    def spy(parsed, *args):
        seen.append(sum(1 for s in parsed.spans[SPAN_KEY] if s._.figure is not None))
        return original(parsed, *args)

    monkeypatch.setattr(extract, "_figures", spy)
    text = SEEDS[0].read_text(encoding="utf-8-sig")
    assert len(extract_text(text, unresolved_dates=True)) == seen[0] > 0


def test_sentence_white_space_as_the_regex_gave_it():
    """``" ".join(s.split())`` is ``re.sub(r"\\s+", " ", s).strip()`` for every white space character."""
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c)))
    assert spaces == "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    text = f"{spaces}a{spaces}b c\u00a0\u00a0d{spaces}"
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", ["", " ", "  ", "a", " a ", "a b", "a  b", "a\tb", "a\u00a0b", " a\nb ",
                                  "a\u2028b", "x\x1cy", "soft\xadhyphen", "a \u3000 b", "\u200bzero width"])
def test_one_line_is_the_regex_result(text):
    assert _one_line(text) == re.sub(r"\s+", " ", text).strip()


def test_one_line_on_every_character_of_the_first_plane():
    """Every white space character is in the first plane (see the test above)."""
    for c in range(0x10000):
        ch = chr(c)
        for text in (f"a{ch}b", f"{ch}a", f"a {ch}", f"{ch}"):
            assert _one_line(text) == re.sub(r"\s+", " ", text).strip(), hex(c)


def _without_cr(fact, crlf_text):
    """A fact of a CRLF text as the same text with LF line ends would give it."""
    before = crlf_text[:fact.start_char].count("\r")
    inside = fact.text.count("\r")
    return fact.__class__(**{**fact.__dict__, "text": fact.text.replace("\r\n", "\n"),
                             "start_char": fact.start_char - before,
                             "end_char": fact.end_char - before - inside})


WRAPPED = [
    "It sold more than\n5,000 tonnes of pears and 3 million\nyuan of apples in a busy week.\n",
    "Revenue rose from\n2,100 to 2,400 yuan per\ntonne in the first half of\n2021, or about\n$330.\n\nNext.",
]


@pytest.mark.parametrize("text", WRAPPED + TEXTS + [p.read_text(encoding="utf-8-sig") for p in SEEDS])
def test_crlf_line_ends_give_the_facts_of_lf_ones(text):
    """A file saved with Windows line ends gives the same facts, at its own offsets."""
    crlf = text.replace("\n", "\r\n")
    facts = extract_text(crlf, unresolved_dates=True)
    assert all(crlf[f.start_char:f.end_char] == f.text for f in facts)
    assert [_without_cr(f, crlf) for f in facts] == extract_text(text, unresolved_dates=True)
