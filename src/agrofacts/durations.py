"""Durations written without a number ("a decade", "more than a year", "half a month").

"48 hours", "five years" and "two-year programme" have a number and are
read by the quantity rules. An article "a"/"an" before a time unit is a
duration only where English uses it so: after a qualifier ("nearly a
decade", "over a year") or a duration word ("for a year", "within a
month"), and never before "ago"/"earlier" (a date) or after a price
("20 yuan a year", a rate) or "once"/"twice".
"""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span

from .datewords import DateWords, date_words
from .figure import SPAN_KEY, Figure, set_figure
from .lexicon import Lexicons, lexicons
from .numerals import ARTICLES
from .tokenlists import lowers_of, positions_of
from .tokenview import words_of
from .units import kind_of, normalise

HALF = Decimal("0.5")


class DurationRules:
    def __init__(self, lex: Lexicons, words: DateWords) -> None:
        self.lex = lex
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        lowers = lowers_of(doc)
        at = positions_of(lowers, ARTICLES)
        if not at:
            return doc
        found = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        claimed: set[int] | None = None  # made when an article is followed by a unit: few are
        texts = words_of(doc)
        units = self.lex.units
        added = []
        for i in at:
            if units.match_at(texts, i + 1) is None:
                continue  # ``duration`` finds nothing without a unit, and looks for nothing else first
            if claimed is None:
                claimed = {k for span in found for k in range(span.start, span.end)}
            if i in claimed:
                continue
            span = self.duration(doc, texts, lowers, i)
            if span is not None and not any(k in claimed for k in range(span.start, span.end)):
                added.append(span)
                claimed.update(range(span.start, span.end))
        if not added and found:
            keys = [(s.start, s.end) for s in found]
            if keys == sorted(keys):
                return doc  # the group is already what sorting it would make
        doc.spans[SPAN_KEY] = sorted(found + added, key=lambda s: (s.start, s.end))
        return doc

    def duration(self, doc: Doc, texts: list[str], lowers: list[str], i: int) -> Span | None:
        unit = self.lex.units.match_at(texts, i + 1)
        if unit is None or kind_of(unit[0])[0] != "duration":
            return None
        name, end = unit
        if end < len(doc) and self.words.has("not_duration", lowers[end]) \
                or self.lex.is_share(texts, end) or end < len(doc) and texts[end] == "-":
            return None  # "a year-earlier 2.6 million": "year" begins a compound adjective
        value, start = Decimal(1), i
        if i > 0 and lowers[i - 1] == "half":
            value, start = HALF, i - 1
        qualifier = "exact"
        qual = self.lex.qualifiers.match_ending_at(texts, start)
        if qual is not None:
            qualifier, start = qual
        elif start == 0 or not self.words.has("duration_lead", lowers[start - 1]):
            return None
        m = normalise(value, name)
        span = Span(doc, start, end, label=m.kind)
        set_figure(span, Figure(m.kind, m.value, m.unit, qualifier, rule="duration-article"))
        return span


@Language.factory("agrofacts_durations", assigns=["doc.spans"])
def make_duration_rules(nlp: Language, name: str) -> DurationRules:
    return DurationRules(lexicons(nlp), date_words(nlp))
