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

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import (
    NumberReader,
    Reading,
    clock_time_after,
    figure_starts,
    size_adjective_end,
    trailing_qualifier,
)
from .figure import SPAN_KEY, Figure, Position, TokenMask, facts_of, hand_over, set_figure
from .items import item_before
from .lexicon import ARTICLES, Lexicons, lexicons
from .numerals import MILLION
from .subjects import SubjectItem
from .tokenview import TokenView
from .units import kind_of

#: A count found at tokens start:end, before it is made a Span: (start, end, figure).
Found = tuple[int, int, Figure]
#: The longest noun phrase (in words) read after a number.
MAX_PHRASE_WORDS = 6
#: How many words a sentence must hold, up to a bare scaled number, for it to count anything: a
#: share counter on a line of its own ("8.03K", "Shares 1.2K") says nothing.
BARE_COUNT_WORDS = 3
#: How far into a quoted slogan its numbers may stand: '"three regions and three prefectures"'.
SLOGAN_WORDS = 8
#: Quotation marks around a counted noun: '4,310 "Taobao villages"'.
OPENING_QUOTES = frozenset({'"', "“", "‘"})
CLOSING_QUOTES = frozenset({'"', "”", "’"})
#: The mark of a plural possessive: "farmers' cooperatives", "farmers’ cooperatives".
APOSTROPHES = frozenset({"'", "’"})
#: Marks a quoted slogan may end with inside its closing quote.
SLOGAN_END_MARKS = frozenset({",", ".", ";", ":"})
#: Spelled numbers below this after "the", "these", "its": things named before ("the two chains").
SPELLED_BACK_REFERENCE = 10
#: Brackets that open a restatement: "3 billion yuan (488.73 million)".
OPENING_BRACKETS = frozenset({"(", "["})


class CountRules:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.age_before, self.age_after = lex.words("age_before"), lex.words("age_after")
        self.coordinators = lex.words("phrase_coordinator")  # "tax reduction or exemption measures"
        self.year_nouns = lex.words("year_noun")  # "below 2024 levels": a year, however qualified
        self.relative_after = lex.words("relative_after")
        self.verb_qualifiers = lex.words("verb_qualifier")  # "will exceed 2020 sales": still a year
        self.singular_links = lex.words("singular_link")
        self.subject = SubjectItem(lex, counted=True)

    def __call__(self, doc: Doc) -> Doc:
        starts = figure_starts(doc, self.lex)  # other tokens cannot start a figure
        found, positions = facts_of(doc)
        added = self._counts(TokenView(doc), starts, positions) if starts else []
        if added:
            found = found + [_span(doc, start, end, fig) for start, end, fig in added]
            positions = positions + [(start, end) for start, end, _fig in added]
        write = bool(added) or SPAN_KEY not in doc.spans
        if write or not _in_order(positions):  # else sorting changes nothing
            # sorted by position as ``sorted(spans, key=position)`` would, ties in group order
            order = sorted(range(len(positions)), key=positions.__getitem__)
            found, positions = [found[k] for k in order], [positions[k] for k in order]
            write = True
        hand_over(doc, found, positions, write=write)
        return doc

    def _counts(self, view: TokenView, starts: list[int], found: list[Position]) -> list[Found]:
        """The counts at the number ``starts`` that no span at ``found`` claimed, as (start, end, figure)."""
        claimed = TokenMask.of_positions(found, view.n)
        reader = NumberReader(view, self.lex)
        added: list[Found] = []
        i = 0
        for start in starts:
            if start < i:
                continue
            i = start
            if i in claimed:
                i += 1
                continue
            r = reader.at(i)
            if r is None or claimed.any(r.start, r.end):
                i += 1
                continue
            counted = self.count(view, r, added)
            if counted is not None:
                added.append(counted)
                i = counted[1]
            else:
                i = r.end
        return added

    def count(self, view: TokenView, r: Reading, earlier: list[Found]) -> Found | None:
        """The count read at ``r`` as (start, end, figure), or None; ``earlier``: counts before it."""
        if r.value < 0:
            return None  # "-5": a change, never a number of things
        if r.num.spelled and _in_slogan(view, r.start, self.lex):
            return None  # '"two assurances and three guarantees"': a slogan names, it does not count
        if self._is_date_part(view, r) or self._is_year(view, r) or self._is_ratio(view, r) \
                or r.start > 0 and view.lower(r.start - 1) in self.age_before:
            return None  # "one aged 3": an age
        end = r.end
        if r.million_m is not None:
            end = r.million_m  # "1.2m people": a glued m before a noun is a million
            r = _scaled(r)
        phrase = self.noun_phrase(view, end)
        if phrase is _NOT_COUNTED:
            return None
        if phrase is not None and r.num.year_like and (
                (r.qualifier == "exact" or view.lower(r.start) in self.verb_qualifiers)
                and not self._listed_count(view, r, earlier)
                or view.lower(phrase[1] - 1) in self.year_nouns):
            return None  # "the 2008 Olympics": unqualified, a bare 1800-2199 is a year, not a count
        if phrase is not None:
            first, head_end = phrase
            if head_end < view.n and view.lower(head_end) in self.age_after:
                return None  # "when she was 8 years old": an age
            if (head_end < view.n and view.lower(head_end) in self.relative_after
                    or clock_time_after(view, head_end, self.lex)) and self._time_unit(view, first):
                return None  # "two years later", "ten minutes past midnight": a time, not a count
            if r.num.spelled and r.value == 1 and r.num.scale == 1:
                return None  # "one county": a singular, not a figure worth a row
            if r.num.spelled and view.lower(r.start) in ARTICLES and self._priced(view, r.start):
                return None  # "$4.82 a dozen eggs", "the price of a dozen eggs": what a price is for
            if r.num.spelled and r.value < SPELLED_BACK_REFERENCE and r.start > 0 \
                    and view.lower(r.start - 1) in self.lex.words("determiner") \
                    and _named_before(view, r.start, view.lower(head_end - 1)):
                return None  # "the two chains", "these three crops": named before, not counted here
            item = view.text(first, head_end)
            quoted = first > end and head_end < view.n and view.words[head_end] in CLOSING_QUOTES
            qualifier, end = trailing_qualifier(view.words, head_end + quoted, r.qualifier, self.lex)
            return _count(r.start, end, r, item, "count", qualifier)
        if r.num.year_like or r.num.spelled:
            return None  # "one of the giants": a spelled number needs its own noun
        if r.start > 0 and view.words[r.start - 1] in OPENING_BRACKETS:
            return None  # "3 billion yuan (488.73 million)": a restatement whose unit was left out
        if r.value != r.value.to_integral_value():
            return None  # "Exports rose by 0.8": no noun after it counts a part of a thing
        before = self.noun_before(view, r.start)
        if before is not None:
            first, last = before
            if earlier and earlier[-1][1] > first:  # "villages exceed 7,000 and reached 7,023": no overlap
                return _count(r.start, r.end, r, view.text(first, last), "count-noun-first")
            return _count(first, r.end, r, view.text(first, last), "count-noun-first")
        named = item_before(view, r.start, self.lex) if r.num.scale > 1 else ""
        if named:  # "a total population of over 250 million": what is counted is named before "of"
            return _count(r.start, r.end, r, named, "count-named-before")
        sent_start = view.sent_start(r.num.start)
        previous = [fig for start, _end, fig in earlier if start >= sent_start and fig.item]
        if previous:
            return _count(r.start, r.end, r, previous[-1].item, "count-continued")
        if r.num.scale > 1 and not r.num.spelled and r.start - sent_start + 1 >= BARE_COUNT_WORDS:
            return _count(r.start, r.end, r, "", "count-bare")
        return None

    def _time_unit(self, view: TokenView, first: int) -> bool:
        """Whether the phrase at ``first`` is a unit of time ("years", "months")."""
        unit = self.lex.units.match_at(view.words, first)
        return unit is not None and kind_of(unit[0])[0] == "duration"

    def _listed_count(self, view: TokenView, r: Reading, earlier: list[Found]) -> bool:
        """'300 regular jobs and 2000 temporary jobs': a year-like number joined to a count
        just before it in a list is a count too."""
        if r.start == 0 or view.lower(r.start - 1) not in self.lex.words("list_join") or not earlier:
            return False
        return earlier[-1][1] >= r.start - 1 and earlier[-1][0] >= view.sent_start(r.start)

    def _is_ratio(self, view: TokenView, r: Reading) -> bool:
        """'one in five adults', '3 out of every 10 farmers': a share, not a count of adults."""
        join = self.lex.ratio_joins.match_ending_at(view.words, r.start)
        return join is not None and join[1] > 0 and view.like_num(join[1] - 1)

    def noun_phrase(self, view: TokenView, k: int):
        """(first token, end) of the counted noun phrase starting at ``k``, or None."""
        lex, text, spaces, n = self.lex, view.words, view.spaces, view.n
        not_counted, stopwords, months, is_plural = lex.not_counted, lex.stopwords, lex.months, lex.is_plural
        coordinators = self.coordinators
        j, words, joined = k, 0, False
        size = size_adjective_end(view, k, lex)
        if size is not None:
            j = size  # "13.2 million 480-pound bales": the size is part of what is counted
        quoted = j + 1 < n and text[j] in OPENING_QUOTES and text[j + 1].isalpha()
        if quoted:
            k = j = j + 1  # '4,310 "Taobao villages"': the phrase is inside the quotation marks
        while j < n and words < MAX_PHRASE_WORDS:
            word = text[j]
            if word == "-" and words and not spaces[j - 1] and not spaces[j] \
                    and j + 1 < n and text[j + 1].isalpha():
                j += 1
                joined = True  # "town-level": one word of the phrase
                continue
            if quoted and words and word in CLOSING_QUOTES and j + 1 < n and text[j + 1].isalpha():
                k, quoted = k - 1, False  # '20 "digital" villages': the quotes stay in the phrase
                j += 1
                continue
            alpha = word.isalpha()
            if not alpha and not (words == 0 and word in not_counted):
                return None
            low = word.lower()
            if words == 0 and j > 0 and alpha and not spaces[j - 1] and not quoted:
                return _NOT_COUNTED  # "5G networks", "3D printers": a name glued to its digit
            if low in not_counted:
                return _NOT_COUNTED if words == 0 else None
            if low in coordinators and words and j + 1 < n:
                j += 1  # "109 tax reduction or exemption measures": the head noun comes later
                continue
            if low in stopwords or word in months:
                return None
            words += 0 if joined else 1
            joined = False
            if is_plural(low):
                if j + 2 < n and text[j + 1] in APOSTROPHES and not spaces[j] and spaces[j + 1] \
                        and text[j + 2].isalpha() and is_plural(text[j + 2].lower()):
                    j += 2  # "48 farmers' cooperatives": the plural is whose they are
                    continue
                return k, j + 1
            j += 1
        return None

    def _priced(self, view: TokenView, start: int) -> bool:
        """Whether a number at ``start`` is the amount a price is for: after a sum ("$4.82 a
        dozen") or after "the price of" ("the price of a dozen eggs")."""
        if start < 1:
            return False
        if view.words[start - 1][:1].isdigit():
            return True
        return start > 1 and view.lower(start - 1) == "of" \
            and view.lower(start - 2) in self.lex.words("price_noun")

    def noun_before(self, view: TokenView, start: int) -> tuple[int, int] | None:
        """'the number of online stores reached' + number: (first, end) of 'online stores'."""
        if view.lower(start) in self.lex.words("verb_qualifier"):
            end = start  # "rural internet users exceeded 300 million": the qualifier is the verb
        elif view.lower(start) in self.lex.words("verb_adverb") \
                and self.lex.count_links.match_ending_at(view.words, start + 2) is not None:
            end = start  # "online stores nearly reached 3 million": the qualifier holds the verb
        else:
            words = view.words[max(0, start - 4):start]
            link = self.lex.count_links.match_ending_at(words, len(words))
            if link is None:
                return None
            end = start - (len(words) - link[1])
        counted = self._number_of(view, end)
        if counted is not None:
            return counted
        subject = self.subject.span(view, start)
        if subject is not None and self.lex.is_plural(view.lower(subject[1] - 1)):
            return subject  # "Online stores in rural areas were 9.8 million": the subject's head
        if end < 1 or not self.lex.is_plural(view.lower(end - 1)):
            return None
        if view.lower(end) in self.singular_links:
            return None  # "the population ... in the rural areas was 16.6 million": not the subject
        first = end - 1
        while first > 0 and end - first < MAX_PHRASE_WORDS:
            word = view.words[first - 1]
            if not word.isalpha() or word.lower() in self.lex.stopwords:
                break
            first -= 1
        return first, end

    def _number_of(self, view: TokenView, end: int) -> tuple[int, int] | None:
        """'the number of online stores in rural areas hit ...': the noun after 'number of'."""
        sent_start = view.sent_start(end - 1) if end > 0 else 0
        for j in range(end - 2, max(sent_start, end - 12) - 1, -1):
            if view.lower(j) in ("number", "numbers") and view.lower(j + 1) == "of":
                phrase = self.noun_phrase(view, j + 2)
                if isinstance(phrase, tuple) and phrase[1] <= end:
                    return phrase
                return None
        return None

    def _is_year(self, view: TokenView, r: Reading) -> bool:
        """'in 2019 farmers earned ...': a year after a time word is a year, whatever follows."""
        if r.qualifier != "exact" or not r.num.year_like:
            return False
        before = view.lower(r.num.start - 1) if r.num.start > 0 else ""
        return before in self.lex.words("time_preposition") or before in self.lex.months

    def _is_date_part(self, view: TokenView, r: Reading) -> bool:
        """'Oct. 23', '23 October', 'July 25, 2019': a day of a month is a date, not a count."""
        if r.num.spelled or r.num.scale != 1:
            return False
        months = self.lex.months
        before = view.words[r.num.start - 1] if r.num.start > 0 else ""
        after = view.words[r.num.end] if r.num.end < view.n else ""
        return before in months or after in months


_NOT_COUNTED = object()


def _in_slogan(view: TokenView, i: int, lex: Lexicons) -> bool:
    """Whether token ``i`` stands in a short quoted phrase that opens with a number word, as
    slogans do ('"two assurances and three guarantees"'), not in quoted speech ('"We trained
    two hundred farmers"')."""
    numbers = lex.numbers
    opened = None
    for j in range(view.sent_start(i), i):
        word = view.words[j]
        if word in OPENING_QUOTES and (word != '"' or opened is None):
            opened = j
        elif word in CLOSING_QUOTES and opened is not None:
            opened = None
    if opened is None or i - opened > SLOGAN_WORDS:
        return False
    first = opened + 1
    if not (view.lower(first) in numbers or view.lower(first) == "the" and view.lower(first + 1) in numbers):
        return False
    close = next((j for j in range(i, min(view.n, opened + SLOGAN_WORDS * 2))
                  if view.words[j] in CLOSING_QUOTES), None)
    if close is None or close - first > SLOGAN_WORDS:
        return False
    # a slogan is numbers and nouns ("and" between): '"Three villages have signed up", he said' is speech
    joins = lex.words("slogan_join")  # "two assurances and three guarantees"
    body = view.words[first:close]
    while body and body[-1] in SLOGAN_END_MARKS:
        body = body[:-1]  # '"three regions and three prefectures,"': American quotes take the comma
    if body and body[-1] != view.words[close - 1] and not lex.is_plural(body[-1].lower()):
        return False  # '"Two farms joined," he said': speech, whose comma stands inside the quote
    return all(w.isalpha() and (w.lower() in numbers or w.lower() in joins
                                or w.lower() not in lex.stopwords) for w in body)



def _named_before(view: TokenView, before: int, head: str) -> bool:
    """Whether the noun ``head`` (or its singular) stands in the text before token ``before``:
    "the two chains" refers back only when chains were named ("the two tropical cyclones that
    entered the Philippines" in a lede names them first)."""
    singular = head[:-1] if head.endswith("s") else head
    return any(view.lower(j) in (head, singular) for j in range(before))


def _in_order(positions: list[Position]) -> bool:
    """Whether spans at ``positions`` are sorted by position already."""
    return all(a <= b for a, b in zip(positions, positions[1:], strict=False))


def _scaled(r: Reading) -> Reading:
    """``r`` read with its glued "m" as a million, which its text takes in: "8.08m"."""
    return r._replace(value=r.value * MILLION, end=r.million_m, million_m=None,
                      value_max=None if r.value_max is None else r.value_max * MILLION)


def _count(start: int, end: int, r: Reading, item: str, rule: str, qualifier: str | None = None) -> Found:
    """A count of reading ``r`` at start:end; ``qualifier``, when given, in place of the reading's."""
    return start, end, Figure("count", r.value, "", r.qualifier if qualifier is None else qualifier,
                              r.value_max, item=item, rule=rule)


def _span(doc: Doc, start: int, end: int, fig: Figure) -> Span:
    """The span of a count found, made only once every count of the doc is known."""
    span = Span(doc, start, end, label="count")
    set_figure(span, fig)
    return span


@Language.factory("agrofacts_counts", assigns=["doc.spans"])
def make_count_rules(nlp: Language, name: str) -> CountRules:
    return CountRules(lexicons(nlp))
