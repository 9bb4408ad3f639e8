"""What a sum or a measure is of, read from the subject that a verb ties to the figure.

"Export turnover at the fair reached $30.2 billion" -> "Export turnover". The
subject starts its clause (after a break, an opener: "data showed the wage
income was", "with monthly sales volume exceeding", or a conjunction before a
determiner: "and its revenue hit"). Determiners and a possessive name are left
out; the words that follow, up to a preposition or the verb, are its head, and
a head followed by "of" and more words keeps them ("The value of fruits
exported reached" -> "value of fruits exported"). A subject that names who or
where (data/not_subject_items.txt: "The company reached 3 billion yuan in
sales"), a name in mid-sentence ("the Ministry of Agriculture was"), a number,
a relative clause or a date first gives nothing: no guessing.
"""

from __future__ import annotations

from .items import ITEM_WORDS, item_span_before, qualifier_before_item
from .lexicon import ARTICLES, Lexicons
from .tokenview import TokenView

#: Tokens that end a clause: a subject does not reach back over one of them.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "--", "—", "–", '"', "“", "”"})
#: How many words may stand between a clause's start and the verb before its figure.
SUBJECT_WORDS = 10
#: How many words "in" may put before the noun it names: "in retail sales".
IN_NOUN_REACH = 3
#: What ends a dateline, after which a sentence's first word stands: "(Xinhua) -- Cotton output".
DATELINE_ENDS = frozenset({"--", "—", "–", "-"})
#: The possessive after a name: "China 's total grain output".
POSSESSIVE = frozenset({"'s", "’s"})
#: How many words a change may take before "to" and the level it reached: "8.8 percent", "$5".
CHANGE_FIGURE_WORDS = 3


class SubjectItem:
    """``subject(view, start)``: the item the subject of the figure at ``start`` names, or ""."""

    def __init__(self, lex: Lexicons, counted: bool = False) -> None:
        """``counted``: for a count, whose subject may well name people or places ("Poor
        counties in the province numbered 30"), only the words of not_items.txt are no head."""
        self.lex = lex
        self.links = lex.count_links
        self.verb_qualifiers = lex.words("verb_qualifier")
        self.verb_adverbs = lex.words("verb_adverb")
        self.determiners = lex.words("determiner")
        self.preverbal = lex.words("preverbal_adverb")
        self.breaks, self.openers = lex.words("subject_break"), lex.words("subject_opener")
        self.relative = lex.words("relative_pronoun")
        self.prepositions = lex.words("subject_preposition")
        self.per = lex.words("per")
        self.counted = counted
        self.not_heads = lex.not_items if counted else lex.not_subject_items | lex.not_items
        self.stopwords = lex.stopwords
        self.measure_nouns = lex.words("measure_noun")
        self.measure_leads = lex.words("measure_lead")  # "in": "10 billion yuan in sales"
        self.change_words, self.change_by = lex.words("change_word"), lex.words("change_by")
        self.change_to, self.change_tail = lex.words("change_to"), lex.words("change_tail")
        self.change_from = lex.words("change_from")
        self.motion_verbs, self.not_change_before = lex.words("motion_verb"), lex.words("not_change_before")

    def __call__(self, view: TokenView, start: int) -> str:
        span = self.span(view, start)
        return "" if span is None else view.text(*span)

    def of_figure(self, view: TokenView, start: int, end: int, qualifier: str) -> tuple[str, str]:
        """(item, qualifier) of a sum or measure at ``start:end``: the noun before "of"
        ("revenue of 1.9 million yuan"), else what ``best`` finds. An estimated item makes an
        exact figure approx ("an estimated damage of Tk14,421 crore")."""
        named = item_span_before(view, start, self.lex)
        if named is None:
            return self.best(view, start, end), qualifier
        if qualifier == "exact":
            qualifier = qualifier_before_item(view, named, self.lex) or qualifier
        return view.text(*named), qualifier

    def best(self, view: TokenView, start: int, end: int) -> str:
        """The subject's item when its words name a measure ("Online retail sales ... reached"),
        else what "in" names after the figure ("reached 10 billion yuan in sales"), else the
        subject's item."""
        subject = self(view, start)
        if subject and not self.measure_nouns.isdisjoint(subject.lower().split()):
            return subject
        return self.after(view, end) or subject

    def after(self, view: TokenView, end: int) -> str:
        """'The platform reached 10 billion yuan in sales' -> 'sales': what a sum is of, named
        after it with "in" (a noun of data/context_words.csv's measure_noun role, after at most
        two words: "in retail sales"); then the subject says who, not what."""
        words = view.words
        if end >= view.n or words[end].lower() not in self.measure_leads:
            return ""
        m = end + 1
        while m < min(end + 1 + IN_NOUN_REACH, view.n) and words[m].isalpha() \
                and words[m].lower() not in self.stopwords:
            m += 1
        if m == end + 1 or m < view.n and words[m] == "-":
            return ""
        if words[m - 1].lower() not in self.measure_nouns:
            return ""  # "in trade infrastructure": what ends the phrase is no measure
        return view.text(end + 1, m)  # "in sales", "in retail sales", "in trade volume"

    def span(self, view: TokenView, start: int) -> tuple[int, int] | None:
        """(first, end) tokens of the item ``__call__`` gives, or None."""
        words = view.words
        if start < view.n and words[start].lower() in self.verb_qualifiers:
            end = start  # "Sales exceeded 5 billion yuan": the qualifier is the verb
        elif start + 1 < view.n and words[start].lower() in self.verb_adverbs \
                and self.links.match_ending_at(words, start + 2) is not None:
            end = start  # "Sales nearly reached 5 billion yuan": the qualifier holds the verb
        else:
            link = self.links.match_ending_at(words, start)
            if link is not None:
                end = link[1]
            else:
                verb = None if self.counted else self.changed(view, start)
                if verb is None:
                    return None  # most figures: no verb before them that ties a subject
                end = verb  # "Income rose 8.8 percent to 16,021 yuan": what rose is measured
        first = self._clause_start(view, start, end)
        if first is None or not all(w.isalpha() or w in POSSESSIVE or w == "-" for w in words[first:end]):
            return None  # a number or a sign in the way: not a plain subject
        j = first
        while j < end:
            if words[j].lower() in self.determiners:
                j += 1
            elif j + 1 < end and words[j + 1] in POSSESSIVE:
                j += 2  # "China 's total grain output"
            else:
                break
        if first > 0 and words[first - 1].lower() in self.breaks and j == first:
            return None  # "it sold goods and revenue was": no determiner, no sure clause start
        k = j
        while k < end and self._word(words, k):
            k += 1
        if k == j or k - j > ITEM_WORDS + 2 or not self._names_what(words, j, k, view.sent_start(start)):
            return None  # "The company reached 3 billion yuan in sales": who, not what is measured
        if k < end and words[k].lower() not in self.prepositions:
            return None  # "Last year the average income ...": the words first are no head
        if k + 1 < end and words[k].lower() == "of" and self._word(words, k + 1):
            m = k + 1
            while m < end and self._word(words, m):
                m += 1
            if self.counted:
                return k + 1, m  # "Stocks of breeding sows stood at 41 million": the sows are counted
            k = m  # "the value of fruits exported"
        return j, k

    def changed(self, view: TokenView, start: int) -> int | None:
        """The verb of change a figure at ``start`` tells the change or the level of: "rose 8.8
        percent", "increased by 10 percent", "grew 5.2 percent year on year to 3.2 trillion yuan"
        (the change and the level reached share the subject), "rose from 8 yuan to 12 yuan";
        None else."""
        words = view.words
        j = start - 1
        if j > 0 and words[j].lower() in self.change_to:
            j -= 1
            while j >= 0 and words[j].lower() in self.change_tail:
                j -= 1  # "year on year", "year-on-year"
            k = j
            while k >= 0 and j - k < CHANGE_FIGURE_WORDS and not words[k][:1].isdigit():
                k -= 1
            if k < 0 or not words[k][:1].isdigit():
                return None
            j = k - 1
            if j >= 0 and not words[j].isalpha() and words[j] not in CLAUSE_BREAKS:
                j -= 1  # a sign before the change: "rose $5 to $30"
        if j >= 0 and (words[j].lower() in self.change_by or words[j].lower() in self.change_from):
            j -= 1  # "increased by 10 percent", "rose from 8 yuan to 12 yuan"
        if j <= 0 or words[j].lower() not in self.change_words:
            return None
        before = words[j - 1].lower()
        if before in self.not_change_before:
            return None  # "wheat makes up 20 percent": a share, no change
        if before in self.determiners or j > 1 and words[j - 2].lower() in ARTICLES:
            return None  # "saw a slight rise from 20 yuan": a noun, whose subject is no item
        verb = j - 1 if before in self.motion_verbs else j  # "went up 0.9 percent": the verb is "went"
        while verb > 0 and words[verb - 1].lower() in self.preverbal:
            verb -= 1  # "Pork prices still rose": the adverb is no part of what rose
        return verb

    def _clause_start(self, view: TokenView, start: int, end: int) -> int | None:
        """The first token of the clause whose verb ends at ``end``, within ``SUBJECT_WORDS``;
        None when it lies further back or the words before the verb are a relative clause
        ("the season that started last July reached")."""
        words = view.words
        floor = max(view.sent_start(start), end - SUBJECT_WORDS)
        first = end
        while first > floor and words[first - 1] not in CLAUSE_BREAKS:
            low = words[first - 1].lower()
            if low in self.relative:
                if first > 1 and words[first - 2].lower() in self.openers:
                    break  # "data showed that sales hit": the reported clause
                return None
            if low in self.breaks or low in self.openers:
                break
            first -= 1
        if first == floor and first > view.sent_start(start) and words[first - 1] not in CLAUSE_BREAKS:
            return None  # the clause began further back than a subject reaches
        return first

    def _names_what(self, words: list[str], j: int, k: int, sent_start: int) -> bool:
        """Whether the subject words ``j:k`` can say what a figure measures: their head (before a
        final "per hectare") is no word of who or where, and no word but the sentence's first
        is a capitalised name (acronyms like "GDP" and "EU" are fine)."""
        head = k - 1
        if k - j > 2 and words[k - 2].lower() in self.per:
            head = k - 3  # "Grain yield per hectare": the yield ("per capita income": the income)
        if words[head].lower() in self.not_heads:
            return False
        opens = j == sent_start or words[j - 1] in DATELINE_ENDS  # "(Xinhua) -- Cotton output"
        return not any(w[:1].isupper() and not w.isupper() and not (m == j and opens)
                       for m, w in ((m, words[m]) for m in range(j, k)))

    def _word(self, words: list[str], k: int) -> bool:
        """Whether the word at ``k`` goes on a subject: a word that is no stop word ("per" before
        a word is one: "per capita income", "the per-mu yield"), or a hyphen inside a compound
        ("e-commerce")."""
        word = words[k]
        if word == "-":
            return 0 < k < len(words) - 1 and words[k - 1].isalpha() and words[k + 1].isalpha()
        low = word.lower()
        return word.isalpha() and (low not in self.stopwords or low in self.per and k + 1 < len(words)
                                   and (words[k + 1].isalpha() or words[k + 1] == "-"))
