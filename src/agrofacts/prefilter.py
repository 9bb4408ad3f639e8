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
#: Where a chunk (a run of non-space) may end a sentence: a terminal character and any closing
#: quotes or brackets at the chunk's end, white space next. The pattern opens with a character
#: class, so a search skips in C to the few stops of a paragraph; the chunk's start is found
#: from there (``_chunk_start``).
CHUNK_END = re.compile(r"""[.!?…]["'”’)\]»]*(?=\s)""")


@cache
def _trigger_parts() -> tuple[str, str, str, bool]:
    """(number words as a trie, their possible first characters as a class, the date words
    pattern, whether no trigger word holds white space): the pieces of ``trigger``."""
    from .datewords import date_words, trigger_pattern, trigger_words
    from .lexicon import lexicons
    from .pipeline import build_pipeline

    nlp = build_pipeline()
    lex = lexicons(nlp)
    number_words = sorted(w for w in lex.numbers if w.isalpha() and len(w) > 1)
    cased, plain = trigger_words(date_words(nlp), lex.months)
    spaceless = not any(len(w.split()) != 1 for w in (*number_words, *cased, *plain))
    return (trie_alternation(number_words), _first_letters(number_words),
            trigger_pattern(date_words(nlp), lex.months), spaceless)


def _first_letters(words: list[str]) -> str:
    """A class of the ASCII characters a case-blind match of ``words`` can start with, or any
    non-ASCII character (whose case-blind equivalents the class does not try to list)."""
    firsts = {c for w in words for f in (w[0].lower(), w[0].upper())
              for c in (f, f.lower(), f.upper()) if c.isascii()}
    return "(?:[" + re.escape("".join(sorted(firsts))) + r"]|[^\x00-\x7f])"


@cache
def trigger() -> re.Pattern:
    """Text that may hold a figure: a digit, a number word, a currency sign or a date word."""
    words, _firsts, dates, _spaceless = _trigger_parts()
    return re.compile(rf"\d|\b(?i:{words})\b|" + dates)


@cache
def word_trigger_after() -> re.Pattern:
    """A non-word character with a ``trigger`` word right after it.

    Every trigger that is not a digit opens a word, so in a paragraph with no digit it
    starts where the paragraph does (``trigger().match``) or after a non-word character:
    searching for those characters tries the trigger at a fifth of the places. The number
    words are tried only where their first letter (any case) is: a case-blind alternation
    tries each of its branches in full.
    """
    words, firsts, dates, _spaceless = _trigger_parts()
    return re.compile(rf"\W(?=\b(?={firsts})(?i:{words})\b|{dates})")


#: How many chunks ``_CHUNK_TRIGGERS`` remembers before it starts afresh.
CHUNK_MEMO_SIZE = 100_000


class _ChunkTriggers(dict[str, bool]):
    """A run of non-space text -> whether ``trigger()`` finds anything in it with a space on
    each side; filled on first sight (news repeats its words).

    Every trigger match without a digit lies inside one such chunk (no number or date word
    holds white space, which ``_trigger_parts`` checks; a month name may bring its stop), and
    white space reads as a space to every test at the match's edges ("\\b", "(?<![\\w.])",
    "(?![\\w])"). So a stretch none of whose chunks triggers holds no match; at the stretch's
    edges the text around may still turn a chunk's match down, which the search then decides.
    """

    def __missing__(self, chunk: str) -> bool:
        if len(self) >= CHUNK_MEMO_SIZE:
            self.clear()
        hit = self[chunk] = trigger().search(f" {chunk} ") is not None
        return hit


_CHUNK_TRIGGERS = _ChunkTriggers()


def may_hold_figure(text: str, start: int, end: int) -> bool:
    """Whether ``trigger()`` finds anything in ``text[start:end]`` (the same answer, sooner)."""
    # A digit is the common case and the trigger accepts any: test it first, it is a fast scan.
    if DIGIT.search(text, start, end):
        return True
    # With no digit, the remembered chunks (one dict look-up each) rule out most sentences.
    if _trigger_parts()[3] and not any(map(_CHUNK_TRIGGERS.__getitem__, text[start:end].split())):
        return False
    return bool(trigger().match(text, start, end) or word_trigger_after().search(text, start, end))


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
    for m in CHUNK_END.finditer(text, start, end):
        cut = m.end()
        chunk_start = _chunk_start(text, m.start())
        if chunk_start < start:
            continue  # the chunk opens before the paragraph: not a chunk of it
        if not _ends_here(text[chunk_start:cut], pieces_of, abbreviations):
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


def _chunk_start(text: str, i: int) -> int:
    """Where the run of non-space holding ``text[i]`` starts (chunks are a few characters)."""
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


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
