"""Which stretches of an article are worth running the pipeline over.

Most sentences of a news article hold no figure. A cheap scan picks the
sentences that may (a digit, a number word, a month or a date word: the
trigger), and only those are tokenized and read. Sentences are cut where the
sentence component would cut them, decided on the memoised tokens of the one
word that ends each candidate sentence, so a kept sentence reads exactly as
it does in the whole paragraph. No rule looks across a sentence boundary,
which is what makes dropping a sentence safe.

Kept sentences that follow each other stay one stretch (the text between
them included), so offsets map back with one subtraction per stretch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .sentences import CLOSERS, TERMINALS, ends_sentence
from .wordtrie import trie_alternation

DIGIT = re.compile(r"\d")
#: A chunk (a run of non-space) that may end a sentence: it ends in a terminal character and any
#: closing quotes or brackets, and white space follows. Matches start at the chunk's first character.
STOP = re.compile(r"""(?<!\S)\S*?[.!?…]["'”’)\]»]*(?=\s)""")


@cache
def trigger() -> re.Pattern:
    """Text that may hold a figure: a digit, a number word, a currency sign or a date word."""
    from .datewords import date_words, trigger_pattern
    from .lexicon import lexicons
    from .pipeline import build_pipeline

    nlp = build_pipeline()
    lex = lexicons(nlp)
    words = trie_alternation(w for w in lex.numbers if w.isalpha() and len(w) > 1)
    return re.compile(rf"\d|\b(?i:{words})\b|" + trigger_pattern(date_words(nlp), lex.months))


def may_hold_figure(text: str, start: int, end: int) -> bool:
    # A digit is the common case and the trigger accepts any: test it first, it is a fast scan.
    return bool(DIGIT.search(text, start, end) or trigger().search(text, start, end))


def figure_stretches(text: str, blocks: Iterable[tuple[int, int]], pieces_of,
                     abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the runs of sentences in ``blocks`` that may hold a figure.

    ``pieces_of(chunk)`` gives the tokens of one whitespace-free chunk (the
    pipeline tokenizer's memo), ``abbreviations`` the stops that end no sentence.
    """
    out: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
        run_start = None
        for s, e in _sentences(text, b_start, b_end, pieces_of, abbreviations):
            if may_hold_figure(text, s, e):
                if run_start is None:
                    run_start = s
                run_end = e
            elif run_start is not None:
                out.append((run_start, run_end))
                run_start = None
        if run_start is not None:
            out.append((run_start, run_end))
    return out


def _sentences(text: str, start: int, end: int, pieces_of, abbreviations: frozenset[str]):
    """(start, end) of each sentence of one paragraph, white space between them left out."""
    s = start
    for m in STOP.finditer(text, start, end):
        cut = m.end()
        if not _ends_here(m.group(), pieces_of, abbreviations):
            continue
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if text[nxt] in CLOSER_CHARS:
            continue  # '. " He said': the sentence component may give the quote to either side
        yield s, cut
        s = nxt
    yield s, end


#: First characters of the tokens the sentence component lets close a sentence.
CLOSER_CHARS = frozenset(c[0] for c in CLOSERS)


def _ends_here(chunk: str, pieces_of, abbreviations: frozenset[str]) -> bool:
    """Whether the sentence component ends a sentence at the end of this chunk."""
    pieces = list(pieces_of(chunk))
    i = len(pieces) - 1
    while i >= 0 and pieces[i] in CLOSERS:
        i -= 1
    if i < 0 or pieces[i] not in TERMINALS:
        return False
    return ends_sentence(pieces, i, i > 0, abbreviations)
