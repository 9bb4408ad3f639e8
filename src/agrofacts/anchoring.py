"""Anchoring figures in time, as a spaCy component run after the figure rules.

A figure takes the period of the date that governs its clause (clauses are
the stretches of a sentence between commas, semicolons, colons and dashes):

1. a date later in the same clause: "reached 240 billion yuan in 2017",
   "sales of 5 billion yuan ... as of September";
2. else a date that opens the figure's clause: "In 2017 more than 28
   million users ...";
3. else a date fronted before the clause, opening an earlier clause of the
   sentence and closed by the break: "In 2017, more than 28 million users
   ...", "Li said that in the first half of this year, ..., the alliance sold
   2 billion yuan".

A date that is a base of comparison ("up 5 percent over the previous
year", "than in 2018"), a date in the middle of a clause before the figure
("set up a fund in December 2017 and plans to invest 10 billion yuan"), a
dateline, or a date without a period governs nothing. "Since X" runs from
the start of X to the publication date (nothing when that is unknown).
When no rule applies the figure keeps an empty period: no guessing.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import words_of
from .dates import published_date
from .datewords import DateWords, date_words
from .figure import SPAN_KEY
from .tokenlists import lowers_of, spaced_of

BREAKS = frozenset({",", ";", ":", "--", "—", "–", "-"})
#: How many tokens before a date a "since" may stand: "since its founding in August 2018".
SINCE_WINDOW = 5
#: How many tokens before a date a comparison word may stand: "compared with 2018".
COMPARISON_WINDOW = 2


class Anchoring:
    def __init__(self, words: DateWords) -> None:
        self.words = words
        self.opening = (set(words.role("fronting")) | set(words.role("lead"))
                        | {w for w in words.role("bound")} | {"the", "of", "as"})

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(SPAN_KEY, []))  # a SpanGroup makes new Span objects per pass
        if not any(s.label_ == "date" for s in spans):
            return doc  # a date figure's span is labelled "date" (dates.py): no ``s._`` look-ups
        with_figures = [(s, s._.figure) for s in spans]  # each ``s._`` is a lookup: read it once
        dates = [s for s, fig in with_figures if fig.kind == "date" and fig.period_start
                 and fig.rule != "dateline"]
        if not dates:
            return doc
        figures = [(s, fig) for s, fig in with_figures if fig.kind != "date" and not fig.period_start]
        if not figures:
            return doc
        pub = published_date(doc)
        clause, sentence = _clause_numbers(doc)
        figure_spans = [s for s, _ in figures]
        for span, fig in figures:
            same = [d for d in dates if sentence[d.start] == sentence[span.start]]
            date = self.governing(doc, span, same, clause, figure_spans) if same else None
            if date is None:
                continue
            start, end = date._.figure.period_start, date._.figure.period_end
            if self._since(doc, date, clause):
                if pub is None:
                    continue
                end = pub.isoformat()
                if end < start:
                    continue
            span._.figure = fig.with_(period_start=start, period_end=end)
        return doc

    def governing(self, doc: Doc, fig: Span, dates: list[Span], clause: list[int],
                  figures: list[Span] = ()) -> Span | None:
        own = clause[fig.start]
        usable = [d for d in dates if not self._comparison(doc, d, clause)]
        after = [d for d in usable if clause[d.start] == own and d.start >= fig.end
                 and not _figure_between(fig, d, figures)]
        if after:
            return min(after, key=lambda d: d.start)
        opening = [d for d in usable if clause[d.start] == own and d.end <= fig.start
                   and self._opens_clause(doc, d, clause)]
        if opening:
            return max(opening, key=lambda d: d.start)
        fronted = [d for d in usable if clause[d.start] < own and d.end <= fig.start
                   and self._opens_clause(doc, d, clause) and d.end < len(doc)
                   and words_of(doc)[d.end] in BREAKS]
        return max(fronted, key=lambda d: d.start) if fronted else None

    def _opens_clause(self, doc: Doc, date: Span, clause: list[int]) -> bool:
        """Only time and linking words ("said that in") stand between the clause start and the date."""
        words, lowers = words_of(doc), lowers_of(doc)
        i = date.start - 1
        while i >= 0 and clause[i] == clause[date.start] and words[i] not in BREAKS:
            if self.words.has("clause_opener", lowers[i]):
                return True  # "He said that in 2019, ...": the date opens the that-clause
            if lowers[i] not in self.opening:
                return False
            i -= 1
        return True

    def _comparison(self, doc: Doc, date: Span, clause: list[int]) -> bool:
        lowers = lowers_of(doc)
        for i in range(max(0, date.start - COMPARISON_WINDOW), date.start):
            if clause[i] == clause[date.start] and self.words.has("comparison", lowers[i]):
                return True
        return False

    def _since(self, doc: Doc, date: Span, clause: list[int]) -> bool:
        if date._.figure.rule == "bound-since":
            return True
        lowers = lowers_of(doc)
        for i in range(max(0, date.start - SINCE_WINDOW), date.start):
            if lowers[i] == "since" and clause[i] == clause[date.start]:
                return True
        return False


def _figure_between(fig: Span, date: Span, figures) -> bool:
    """'fell to 2% from a peak of 19% in March 2023': the date is the 19%'s, not the 2%'s.

    A restatement of ``fig`` in brackets ("2 billion yuan ($280 million) in 2019") does not count.
    """
    return any(fig.end <= other.start and other.end <= date.start
               and not _bracketed_after(fig, other) for other in figures)


def _bracketed_after(fig: Span, other: Span) -> bool:
    """'2 billion yuan ($280 million)': ``other`` restates ``fig`` (restatements runs later)."""
    return other.start == fig.end + 1 and words_of(fig.doc)[fig.end] == "("


def _clause_numbers(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the number of its clause and of its sentence (a break ends a clause)."""
    words, spaced = words_of(doc), spaced_of(doc)
    numbers, sentences = [], []
    n = s = 0
    starts = (doc.to_array(SENT_START) == 1).tolist() if len(doc) else []
    for i, (word, start) in enumerate(zip(words, starts, strict=True)):
        if start:
            n += 1
            s += 1
        numbers.append(n)
        sentences.append(s)
        if word in BREAKS and not _inside_word(words, spaced, i):
            n += 1
    return numbers, sentences


def _inside_word(words: list[str], spaced: list[bool], i: int) -> bool:
    """A hyphen joining two words or numbers ("e-commerce", "2016-2020") breaks no clause."""
    return words[i] == "-" and i > 0 and not spaced[i - 1] and not spaced[i]


@Language.factory("agrofacts_anchoring", assigns=["doc.spans"])
def make_anchoring(nlp: Language, name: str) -> Anchoring:
    return Anchoring(date_words(nlp))
