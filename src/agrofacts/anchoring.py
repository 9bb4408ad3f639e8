"""Anchoring figures in time, as a spaCy component run after the figure rules.

A figure takes the period of the date that governs its clause (clauses are
the stretches of a sentence between commas, semicolons, colons and dashes):

1. a date later in the same clause: "reached 240 billion yuan in 2017",
   "sales of 5 billion yuan ... as of September";
2. else a date that opens the figure's clause: "In 2017 more than 28
   million users ...";
3. else a date at the end of the clause's subject, tied to the figure by
   the verb alone: "Sales in January-October 2021 hit 3 billion yuan",
   "Its revenue in 2020 was 3.5 million yuan" (the verbs are count_links.txt's);
4. else a date fronted before the clause, opening an earlier clause of the
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

from bisect import bisect_right
from itertools import compress
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import CHANGE_WINDOW, after_change_word
from .dates import WINDOW_RULE, published_date
from .datewords import DateWords, date_words
from .figure import SPAN_KEY, Figure, facts_of, set_figure
from .lexicon import ARTICLES, Lexicons, lexicons
from .subjects import POSSESSIVE
from .tokenlists import kept_sentence_starts, lowers_of
from .tokenview import spaces_of, words_of

BREAKS = frozenset({",", ";", ":", "--", "—", "–", "-"})
#: How many tokens before a date a "since" may stand: "since its founding in August 2018".
SINCE_WINDOW = 5
#: How many tokens before a date a comparison word may stand: "compared with 2018" (not counting a
#: "that of" between them, data/date_words.csv ``base_pronoun``: "higher than that of 2019").
COMPARISON_WINDOW = 2
#: How many tokens before a date a word that surely compares may stand, with no number between:
#: "relative to the August 2023 headline inflation rate".
STRONG_COMPARISON_WINDOW = 8
#: How many tokens before a date "same" may stand: "from the same month a year ago".
SAME_PERIOD_WINDOW = 4
#: How many words naming a period may follow its date before the verb: "marketing year".
MAX_PERIOD_NOUNS = 2
#: How many tokens may stand between a change and its "to": "rose 5 percent year-on-year to".
CHANGE_GAP = 5
#: Words in -ed this short are nouns ("feed", "seed", "need"), no participles.
PARTICIPLE_MIN = 4
#: How many words before a date a "from" may open the level a change is measured from:
#: "down 18.15 percent from the average price on Nov 1".
BASE_WINDOW = 6
#: How many words before a figure may say it is a base of comparison: "compared with 4 billion".
COMPARED_WINDOW = 3
#: The clause number of a token whose sentence holds no date and figure: equal to no real number.
UNNUMBERED = -1
#: Whether ``Span._.figure`` is a plain value kept in ``doc.user_data`` (``figure.set_figure``), so
#: it can be read there without building an Underscore object per span.
PLAIN_FIGURE = Span.get_extension("figure") == (None, None, None, None)


class _Date(NamedTuple):
    """A date figure with a period, and what its place in the clause says about it (read once)."""

    start: int
    end: int
    figure: Figure
    usable: bool  # not a base of comparison ("up 5 percent over the previous year")
    opens: bool  # only time and linking words stand between its clause start and it
    since: bool  # "since X": runs to the publication date


class Anchoring:
    def __init__(self, words: DateWords, lex: Lexicons) -> None:
        self.words, self.lex = words, lex
        self.links = lex.count_links
        self.period_nouns = frozenset(words.role("period_noun"))
        self.opening = (set(words.role("fronting")) | set(words.role("lead"))
                        | {w for w in words.role("bound")} | {"the", "of", "as"})
        self.clause_openers = frozenset(words.role("clause_opener"))
        self.complementizers = frozenset(words.role("complementizer"))
        self.distributive = frozenset(words.role("distributive"))
        self.past_forms = frozenset(words.role("past"))
        self.reporting = frozenset(words.role("reporting")) | lex.words("report_form")
        self.comparison = frozenset(words.role("comparison"))
        self.comparison_strong = frozenset(words.role("comparison_strong"))
        self.base_pronouns = frozenset(words.role("base_pronoun"))
        self.same_period = frozenset(words.role("same_period"))
        self.stress = frozenset(words.role("date_stress"))
        self.change_from, self.change_to = lex.words("change_from"), lex.words("change_to")
        self.change_words = lex.words("change_word")
        self.change_by = lex.words("change_by")
        self.participles = lex.words("clause_participle")

    def __call__(self, doc: Doc) -> Doc:
        if SPAN_KEY not in doc.spans:
            return doc
        spans, _positions = facts_of(doc)  # the counts component's list: no new Span objects
        if not any(s.label_ == "date" for s in spans):
            return doc  # a date figure's span is labelled "date" (dates.py): no figure look-ups
        figs = figures_of(doc, spans)
        starts = kept_sentence_starts(doc)
        dates: dict[int, list[tuple[int, int, Figure]]] = {}  # sentence number -> its dates, in order
        for s, fig in zip(spans, figs, strict=True):
            if fig.kind == "date" and fig.period_start and fig.rule != "dateline":
                dates.setdefault(bisect_right(starts, s.start), []).append((s.start, s.end, fig))
        if not dates:
            return doc
        # the figures without a period in the sentences with a date, in order, by sentence
        figures: dict[int, list[tuple[Span, Figure]]] = {}
        for s, fig in zip(spans, figs, strict=True):
            if fig.kind != "date" and not fig.period_start:
                number = bisect_right(starts, s.start)
                if number in dates:
                    figures.setdefault(number, []).append((s, fig))
        if not figures:
            return doc
        pub = published_date(doc)
        clauses = _Clauses(doc, starts)
        for number, in_sentence in figures.items():
            clauses.number_sentence(number)
            same = [self._read(doc, d, clauses.numbers) for d in dates[number]]
            # a figure between another and a date lies in their sentence: only these can be
            positions = [(s.start, s.end) for s, _ in in_sentence]
            last: tuple[int, str, str] | None = None  # (clause, period) of the figure before, if it has one
            last_span: tuple[int, int] | None = None  # where the figure before stands
            for span, fig in in_sentence:
                date = self.governing(doc, span.start, span.end, same, clauses.numbers, positions,
                                      clauses.firsts)
                period = None if date is None else _period_of(date, pub)
                if period is None and last is not None:
                    period = self._continued(doc, span.start, clauses.numbers, last)
                if period is None and last is not None and last_span is not None \
                        and self._change_reached(doc, last_span[0], last_span[1], span.start):
                    period = last[1], last[2]  # "rose 5 percent in January to 12 billion dollars"
                last = None if period is None or self._compared(doc, span.start, clauses.numbers) \
                    else (clauses.numbers[span.start], *period)
                last_span = (span.start, span.end)
                if period is not None:
                    set_figure(span, fig.with_(period_start=period[0], period_end=period[1]))
        return doc

    def _compared(self, doc: Doc, fig_start: int, clause: list[int]) -> bool:
        """Whether the figure's clause compares it before it is named ("compared with 4 billion
        yuan in 2019"): a base, whose period a change clause after it does not share."""
        lowers = lowers_of(doc)
        first = max(fig_start - COMPARED_WINDOW, 0)
        while first < fig_start and clause[first] != clause[fig_start]:
            first += 1
        return not self.comparison.isdisjoint(lowers[first:fig_start])

    def _continued(self, doc: Doc, fig_start: int, clause: list[int],
                   before: tuple[int, str, str]) -> tuple[str, str] | None:
        """'reached 11.95 billion yuan in 2022, up 5.8% year-on-year': a clause that opens with a
        change ("up", "down", "an increase of") and names no date of its own tells how the
        figure before it changed, over that figure's period: (start, end) of ``before``'s period
        when ``before`` stands in an earlier clause of the sentence."""
        own = clause[fig_start]
        if before[0] >= own:
            return None
        lowers = lowers_of(doc)
        first = fig_start
        while first > 0 and clause[first - 1] == own:
            first -= 1
        words = lowers[first:fig_start]
        if not words or not self.change_from.isdisjoint(words):
            return None  # "an increase from the 1,274-yuan standard": the base, not the period's
        if words[0] in self.change_words or words[0] in ARTICLES \
                and not self.change_words.isdisjoint(words[1:]):
            return before[1], before[2]
        return None

    def _read(self, doc: Doc, date: tuple[int, int, Figure], clause: list[int]) -> _Date:
        start, end, fig = date
        # a window ("over the 12 weeks to 7 July") is a time the figure covers, never a base
        base = fig.rule != WINDOW_RULE and self._comparison(doc, start, clause)
        return _Date(start, end, fig, not base,
                     self._opens_clause(doc, start, end, clause), self._since(doc, start, fig, clause))

    def governing(self, doc: Doc, fig_start: int, fig_end: int, dates: list[_Date], clause: list[int],
                  figures: list[tuple[int, int]], firsts: dict[int, int]) -> _Date | None:
        """The date that governs the figure at ``fig_start:fig_end``, of its sentence's ``dates``
        (``clause`` and ``firsts``: the clause numbers of the tokens and each clause's first token)."""
        own = clause[fig_start]
        after = [d for d in dates if d.usable and clause[d.start] == own and d.start >= fig_end
                 and not self._figure_between(doc, fig_start, fig_end, d.start, figures)]
        if after:
            return min(after, key=lambda d: d.start)
        opening = [d for d in dates if d.usable and clause[d.start] == own and d.end <= fig_start
                   and d.opens]
        if opening:
            return max(opening, key=lambda d: d.start)
        words = words_of(doc)
        linked = [d for d in dates if d.usable and clause[d.start] == own and d.end < fig_start
                  and self._linked(words, d.start, d.end, fig_start)]
        if linked:
            return max(linked, key=lambda d: d.start)
        if self._participle_opens(doc, fig_start, firsts[own]):
            before = [d for d in dates if d.usable and clause[d.start] == own - 1 and d.end <= fig_start]
            if len(before) == 1:  # "Output hit a record in 2022, reaching 147.39 million tons"
                return before[0]  # (not "from 2001 to 2010, with an annual growth of 11.9 percent")
        fronted = [d for d in dates if d.usable and clause[d.start] < own and d.end <= fig_start
                   and d.opens and self._closed_by_break(words, d.end)]
        return max(fronted, key=lambda d: d.start) if fronted else None

    def _participle_opens(self, doc: Doc, fig_start: int, first: int) -> bool:
        """Whether the figure's clause (which starts at token ``first``) opens with a participle
        that goes on from the clause before ("reaching", "accounting for"): its figure belongs to
        that clause's time."""
        lowers = lowers_of(doc)
        return first < fig_start and lowers[first] in self.participles \
            and self.reporting.isdisjoint(lowers[first:fig_start])  # "with the organizers saying"

    def _figure_between(self, doc: Doc, fig_start: int, fig_end: int, date_start: int,
                        figures: list[tuple[int, int]]) -> bool:
        """'fell to 2% from a peak of 19% in March 2023': the date is the 19%'s, not the 2%'s.

        A restatement in brackets ("2 billion yuan ($280 million) in 2019") does not count,
        nor the level a change reached and its restatement ("rose 20 percent to 3 billion
        yuan ($420 million) in 2020": all are 2020's), unless the figure is the level the
        change started from ("from 5 to 8 percent in 2020": the 5 is not 2020's).
        """
        lowers = lowers_of(doc)
        if not self.distributive.isdisjoint(lowers[fig_end:date_start]):
            return False  # "5 billion yuan and 300 million yuan respectively in 2019": all the date's
        last = fig_end  # the end of the figure, or of the last one between that does not count
        for start, end in figures:
            if start < fig_end or end > date_start:
                continue
            if _bracketed_after(doc, last, start) or last == fig_end \
                    and self._change_reached(doc, fig_start, fig_end, start):
                last = end
                continue
            return True
        return False

    def _change_reached(self, doc: Doc, fig_start: int, fig_end: int, other_start: int) -> bool:
        """Whether the figure at ``other_start`` is the level the change at ``fig_start:fig_end``
        reached: the figure is a change (a change word just before it), "to" (and a linking
        verb: "to reach") stands just before the other, at most "year on year" after the
        change, and no "from" before either figure."""
        lowers = lowers_of(doc)
        if not after_change_word(words_of(doc), fig_start, self.lex):
            return False  # not a change ("the 600 million residents ... doubled to reach")
        at = other_start - 1
        if at > fig_end and lowers[at] not in self.change_to:
            link = self.links.match_ending_at(words_of(doc), other_start)  # "to reach", "to hit"
            at = -1 if link is None else link[1] - 1
        if at <= fig_end - 1 or at - fig_end > CHANGE_GAP or lowers[at] not in self.change_to:
            return False
        if lowers[at - 1] in self.comparison:
            return False  # "rose 5 percent in May compared to 3 percent": a base, not a level reached
        if fig_start > 0 and lowers[fig_start - 1] in self.change_from:
            return False
        return self.change_from.isdisjoint(lowers[fig_end:other_start])

    def _closed_by_break(self, words: list[str], date_end: int) -> bool:
        """Whether a break follows the date, after at most a word that stresses it ("In July
        alone, imports reached ...")."""
        at = date_end
        if at < len(words) and words[at].lower() in self.stress:
            at += 1
        return at < len(words) and words[at] in BREAKS

    def _linked(self, words: list[str], date_start: int, date_end: int, fig_start: int) -> bool:
        """Whether only a linking verb ("hit", "rose to", "was") or a verb of change ("rose",
        "fell by") stands between a date and a figure, after at most two words that name the
        period ("the 2023/24 season rose to")."""
        at = date_end
        while at < fig_start and at - date_end < MAX_PERIOD_NOUNS \
                and words[at].lower() in self.period_nouns:
            at += 1
        link = self.links.match_at(words, at)
        if link is not None and link[1] == fig_start:
            return True
        # "Exports in the first 10 months rose 5 percent": a verb of change, perhaps with "by";
        # not after a participle, whose date it is ("Trees planted in 2010 grew 3 meters")
        before = words[date_start - 2].lower() if date_start > 1 else ""
        if len(before) > PARTICIPLE_MIN and before.endswith("ed") or before in self.past_forms:
            return False  # "planted in 2010", "made in 2019" ("feed", "seed" are nouns)
        return at < fig_start and words[at].lower() in self.change_words and (
            at + 1 == fig_start or at + 2 == fig_start and words[at + 1].lower() in self.change_by)

    def _opens_clause(self, doc: Doc, start: int, end: int, clause: list[int]) -> bool:
        """Only time and linking words ("said that in", "data showed in") stand between the clause
        start and the date, and no "that" follows it: "showed on Monday that ..." dates the
        showing, not what was shown."""
        words, lowers = words_of(doc), lowers_of(doc)
        if end < len(lowers) and lowers[end] in self.complementizers:
            return False
        i = start - 1
        while i >= 0 and clause[i] == clause[start] and words[i] not in BREAKS:
            if lowers[i] in self.clause_openers:
                return True  # "He said that in 2019, ...": the date opens the that-clause
            if lowers[i] not in self.opening:
                return False
            i -= 1
        return True

    def _compared_before(self, lowers: list[str], start: int, clause: list[int]) -> bool:
        """A word that surely compares ("relative to", "compared with", "than") earlier in the
        date's clause with no number between: "26.72 percent relative to the August 2023 rate",
        "2.67% more than what was estimated in May". The date is the base's."""
        for i in range(start - 1, max(-1, start - STRONG_COMPARISON_WINDOW - 1), -1):
            if clause[i] != clause[start]:
                return False
            if lowers[i][:1].isdigit() and not (i + 1 < start and lowers[i + 1] in POSSESSIVE):
                return False  # a figure between ("than 20 farms in 2020"); "2019's" names the base
            if lowers[i] in self.comparison_strong:
                return True
        return False

    def _comparison(self, doc: Doc, start: int, clause: list[int]) -> bool:
        """Whether the date is a base of comparison: a comparison word just before it ("over
        2018"), or "the same period/month" a little before it ("from the same period last year")."""
        lowers = lowers_of(doc)
        window = lowers[max(0, start - SAME_PERIOD_WINDOW):start]
        if self._change_base(words_of(doc), lowers, start, clause):
            return True
        # "than that of 2019", "those of 2020": the pronoun and its "of" stand between
        that_of = len(window) >= 2 and window[-1] == "of" and window[-2] in self.base_pronouns
        reach = COMPARISON_WINDOW + (2 if that_of else 0)
        if self._compared_before(lowers, start, clause):
            return True
        if self.comparison.isdisjoint(window[-reach:]) and self.same_period.isdisjoint(window):
            return False  # most dates: neither word near, at two set tests
        for i in range(max(0, start - reach), start):
            if clause[i] == clause[start] and lowers[i] in self.comparison:
                return True
        return any(clause[i] == clause[start] and lowers[i] in self.same_period
                   for i in range(max(0, start - SAME_PERIOD_WINDOW), start))

    def _change_base(self, words: list[str], lowers: list[str], start: int, clause: list[int]) -> bool:
        """'down 18.15 percent from the average price on Nov 1': the date of the level a change
        is measured from ("from" a few words before it, a word of change or a figure just
        before the "from"), in the date's clause."""
        lo = max(0, start - BASE_WINDOW)
        for j in range(start - 1, lo - 1, -1):
            if clause[j] != clause[start]:
                return False
            if lowers[j][:1].isdigit():
                return False  # "from 113 million tons in 1949": the date of the base figure itself
            if lowers[j] in self.change_from:
                return after_change_word(words, j, self.lex) \
                    or any(w[:1].isdigit() for w in lowers[max(0, j - CHANGE_WINDOW):j])
        return False

    def _since(self, doc: Doc, start: int, fig: Figure, clause: list[int]) -> bool:
        if fig.rule == "bound-since":
            return True
        lowers = lowers_of(doc)
        for i in range(max(0, start - SINCE_WINDOW), start):
            if lowers[i] == "since" and clause[i] == clause[start]:
                return True
        return False


def _period_of(date: _Date, pub) -> tuple[str, str] | None:
    """(start, end) of the period a governing date gives; "since X" runs to the publication
    date, so gives nothing without one."""
    start, end = date.figure.period_start, date.figure.period_end
    if date.since:
        if pub is None:
            return None
        end = pub.isoformat()
        if end < start:
            return None
    return start, end


def figures_of(doc: Doc, spans: list[Span]) -> list[Figure | None]:
    """``span._.figure`` of each span.

    Read straight from ``doc.user_data``, where spaCy keeps a plain extension's value (see
    ``figure.set_figure``): an Underscore object per span costs more than the rest of the rule.
    """
    if not PLAIN_FIGURE:
        return [s._.figure for s in spans]
    data = doc.user_data
    return [data.get(("._.", "figure", s.start_char, s.end_char)) for s in spans]


def _bracketed_after(doc: Doc, fig_end: int, other_start: int) -> bool:
    """'2 billion yuan ($280 million)': the figure at ``other_start`` restates the one ending at
    ``fig_end`` (restatements runs later)."""
    return other_start == fig_end + 1 and words_of(doc)[fig_end] == "("


class _Clauses:
    """Each token's clause number (a break ends a clause), counted only in the sentences asked for.

    Only sentences that hold both a date and a figure are asked about, so the rest of the doc is
    never read. Numbers are ``sentence * (len(doc) + 1) + breaks before the token in its
    sentence``: two tokens share a number exactly when one clause holds both, and numbers grow
    along the doc, as a count over the whole doc would. Unasked tokens hold ``UNNUMBERED``.
    """

    def __init__(self, doc: Doc, starts: list[int]) -> None:
        self.words, self.spaces = words_of(doc), spaces_of(doc)
        self.starts = starts
        self.numbers = [UNNUMBERED] * len(self.words)
        #: clause number -> its first token (the token after the break that ends the one before)
        self.firsts: dict[int, int] = {}

    def number_sentence(self, number: int) -> None:
        """Number the tokens of sentence ``number`` (``bisect_right(starts, i)`` of its tokens)."""
        starts, words, numbers = self.starts, self.words, self.numbers
        begin = starts[number - 1] if number else 0
        end = starts[number] if number < len(starts) else len(words)
        n = number * (len(words) + 1)
        # the breaks are found in C; each clause's tokens get their number in one slice
        at = begin
        firsts = self.firsts
        for i in compress(range(begin, end), map(BREAKS.__contains__, words[begin:end])):
            if not _inside_word(words, self.spaces, i):
                numbers[at:i + 1] = [n] * (i + 1 - at)  # a break belongs to the clause it ends
                firsts[n] = at
                n, at = n + 1, i + 1
        numbers[at:end] = [n] * (end - at)
        firsts[n] = at


def _inside_word(words: list[str], spaces: list[int], i: int) -> bool:
    """A hyphen joining two words or numbers ("e-commerce", "2016-2020") breaks no clause."""
    return words[i] == "-" and i > 0 and not spaces[i - 1] and not spaces[i]


@Language.factory("agrofacts_anchoring", assigns=["doc.spans"])
def make_anchoring(nlp: Language, name: str) -> Anchoring:
    return Anchoring(date_words(nlp), lexicons(nlp))
