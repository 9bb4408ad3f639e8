"""Sentence boundaries for news text, as a spaCy component.

A blank English pipeline has no parser, and spaCy's rule-based sentencizer
splits after every full stop, including "Nov." and "U.S.". Here a sentence
ends at a terminal punctuation token (plus any closing quotes or brackets)
unless that stop belongs to a known abbreviation from data/abbreviations.txt,
and always at a line break, since a paragraph never continues a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import lexicons

TERMINALS = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


class NewsSentencizer:
    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        starts = {0}
        for tok in doc:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                if not _runs_on(doc, tok.i):
                    starts.add(tok.i + 1)
            elif tok.text in TERMINALS and not self._abbreviation_stop(doc, tok.i):
                nxt = tok.i + 1
                while nxt < len(doc) and doc[nxt].text in CLOSERS:
                    nxt += 1
                starts.add(nxt)
        for tok in doc:
            tok.is_sent_start = tok.i in starts
        return doc

    def _abbreviation_stop(self, doc: Doc, i: int) -> bool:
        """A '.' split off an abbreviation the tokenizer does not know ("Rs" + ".")."""
        if i == 0 or doc[i].text != "." or doc[i - 1].whitespace_:
            return False
        return doc[i - 1].text + "." in self.abbreviations


def _runs_on(doc: Doc, i: int) -> bool:
    """A hard-wrapped line: no stop before the break, and the next line starts in lowercase."""
    nxt = i + 1
    return (nxt < len(doc) and doc[i].text not in TERMINALS
            and (doc[nxt].text[:1].islower() or doc[nxt].text[:1].isdigit()))


@Language.factory("agrofacts_sentences", assigns=["token.is_sent_start"])
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    return NewsSentencizer(lexicons(nlp).abbreviations)
