"""Counts: a number and the noun phrase it counts, as a spaCy component.

Runs after the quantity rules and skips the tokens they claimed. Without a
tagger, the counted noun phrase is read with two word lists: it runs from
the number to the first plural noun ("29 member enterprises such as ..."),
and stops early at a function word (count_stopwords.txt). A number with no
noun of its own takes the noun of the count it continues in the same
sentence ("420 online stores ..., including more than 200 on Taobao.com").
Years, days of a month, multipliers ("10 times") and labels are not counts.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import Reading, number_starts, read_number, trailing_qualifier, words_of
from .figure import SPAN_KEY, Figure
from .lexicon import Lexicons, lexicons
from .numerals import MILLION

#: The longest noun phrase (in words) read after a number.
MAX_PHRASE_WORDS = 6


class CountRules:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        words = words_of(doc)
        found = list(doc.spans.get(SPAN_KEY, []))
        claimed = {i for span in found for i in range(span.start, span.end)}
        added = []
        i = 0
        for start in number_starts(doc, self.lex):  # other tokens cannot start a figure
            if start < i:
                continue
            i = start
            if i in claimed:
                i += 1
                continue
            r = read_number(doc, words, i, self.lex)
            if r is None or any(t in claimed for t in range(r.start, r.end)):
                i += 1
                continue
            span = self.count(doc, r, added)
            if span is not None:
                added.append(span)
                i = span.end
            else:
                i = r.end
        doc.spans[SPAN_KEY] = sorted(found + added, key=lambda s: (s.start, s.end))
        return doc

    def count(self, doc: Doc, r: Reading, earlier: list[Span]) -> Span | None:
        if self._is_date_part(doc, r) or self._is_year(doc, r):
            return None
        end = r.end
        if r.million_m is not None:
            end = r.million_m  # "1.2m people": a glued m before a noun is a million
            r = _scaled(r)
        phrase = self.noun_phrase(doc, end)
        if phrase is _NOT_COUNTED:
            return None
        if phrase is not None and r.num.year_like and r.qualifier == "exact":
            return None  # "the 2008 Olympics": unqualified, a bare 1800-2199 is a year, not a count
        if phrase is not None:
            first, head_end = phrase
            if r.num.spelled and r.value == 1 and r.num.scale == 1:
                return None  # "one county": a singular, not a figure worth a row
            item = doc[first:head_end].text
            qualifier, end = trailing_qualifier(words_of(doc), head_end, r.qualifier, self.lex)
            return _span(doc, r.start, end, replace(r, qualifier=qualifier), item, "count")
        if r.num.year_like or r.num.spelled:
            return None  # "one of the giants": a spelled number needs its own noun
        before = self.noun_before(doc, r.start)
        if before is not None:
            first, last = before
            return _span(doc, first, r.end, r, doc[first:last].text, "count-noun-first")
        sent_start = doc[r.num.start].sent.start
        previous = [s for s in earlier if s.start >= sent_start and s._.figure.item]
        if previous:
            return _span(doc, r.start, r.end, r, previous[-1]._.figure.item, "count-continued")
        if r.num.scale > 1 and not r.num.spelled:
            return _span(doc, r.start, r.end, r, "", "count-bare")
        return None

    def noun_phrase(self, doc: Doc, k: int):
        """(first token, end) of the counted noun phrase starting at ``k``, or None."""
        lex = self.lex
        j, n, words = k, len(doc), 0
        while j < n and words < MAX_PHRASE_WORDS:
            tok = doc[j]
            if tok.text == "-" and words and not doc[j - 1].whitespace_ and not tok.whitespace_ \
                    and j + 1 < n and doc[j + 1].is_alpha:
                j += 1
                continue
            if not tok.is_alpha and not (words == 0 and tok.text in lex.not_counted):
                return None
            low = tok.lower_
            if words == 0 and j > 0 and not doc[j - 1].whitespace_ and tok.is_alpha:
                return _NOT_COUNTED  # "5G networks", "3D printers": a name glued to its digit
            if low in lex.not_counted:
                return _NOT_COUNTED if words == 0 else None
            if low in lex.stopwords or tok.text in lex.months:
                return None
            words += 1
            if lex.is_plural(low):
                return k, j + 1
            j += 1
        return None

    def noun_before(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """'the number of online stores reached' + number: (first, end) of 'online stores'."""
        words = [t.text for t in doc[max(0, start - 4):start]]
        link = self.lex.count_links.match_ending_at(words, len(words))
        if link is None:
            return None
        end = start - (len(words) - link[1])
        counted = self._number_of(doc, end)
        if counted is not None:
            return counted
        if end < 1 or not self.lex.is_plural(doc[end - 1].lower_):
            return None
        first = end - 1
        while first > 0 and end - first < MAX_PHRASE_WORDS:
            tok = doc[first - 1]
            if not tok.is_alpha or tok.lower_ in self.lex.stopwords:
                break
            first -= 1
        return first, end

    def _number_of(self, doc: Doc, end: int) -> tuple[int, int] | None:
        """'the number of online stores in rural areas hit ...': the noun after 'number of'."""
        sent_start = doc[end - 1].sent.start if end > 0 else 0
        for j in range(end - 2, max(sent_start, end - 12) - 1, -1):
            if doc[j].lower_ in ("number", "numbers") and doc[j + 1].lower_ == "of":
                phrase = self.noun_phrase(doc, j + 2)
                if isinstance(phrase, tuple) and phrase[1] <= end:
                    return phrase
                return None
        return None

    def _is_year(self, doc: Doc, r: Reading) -> bool:
        """'in 2019 farmers earned ...': a year after a time word is a year, whatever follows."""
        if not r.num.year_like or r.qualifier != "exact":
            return False
        before = doc[r.num.start - 1].lower_ if r.num.start > 0 else ""
        return before in self.lex.words("time_preposition") or before in self.lex.months

    def _is_date_part(self, doc: Doc, r: Reading) -> bool:
        """'Oct. 23', '23 October', 'July 25, 2019': a day of a month is a date, not a count."""
        months = self.lex.months
        before = doc[r.num.start - 1].text if r.num.start > 0 else ""
        after = doc[r.num.end].text if r.num.end < len(doc) else ""
        return not r.num.spelled and r.num.scale == 1 and (before in months or after in months)


_NOT_COUNTED = object()


def _scaled(r: Reading) -> Reading:
    return replace(r, value=r.value * MILLION,
                   value_max=None if r.value_max is None else r.value_max * MILLION)


def _span(doc: Doc, start: int, end: int, r: Reading, item: str, rule: str) -> Span:
    span = Span(doc, start, end, label="count")
    span._.figure = Figure("count", r.value, "", r.qualifier, r.value_max, item=item, rule=rule)
    return span


@Language.factory("agrofacts_counts", assigns=["doc.spans"])
def make_count_rules(nlp: Language, name: str) -> CountRules:
    return CountRules(lexicons(nlp))
