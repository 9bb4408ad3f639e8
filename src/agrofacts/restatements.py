"""Restatements: a figure repeated in brackets in another unit, as a spaCy component.

"10 billion yuan ($1.6 billion)" and "1.76 billion mu (about 117.3 million
hectares)" are two figures each; the bracketed one gets ``same_as``
pointing at the first, so a user can keep one of each pair.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .figure import Position, end_handover, facts_of, get_figure, set_figure
from .tokenview import words_of

OPEN, CLOSE = "(", ")"


class RestatementLinker:
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
            if _bracketed_after(words, positions[a], positions[b]):
                first, second = spans[a], spans[b]
                fa, fb = get_figure(first), get_figure(second)
                if fa.kind == fb.kind and fa.kind not in ("count", "date"):
                    set_figure(second, fb.with_(same_as_char=first.start_char))
        return doc


def _bracketed_after(words: list[str], first: Position, second: Position) -> bool:
    """Whether ``second`` is all that a pair of brackets right after ``first`` holds."""
    return (second[0] == first[1] + 1 and words[first[1]] == OPEN
            and second[1] < len(words) and words[second[1]] == CLOSE)


@Language.factory("agrofacts_restatements", assigns=["doc.spans"])
def make_restatement_linker(nlp: Language, name: str) -> RestatementLinker:
    return RestatementLinker()
