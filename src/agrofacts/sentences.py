"""Sentence boundaries for news text, as a spaCy component.

A blank English pipeline has no parser, and spaCy's rule-based sentencizer
splits after every full stop, including "Nov." and "U.S.". Here a sentence
ends at a terminal punctuation token (plus any closing quotes or brackets)
unless that stop belongs to a known abbreviation from data/abbreviations.txt,
and at a line break, since a paragraph never continues a sentence (a single
break followed by a lowercase word is a hard wrap; a blank line always ends).
``ends_sentence`` is the stop rule on plain token texts: the prefilter uses
it to cut paragraphs into sentences before any Doc is made.
"""

from __future__ import annotations

from itertools import compress

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import lexicons
from .tokenview import keep_sentence_starts, spaces_of, words_of

TERMINALS = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
#: Where the pipeline's tokenizer marks the tokens ``EndsSentence`` says yes to.
ENDS_SENTENCE_KEY = ("agrofacts", "marks", "ends_sentence")


class EndsSentence:
    """A ``tokenizer.Marker``: whether a token is one the sentence rule looks at (a terminal
    or a line break), asked once per piece of text so that a Doc's few are found at once."""

    key = ENDS_SENTENCE_KEY

    def __call__(self, word: str) -> bool:
        return word in TERMINALS or "\n" in word


ENDS_SENTENCE = EndsSentence()
#: SENT_START -1 (not a sentence start) as the uint64 ``Doc.from_array`` reads.
NOT_A_START = numpy.uint64(2**64 - 1)


class NewsSentencizer:
    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        # Token texts as plain lists and one array write: a Token object per token is slow.
        # (A token's whitespace_ is " " or "", so line breaks are always tokens of their own.)
        words = words_of(doc)
        n = len(words)
        if not n:
            return doc
        spaces = spaces_of(doc)
        starts = [0]
        marked = doc.user_data.get(ENDS_SENTENCE_KEY)
        if marked is not None and marked[0] is ENDS_SENTENCE and len(marked[1]) == n:
            candidates = compress(range(n), marked[1])  # the tokenizer's marks: the few to look at
        else:
            candidates = range(n)
        for i in candidates:
            text = words[i]
            if text in TERMINALS:
                if ends_sentence(words, i, i > 0 and not spaces[i - 1], self.abbreviations):
                    nxt = i + 1
                    while nxt < n and words[nxt] in CLOSERS:
                        nxt += 1
                    if nxt < n:
                        starts.append(nxt)
            elif "\n" in text and i + 1 < n and (text.count("\n") > 1 or not _runs_on(words, i)):
                starts.append(i + 1)
        flags = numpy.full(n, NOT_A_START, dtype="uint64")  # SENT_START: 1 starts, -1 does not
        flags[starts] = 1
        doc.from_array([SENT_START], flags)
        keep_sentence_starts(doc, starts)
        return doc


def ends_sentence(words: list[str], i: int, glued: bool, abbreviations: frozenset[str]) -> bool:
    """Whether token ``i`` is a full stop: a terminal that is not the '.' of an abbreviation the
    tokenizer split off ("Rs" + "."; ``glued``: no space between the two tokens)."""
    if words[i] not in TERMINALS:
        return False
    return not (glued and words[i] == "." and words[i - 1] + "." in abbreviations)


def _runs_on(words: list[str], i: int) -> bool:
    """A hard-wrapped line: no stop before the break, and the next line starts in lowercase."""
    nxt = i + 1
    return (nxt < len(words) and words[i] not in TERMINALS
            and (words[nxt][:1].islower() or words[nxt][:1].isdigit()))


@Language.factory("agrofacts_sentences", assigns=["token.is_sent_start"])
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    return NewsSentencizer(lexicons(nlp).abbreviations)
