"""Restatements: a figure repeated in brackets in another unit, as a spaCy component.

"10 billion yuan ($1.6 billion)" and "1.76 billion mu (about 117.3 million
hectares)" are two figures each; the bracketed one gets ``same_as``
pointing at the first, so a user can keep one of each pair.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .figure import SPAN_KEY, set_figure
from .tokenview import words_of

OPEN, CLOSE = "(", ")"


class RestatementLinker:
    def __call__(self, doc: Doc) -> Doc:
        words = words_of(doc)
        if OPEN not in words:
            return doc  # no bracket, no restatement: most docs stop here
        spans = sorted(doc.spans.get(SPAN_KEY, []), key=lambda s: (s.start, s.end))
        for first, second in zip(spans, spans[1:], strict=False):
            if _bracketed_after(words, first, second):
                a, b = first._.figure, second._.figure
                if a.kind == b.kind and a.kind not in ("count", "date"):
                    set_figure(second, b.with_(same_as_char=first.start_char))
        return doc


def _bracketed_after(words: list[str], first: Span, second: Span) -> bool:
    """Whether ``second`` is all that a pair of brackets right after ``first`` holds."""
    return (second.start == first.end + 1 and words[first.end] == OPEN
            and second.end < len(words) and words[second.end] == CLOSE)


@Language.factory("agrofacts_restatements", assigns=["doc.spans"])
def make_restatement_linker(nlp: Language, name: str) -> RestatementLinker:
    return RestatementLinker()
