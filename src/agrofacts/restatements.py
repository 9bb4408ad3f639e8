"""Restatements: a figure repeated in another unit, as a spaCy component.

"10 billion yuan ($1.6 billion)" and "1.76 billion mu (about 117.3 million
hectares)" are two figures each; the bracketed one gets ``same_as``
pointing at the first, so a user can keep one of each pair, and the first's
period when the anchoring gave it none (it is the same figure). News also
restates after ", or": "1.5 trillion yuan, or about 230 billion dollars".
There "or" may as well add another figure ("1,000 yuan, or 500 yuan more"),
so the second is a restatement only when it is the first in other money, or
the same amount (within ``OR_SAME_WITHIN``) once both are in canonical units.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from .figure import BRACKET_PAIR, Figure, Position, end_handover, facts_of, get_figure, set_figure
from .lexicon import PhraseLexicon, lexicons
from .tokenview import words_of

OPEN, CLOSE = "(", ")"
#: How far apart two amounts in one canonical unit may be and still be one restated.
OR_SAME_WITHIN = Decimal("0.1")
#: Kinds that are never restated: a count or a date in other words is another figure.
NOT_RESTATED = ("count", "date")


class RestatementLinker:
    def __init__(self, leads: PhraseLexicon[bool]) -> None:
        #: the words that lead from a figure to its restatement (data/restate_leads.txt)
        self.leads = leads

    def __call__(self, doc: Doc) -> Doc:
        spans, positions = facts_of(doc)
        end_handover(doc)  # the last figure component: the Doc need not hold its spans further
        if len(positions) < 2:
            return doc
        words = words_of(doc)
        # Pairs by position, as sorting the spans by (start, end) would give them; a pair's
        # figures are read only when the second sits in brackets right after the first (a
        # test on the figures' few positions, not a scan of the doc for a bracket).
        order = sorted(range(len(positions)), key=positions.__getitem__)
        for a, b in zip(order, order[1:], strict=False):
            bracketed = _bracketed_after(words, positions[a], positions[b])
            if bracketed or self._in_running_text(words, positions[a], positions[b]):
                first, second = spans[a], spans[b]
                fa, fb = get_figure(first), get_figure(second)
                if fa.kind == fb.kind and fa.kind not in NOT_RESTATED and fb.rule != BRACKET_PAIR \
                        and (bracketed or _same_amount(fa, fb)):
                    set_figure(second, fb.with_(same_as_char=first.start_char, **_period_of(fa, fb)))
        return doc

    def _in_running_text(self, words: list[str], first: Position, second: Position) -> bool:
        """Whether ``second`` follows ``first`` after a lead other than a bracket (", or")."""
        if second[0] <= first[1] + 1 or words[first[1]] == OPEN:
            return False
        lead = self.leads.match_ending_at(words, second[0])
        return lead is not None and lead[1] == first[1]


def _bracketed_after(words: list[str], first: Position, second: Position) -> bool:
    """Whether ``second`` is all that a pair of brackets right after ``first`` holds."""
    return (second[0] == first[1] + 1 and words[first[1]] == OPEN
            and second[1] < len(words) and words[second[1]] == CLOSE)


def _period_of(first: Figure, second: Figure) -> dict[str, str]:
    """The period a restatement takes from the figure it restates when it has none of its own:
    "in 2022 increased to 20,133 yuan (2,955 U.S. dollars)" dates the dollars too."""
    if second.period_start or not first.period_start:
        return {}
    return {"period_start": first.period_start, "period_end": first.period_end}


def _same_amount(first: Figure, second: Figure) -> bool:
    """Whether two figures of one kind may be one amount: money in two currencies, or
    values in one canonical unit that differ by at most ``OR_SAME_WITHIN``."""
    if first.unit != second.unit:
        # money in two currencies, priced per the same thing or per nothing: "5 yuan per kg, or
        # 200 yuan a pig" is two figures
        currency_a, _, per_a = first.unit.partition("/")
        currency_b, _, per_b = second.unit.partition("/")
        return first.kind == "money" and per_a == per_b and currency_a != currency_b
    a, b = first.value, second.value
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return abs(a - b) <= OR_SAME_WITHIN * max(a, b)


@Language.factory("agrofacts_restatements", assigns=["doc.spans"])
def make_restatement_linker(nlp: Language, name: str) -> RestatementLinker:
    return RestatementLinker(lexicons(nlp).restate_leads)
