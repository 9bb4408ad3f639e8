"""The number grammar, one named case a row: text -> value (None: not a number)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agrofacts.lexicon import lexicons
from agrofacts.numerals import parse_number

CASES = [
    # digits
    ("2,300", "2300"),
    ("284.5", "284.5"),
    ("2300", "2300"),
    ("1,000,000", "1000000"),
    ("0.5", "0.5"),
    ("41.5", "41.5"),
    ("9.85 million", "9850000"),
    ("1.5 million", "1500000"),
    ("2 billion", "2000000000"),
    ("240 billion", "240000000000"),
    ("3 trillion", "3000000000000"),
    ("5 thousand", "5000"),
    ("3 hundred", "300"),
    ("1.6bn", "1600000000"),
    ("4bn", "4000000000"),
    ("2.5 bn", "2500000000"),
    ("3 mln", "3000000"),
    ("7 mn", "7000000"),
    ("1.2 tn", "1200000000000"),
    ("5k", "5000"),
    ("1.5b", "1500000000"),
    ("12,345.67", "12345.67"),
    ("100", "100"),
    ("0", "0"),
    # number words
    ("one", "1"),
    ("six", "6"),
    ("ten", "10"),
    ("twelve", "12"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("twenty-five", "25"),
    ("ninety-nine", "99"),
    ("forty two", "42"),
    ("a dozen", "12"),
    ("two dozen", "24"),
    ("a hundred", "100"),
    ("two hundred", "200"),
    ("two hundred and fifty", "250"),
    ("three hundred thousand", "300000"),
    ("a thousand", "1000"),
    ("a million", "1000000"),
    ("a billion", "1000000000"),
    ("half a million", "500000"),
    ("half a billion", "500000000"),
    ("five million", "5000000"),
    ("two million five hundred thousand", "2500000"),
    ("Six", "6"),
    ("Twenty-one", "21"),
    ("one thousand two hundred", "1200"),
    ("seventy", "70"),
    # not numbers
    ("dozens", None),
    ("hundreds", None),
    ("thousands", None),
    ("millions", None),
    ("a lot", None),
    ("an apple", None),
    ("half the", None),
    ("1,2", None),
    ("0100", None),
    ("COVID-19", None),
    ("G20", None),
    ("third", None),
    ("10:30", None),
    ("a", None),
    ("million", None),
    ("dozen", None),
    ("hundred", None),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_number(nlp, text, expected):
    doc = nlp.make_doc(text)
    match = parse_number(doc, 0, lexicons(nlp).numbers)
    if expected is None:
        assert match is None
    else:
        assert match is not None and match.value == Decimal(expected)


@pytest.mark.parametrize("text,end_token", [
    ("2 billion yuan", 2), ("twenty-five branches", 3), ("a dozen eggs", 2), ("5 cats", 1),
], ids=["scale-then-currency", "hyphenated-words", "a-dozen", "bare"])
def test_number_ends_before_what_it_counts(nlp, text, end_token):
    doc = nlp.make_doc(text)
    assert parse_number(doc, 0, lexicons(nlp).numbers).end == end_token


def test_year_like(nlp):
    lex = lexicons(nlp).numbers
    assert parse_number(nlp.make_doc("2019"), 0, lex).year_like
    assert not parse_number(nlp.make_doc("2,019"), 0, lex).year_like
    assert not parse_number(nlp.make_doc("2019 million"), 0, lex).year_like
