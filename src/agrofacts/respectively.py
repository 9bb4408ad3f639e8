"""Items of figures listed with "respectively", as a spaCy component.

"Exports and imports rose 5.6 percent and 3.2 percent, respectively" pairs
a list of subjects with a list of figures: exports rose 5.6 percent, imports
3.2 percent. The figure rules read one subject per figure, so without this
the first figure may take the last subject ("The CPI in urban areas and the
countryside rose 2.8 percent and 3.6 percent respectively" gave 2.8 percent
the item "countryside"). Here the subjects are split at their commas and
"and"; when there are as many short subjects as figures, each figure takes
its own, else the listed figures keep no subject's item at all.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .figure import facts_of, get_figure, set_figure
from .lexicon import Lexicons, lexicons
from .tokenlists import SentenceIndex, lowers_of, positions_of

RESPECTIVELY = ("respectively",)
#: Kinds that name their own item (a count's noun) or none: left alone.
OWN_ITEM_KINDS = frozenset({"count", "date", "duration"})
#: The most words one listed subject may have ("urban residents", "the tertiary industry").
SUBJECT_WORDS = 4
#: How many words may stand between the subjects and the first figure ("rose by", "stood at").
VERB_REACH = 3


class RespectivelyItems:
    """The component: after the figure rules, it re-reads only the sentences that say
    "respectively" (found by one scan in C), and changes no figure but its item."""

    def __init__(self, lex: Lexicons) -> None:
        self.joins = lex.words("list_join")
        self.determiners = lex.words("determiner")
        self.prepositions = lex.words("subject_preposition")
        self.breaks = lex.words("subject_break") | lex.words("relative_pronoun") | lex.words("clause_stop")
        self.verbs = lex.words("list_verb")

    def __call__(self, doc: Doc) -> Doc:
        lowers = lowers_of(doc)
        marks = positions_of(lowers, RESPECTIVELY)
        if not marks:
            return doc
        spans, positions = facts_of(doc)
        sentences = SentenceIndex(doc)
        for mark in marks:
            first = sentences.start_of(mark)
            listed = sorted((k for k, (s, _e) in enumerate(positions) if first <= s < mark),
                            key=positions.__getitem__)
            figures = [k for k in listed if get_figure(spans[k]).kind not in OWN_ITEM_KINDS]
            if len(figures) < 2 or not self._one_list(lowers, [positions[k] for k in figures]):
                continue
            dated = {t for k in listed if get_figure(spans[k]).kind == "date" for t in range(*positions[k])}
            items = self._subjects(doc, lowers, first, positions[figures[0]][0], len(figures), dated)
            for k, item in zip(figures, items or [""] * len(figures), strict=True):
                fig = get_figure(spans[k])
                if fig.item != item:
                    set_figure(spans[k], fig.with_(item=item))
        return doc

    def _one_list(self, lowers: list[str], places: list[tuple[int, int]]) -> bool:
        """Whether the figures follow each other with only commas and "and" between them."""
        return all(all(w in self.joins for w in lowers[a_end:b_start])
                   for (_a, a_end), (b_start, _b) in zip(places, places[1:], strict=False))

    def _subjects(self, doc: Doc, lowers: list[str], first: int, at: int, count: int,
                  dated: set[int]) -> list[str] | None:
        """The ``count`` subjects before the verb that leads to the figure at ``at``, as written,
        or None when they are not a plain list of as many short noun phrases (``dated``: the
        tokens of dates, which are no subjects: "in the first and second quarters")."""
        verb = next((j for j in range(at - 1, max(first, at - VERB_REACH) - 1, -1)
                     if lowers[j] in self.verbs), None)
        if verb is None:
            return None
        parts: list[list[int]] = [[]]
        j = verb - 1
        while j >= first:
            word = lowers[j]
            if word in self.joins:
                if not parts[-1] or len(parts) == count:
                    break  # a comma before the first subject ends the list ("In May, A and B rose")
                parts.append([])
            elif word in self.breaks or j in dated:
                return None
            elif word in self.prepositions:
                if self._list_before(lowers, first, j):
                    return None  # "revenue and volume in the central and western regions": whose list?
                break
            else:
                parts[-1].append(j)
            j -= 1
        if len(parts) != count or not all(parts):
            return None
        spans = []
        for part in reversed(parts):
            lo, hi = min(part), max(part) + 1
            if lowers[lo] in self.determiners:
                lo += 1
            if lo >= hi or hi - lo > SUBJECT_WORDS:
                return None
            spans.append((lo, hi))
        return _shared_head(doc, spans, determined=lowers[min(parts[0])] in self.determiners)

    def _list_before(self, lowers: list[str], first: int, at: int) -> bool:
        """Whether a list ("A and B") ends just before the preposition at ``at`` in its clause."""
        for j in range(at - 1, max(first, at - SUBJECT_WORDS - 1) - 1, -1):
            if lowers[j] in self.joins:
                return True
            if lowers[j] in self.breaks:
                return False
        return False


def _shared_head(doc: Doc, spans: list[tuple[int, int]], determined: bool) -> list[str]:
    """The subjects' texts; in "urban and rural areas", "the primary, secondary and tertiary
    industries" the last one's noun belongs to the one-word subjects before it too. Not when
    the last is a name ("Beijing and the United States") or the first had its own determiner
    ("the exports and imports of grain" are two nouns)."""
    texts = [doc[lo:hi].text for lo, hi in spans]
    last_lo, last_hi = spans[-1]
    head = doc[last_hi - 1].text
    if last_hi - last_lo < 2 or doc[last_lo].text[:1].isupper() or determined and len(spans) == 2 \
            or not all(hi - lo == 1 for lo, hi in spans[:-1]):
        return texts
    return [f"{text} {head}" for text in texts[:-1]] + [texts[-1]]


@Language.factory("agrofacts_respectively", assigns=["doc.spans"])
def make_respectively_items(nlp: Language, name: str) -> RespectivelyItems:
    return RespectivelyItems(lexicons(nlp))
