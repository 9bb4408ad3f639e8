"""Sentence boundaries for news text, as a spaCy component.

A blank English pipeline has no parser, and spaCy's rule-based sentencizer
splits after every full stop, including "Nov." and "U.S.". Here a sentence
ends at a terminal punctuation token (plus any closing quotes or brackets)
unless that stop belongs to a known abbreviation from data/abbreviations.txt,
and always at a line break, since a paragraph never continues a sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .context import words_of
from .lexicon import lexicons

TERMINALS = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


class NewsSentencizer:
    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        # Token texts as plain strings and one array write: a Token object per token is slow.
        # (A token's whitespace_ is " " or "", so line breaks are always tokens of their own.)
        words = words_of(doc)
        n = len(words)
        if not n:
            return doc
        flags = [-1] * n  # SENT_START: 1 starts a sentence, -1 does not
        flags[0] = 1
        for i, text in enumerate(words):
            if "\n" in text:
                if i + 1 < n and not _runs_on(doc, i):
                    flags[i + 1] = 1
            elif text in TERMINALS and not self._abbreviation_stop(doc, i):
                nxt = i + 1
                while nxt < n and words[nxt] in CLOSERS:
                    nxt += 1
                if nxt < n:
                    flags[nxt] = 1
        doc.from_array([SENT_START], numpy.array(flags, dtype="int64").astype("uint64").reshape(n, 1))
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
