"""Property tests: whatever the text, extraction returns sound facts and the CSV reads back.

Profiles: ``ci`` (default, short and bounded) and ``long`` (by hand:
``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py``).
"""

from __future__ import annotations

import io
import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agrofacts import extract_text
from agrofacts.fact import COLUMNS, KINDS, QUALIFIERS
from agrofacts.writers import TEXT_CELLS, csv_row, neutralise, write_csv

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

WORDS = [
    "more than", "about", "around", "nearly", "over", "up to", "at least", "less than", "between", "and",
    "to", "yuan", "dollars", "U.S.", "$", "US$", "HK$", "RMB", "€", "£", "tonnes", "tons", "kg", "jin", "mu",
    "hectares", "percent", "per cent", "%", "percentage points", "per", "a", "million", "billion",
    "trillion", "thousand", "hundred", "dozen", "m", "bn", "people", "orders", "households", "the",
    "county", "sold", "of", "pears", "in", "2019", "May", "5", "(", ")", "[", "]", "{", "}", "((", "))",
    "-", "–", "—", "/", ",", ".", ";", ":", "\"", "'", "“", "”", "x", "^", "10^400", "1e400", "COVID-19",
    "No.", "\n", "\r\n", "\r", "\t", "\x00", "\x0b", "\u2028", "\u00a0", "\ufeff", "北京", "五", "½",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**400).map(str),
    st.integers(min_value=0, max_value=10**30).map("{:,}".format),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.text(alphabet="0123456789", min_size=30, max_size=500),
    st.text(alphabet="0123456789,.", min_size=1, max_size=40),
    st.sampled_from(["one", "two", "twenty-five", "a million", "half", "1.6bn", "3.5m", "US$5m", "20mu",
                     "10-20", "5 to 8", "1,000,000,000,000,000,000,000,000,000,000,000"]),
)
#: A figure as news writes it: qualifier, number, scale, unit or counted noun, in any mix.
FIGURE = st.tuples(
    st.sampled_from(["", "more than", "about", "nearly", "up to", "at least", "less than", "between",
                     "some", "over", "$", "US$", "HK$", "RMB", "€"]),
    NUMBERS,
    st.sampled_from(["", "", "million", "billion", "trillion", "thousand", "bn", "m", "to 20", "and 8",
                     "-30", "(", "[5"]),
    st.sampled_from(["yuan", "tonnes", "tons", "metric tons", "kg", "jin", "catties", "mu", "hectares",
                     "square kilometers", "percent", "per cent", "%", "percentage points", "people",
                     "orders", "households", "U.S. dollars", "yuan per jin", "yuan a kilogram", "kg per mu",
                     "liters", "km", "hours", "years", "kWh", ")", "dollars)", ""]),
).map(" ".join)
NEWSLIKE = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, FIGURE, FIGURE), max_size=40).map(" ".join)
BRACKETS = st.integers(min_value=1, max_value=60).map(lambda n: "(" * n + "5 yuan ($1)" + ")" * n)
ANY_TEXT = st.one_of(
    NEWSLIKE,
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    BRACKETS,
    st.lists(st.one_of(NEWSLIKE, st.text(max_size=40)), max_size=5).map("\n".join),
)


def _check_facts(text: str):
    facts = extract_text(text, doc="prop.txt")
    for n, f in enumerate(facts, start=1):
        assert f.fact == n
        assert text[f.start_char:f.end_char] == f.text
        assert f.kind in KINDS, f
        assert f.qualifier in QUALIFIERS, f
        for value in (f.value, f.value_max):
            assert value is None or value.is_finite(), f
        assert f.same_as is None or 1 <= f.same_as <= len(facts)
    return facts


@settings(PROFILE)
@given(ANY_TEXT)
def test_any_text_gives_sound_facts(text):
    _check_facts(text)


@settings(PROFILE)
@given(NEWSLIKE)
def test_csv_round_trips_through_pandas(text):
    facts = _check_facts(text)
    for raw in (True, False):
        out = io.StringIO()
        write_csv(facts, out, raw=raw)
        table = pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)
        assert tuple(table.columns) == COLUMNS
        expected = [{k: str(v) for k, v in csv_row(f, raw=raw).items()} for f in facts]
        assert table.to_dict("records") == expected


@given(st.text(max_size=50))
def test_neutralise_is_idempotent_and_only_prefixes(cell):
    once = neutralise(cell)
    assert neutralise(once) == once
    assert once in (cell, "'" + cell)
    assert not once.startswith(("=", "+", "@", "\t", "\r")) and (once == "-" or not once.startswith("-"))


def test_text_cells_are_contract_columns():
    assert set(TEXT_CELLS) <= set(COLUMNS)


#: Crashes the property tests found, kept as named cases (text -> (fact text, value, unit)).
FOUND = [
    ("huge-area-quantize", "227118084100 trillion mu",
     [("227118084100 trillion mu", "15141205606666666666666.66667", "ha")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_found_by_hypothesis(text, expected):
    assert [(f.text, f.as_row()["value"], f.unit) for f in _check_facts(text)] == expected
