"""Shortcuts of the date rules must never change what they find.

The grammar tries at each token only the rules its first token allows (``Grammar.rules_for``,
``Grammar.plan``), ``Parser.starts`` drops the candidates the tokens after them rule out, and the
component picks its candidate tokens by a remembered test on the text: every token of the seeds
and of sentences that use every rule is read both ways.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.attrs import LOWER, ORTH, PREFIX, SUFFIX

from agrofacts.dategrammar import Parser
from agrofacts.dateplans import NEVER
from agrofacts.datepoints import POINT_RULES, Found
from agrofacts.pipeline import build_pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SENTENCES = [
    "The plant opened on Oct. 23, 2019, and on 23 October 2019 and 5 May it was dated 2019-11-24.",
    "Prices peaked in mid-2019 and early June, by the end of March, in the 1990s and the 2010s.",
    "Profit rose in the third quarter of 2019, the first half of this year and the first 10 months.",
    "Revenue fell in Q3 2019, H1 2020 and Q4; spring 2019 and the summer of 2018 were dry.",
    "Last January, this year, last month, next Monday, this weekend and the previous year.",
    "On Thursday, Nov. 24, 2019, and over the weekend, yesterday and today, two years ago.",
    "A decade ago, an hour ago, 10 days ago, half a million ago, between 2015 and 2018.",
    "The 2016-2020 plan and the 2019-20 season ran from January to October 2019.",
    "THE 1990S, Mid-2019, LAST YEAR, Half, A, An, 31 May, 3 may.",
    "Two years ago, six months ago, a year ago 5 June, 7 weeks ago, the 1990s, The first half.",
    "Sales rose 5 percent by 2020, from 3 to 4 tonnes through March, since last year, as of May 5.",
    "BEIJING, Nov. 24 (Xinhua) -- Q1 2019 and H2 and 2019-20 and 2016-2020, 2.5 tonnes, 3 kg.",
    "MAY 5, MAY 2019, İstanbul ΣΑΣ THURSDAY Thursday q1 2019Q1 MID-2019 ＴＨＥ 1990s １２ Ⅻ ²3.",
]


def texts():
    return [p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))] + SENTENCES


def every_rule(parser: Parser, i: int, bare_ok: bool) -> Found | None:
    """``Parser.point`` without the shortcut."""
    for rule in POINT_RULES:
        found = rule(parser, i)
        if found is not None:
            return found
    return parser.month_first(i, bare_ok) or (parser.year(i) if bare_ok else None)


def unshortcut_at(parser: Parser, i: int) -> Found | None:
    """``Parser.at`` with no test before the grammar: every rule tried at every token."""
    found = parser.bounded(i) or parser.ranged(i)
    if found is None:
        found = every_rule(parser, i, parser.bare_ok(i))
        if found is None:
            return None
        found = parser._month_to_month(found) or found  # "in January to May 2013"
    if found.rule == "month-day" and found.period is None and parser._dateline(i, found.end):
        return parser._dateline_date(found)
    return parser.resolved(found, i)


def as_tuple(found: Found | None):
    return None if found is None else (found.end, found.period, found.rule, found.place is None)


@pytest.mark.parametrize("pub", [None, dt.date(2021, 11, 17)], ids=["no-pub", "pub"])
def test_rules_for_changes_no_point(pub):
    nlp = build_pipeline()
    grammar = nlp.get_pipe("agrofacts_dates").grammar
    for text in texts():
        doc = nlp(text)
        parser = Parser(doc, pub, grammar)
        for i in range(len(doc) + 1):
            for bare_ok in (False, True):
                assert as_tuple(parser.point(i, bare_ok)) == as_tuple(every_rule(parser, i, bare_ok)), \
                    (text, i, bare_ok)


def hash_candidates(doc, rules) -> list[int]:
    """The candidates as the component first found them, on spaCy's hash arrays."""

    strings = doc.vocab.strings
    lower = {strings.add(w) for w in rules.first_words}
    orth = {strings.add(w) for w in rules.cased}
    prefix = {strings.add(c) for c in "0123456789"}
    suffix = {strings.add(f"{n:03d}") for n in range(1000)}
    rows = doc.to_array([LOWER, ORTH, PREFIX, SUFFIX]).tolist() if len(doc) else []
    return [i for i, (lo, o, p, s) in enumerate(rows)
            if lo in lower or o in orth or p in prefix or s in suffix]


def test_candidates_match_the_hash_arrays():
    """The candidates are the tokens the hash arrays pick, less those whose plan rules out any date."""
    nlp = build_pipeline()
    rules = nlp.get_pipe("agrofacts_dates")
    plans = rules.grammar.plans
    for text in texts():
        doc = nlp.make_doc(text)
        words = [t.text for t in doc]
        candidates = rules.candidates(words, [w.lower() for w in words])
        assert [i for i, _ in candidates] == \
            [i for i in hash_candidates(doc, rules) if plans[words[i]].start != NEVER], text
        assert all(plan == plans[words[i]] for i, plan in candidates)


@pytest.mark.parametrize("pub", [None, dt.date(2021, 11, 17)], ids=["no-pub", "pub"])
def test_shortcuts_change_no_date(pub):
    """Every token the component skips (no candidate, or dropped by ``Parser.starts``) starts no date,
    and ``Parser.at`` finds at every token what the grammar finds with no shortcut at all."""
    nlp = build_pipeline()
    rules = nlp.get_pipe("agrofacts_dates")
    for text in texts():
        doc = nlp(text)
        parser = Parser(doc, pub, rules.grammar)
        tried = {i for i, _ in rules.starts(parser)}
        assert tried == {i for i, _ in rules.candidates(parser.texts, parser.lower) if parser.may_start(i)}
        for i in range(len(doc)):
            truth = as_tuple(unshortcut_at(parser, i))
            assert as_tuple(parser.at(i)) == truth, (text, i)
            if i not in tried:
                assert truth is None, (text, i, parser.texts[i])
