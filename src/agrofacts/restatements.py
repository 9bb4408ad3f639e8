"""Restatements: a figure repeated in brackets in another unit, as a spaCy component.

"10 billion yuan ($1.6 billion)" and "1.76 billion mu (about 117.3 million
hectares)" are two figures each; the bracketed one gets ``same_as``
pointing at the first, so a user can keep one of each pair.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .figure import SPAN_KEY

OPEN, CLOSE = "(", ")"


class RestatementLinker:
    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc.spans.get(SPAN_KEY, []), key=lambda s: (s.start, s.end))
        for first, second in zip(spans, spans[1:], strict=False):
            a, b = first._.figure, second._.figure
            if (second.start == first.end + 1 and doc[first.end].text == OPEN
                    and second.end < len(doc) and doc[second.end].text == CLOSE
                    and a.kind == b.kind and a.kind not in ("count", "date")):
                second._.figure = b.with_(same_as_char=first.start_char)
        return doc


@Language.factory("agrofacts_restatements", assigns=["doc.spans"])
def make_restatement_linker(nlp: Language, name: str) -> RestatementLinker:
    return RestatementLinker()
