"""The library API: text in, facts out.

``extract_text`` runs the pipeline once per article, over the sentences
that can hold a figure (``prefilter``: a cheap scan for digits, number words
and date words skips the rest), then numbers the figures in text order and
links restatements. ``archive.extract_paths`` does the same for files and folders.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter
from typing import TypeVar

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span

from .article import Article, body_blocks, read_article, read_listed
from .dates import PERIOD_ANAPHOR_RULE, PUBLISHED_KEY
from .fact import Fact
from .figure import SPAN_KEY, Figure
from .lexicon import lexicons
from .pipeline import build_pipeline
from .prefilter import figure_stretches
from .signs import SIGNS_KEY, page_signs
from .tokenlists import kept_sentence_starts

T = TypeVar("T")
#: Between two stretches of an article in its Doc: a blank line, which always ends a sentence.
STRETCH_BREAK = "\n\n"


def extract_text(text: str, doc: str = "-", published: str | None = None,
                 source: str | None = None, unresolved_dates: bool = False) -> list[Fact]:
    """Facts of one article.

    The publication date is the one the page prints, else ``published``
    (README: "Dates and the publication date"); the source is ``source``
    when given, else the publisher the page names. Date facts whose period
    cannot be known are listed only with ``unresolved_dates``.
    """
    return extract_article(read_article(text, doc, published, source), unresolved_dates=unresolved_dates)


def extract_article(article: Article, unresolved_dates: bool = False) -> list[Fact]:
    """Facts of an article whose page-level facts are read (``article.read_article``).

    This is the part of the work that needs spaCy: worker processes run it on
    articles the main process has read.
    """
    text = article.text
    nlp = build_pipeline()
    blocks = body_blocks(text) if article.blocks is None else article.blocks
    stretches = figure_stretches(text, blocks, nlp.tokenizer.pieces, lexicons(nlp).abbreviations)
    if not stretches:
        return []
    layout = _Layout(stretches, text)
    doc_text = layout.doc_text(text)
    parsed = nlp.make_doc(doc_text)
    parsed.user_data[PUBLISHED_KEY] = article.published
    parsed.user_data[SIGNS_KEY] = page_signs(text) if article.signs is None else article.signs
    for _name, proc in nlp.pipeline:
        parsed = proc(parsed)
    found = _figures(parsed, layout, text, len(doc_text), unresolved_dates)
    found.sort(key=_POSITION)  # stable: figures at one place keep the pipeline's order
    number_of = {f[0]: n for n, f in enumerate(found, start=1)}
    doc, source, published = article.doc, article.source, article.published
    # Fields by position, in ``fact.COLUMNS`` order (tests/test_extract_layout.py holds the two
    # equal): a call of 17 keywords costs a third more, once per fact of an archive.
    return [Fact(doc, source, published, n,
                 fig.kind, text[start:end], fig.value, fig.value_max,
                 fig.unit, fig.qualifier, fig.item,
                 fig.period_start, fig.period_end,
                 None if same_as is None else number_of.get(same_as), start,
                 end, sentence)
            for n, (start, end, fig, same_as, sentence) in enumerate(found, start=1)]


#: Sort key of a found figure: its (start, end) in the article.
_POSITION = itemgetter(0, 1)


class _Layout:
    """Where each stretch of the article sits in the Doc made of them, and back.

    The Doc is the stretches joined by a blank line, hard line wraps made
    spaces ("more than\n300 tonnes" reads as one phrase; spaCy makes a token of
    a newline): same lengths, so a Doc offset maps back by one subtraction.
    A CRLF wrap is two characters, and two spaces would be a token of their own,
    so the "\r" is left out of the Doc: a stretch with CRLF wraps is laid out in
    pieces that end at each "\r", and a Doc offset maps back by its piece's shift.
    """

    def __init__(self, stretches: list[tuple[int, int]], text: str) -> None:
        self.stretches = stretches
        #: Per piece: its first character in the Doc, what to add to a Doc offset to make
        #: it an article offset, and the end of its stretch in the article (a span's end
        #: may sit on the break after it). Without CRLF wraps a piece is a stretch.
        self.doc_starts = []
        self.shifts = []
        self.ends = []
        self.pieces: list[list[tuple[int, int]]] = []  # per stretch, its article pieces
        crlf = "\r\n" in text
        #: Whether some stretch is in more than one piece (then offsets map piece by piece).
        self.split = False
        pos = 0
        for start, end in stretches:
            pieces = _crlf_pieces(text, start, end) if crlf else [(start, end)]
            self.split = self.split or len(pieces) > 1
            self.pieces.append(pieces)
            for piece_start, piece_end in pieces:
                self.doc_starts.append(pos)
                self.shifts.append(piece_start - pos)
                self.ends.append(end)
                pos += piece_end - piece_start
            pos += len(STRETCH_BREAK)

    def doc_text(self, text: str) -> str:
        flat = text.replace("\n", " ") if "\n" in text else text  # one pass, not one per stretch
        if "\r" in flat:  # a lone CR is a line end too
            flat = flat.replace("\r", " ")
        return STRETCH_BREAK.join(["".join([flat[s:e] for s, e in pieces]) for pieces in self.pieces])

    def piece_of(self, doc_char: int) -> int:
        return bisect_right(self.doc_starts, doc_char) - 1

    def to_text(self, doc_char: int, piece: int) -> int:
        """A Doc offset as an article offset, kept within the stretch of ``piece`` (a span's
        end may sit on the break after it)."""
        return min(doc_char + self.shifts[piece], self.ends[piece])

    def end_to_text(self, doc_char: int, piece: int) -> int:
        """An exclusive end as an article offset, mapped by the piece its last character is
        in, and kept within the stretch of ``piece`` (where the span starts)."""
        own = bisect_right(self.doc_starts, doc_char - 1) - 1 if doc_char > 0 else 0
        return min(doc_char + self.shifts[own], self.ends[piece])


def _crlf_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """start:end cut before each "\r" of a CRLF inside it; the next piece starts at the "\n"."""
    pieces = []
    at = start
    cr = text.find("\r\n", start, end)
    while cr != -1:
        pieces.append((at, cr))
        at = cr + 1
        cr = text.find("\r\n", at, end)
    pieces.append((at, end))
    return pieces


#: A found figure: article (start, end), its Figure, the article start of the figure it
#: restates (or None), and its sentence.
Found = tuple[int, int, Figure, "int | None", str]


def _figures(parsed: Doc, layout: _Layout, text: str, doc_len: int,
             unresolved_dates: bool = True) -> list[Found]:
    """The figures of ``doc.spans["facts"]`` in the article's offsets, with their sentences.

    A span's Figure is read from ``doc.user_data`` where ``Span._.figure`` keeps it
    (see ``figure.set_figure``): making a spaCy ``Underscore`` object per figure costs
    more than the rest of this loop. That holds for a plain extension (no getter, setter
    or method), which is checked; any other goes through ``span._``. Date figures with
    no known period are left out unless ``unresolved_dates``.
    """
    if SPAN_KEY not in parsed.spans:  # ``get`` on a missing group raises and catches inside spaCy
        return []
    group = parsed.spans[SPAN_KEY]
    if not len(group):
        return []
    direct = Span.get_extension("figure") == _PLAIN_EXTENSION
    get = parsed.user_data.get
    sent_chars = _sentence_chars(parsed, doc_len)
    doc_starts, shifts, ends, split = layout.doc_starts, layout.shifts, layout.ends, layout.split
    sentences: dict[int, str] = {}  # one string per sentence, shared by its facts (pickles once)
    found: list[Found] = []
    append = found.append
    for span in group:
        start = span.start_char
        end = span.end_char
        # spaCy keeps a plain extension's value under this key, and reads a missing one as None
        fig = get(("._.", "figure", start, end)) if direct else span._.figure
        if fig is None or not (unresolved_dates or fig.kind != "date" or fig.period_start) \
                or fig.rule == PERIOD_ANAPHOR_RULE:
            continue  # "during the period" dates its figures, but names no new date of its own
        k = bisect_right(doc_starts, start) - 1
        shift = shifts[k]
        limit = ends[k]  # offsets are kept within the stretch (a span's end may sit on the break)
        same = fig.same_as_char
        if same is not None:
            same = layout.to_text(same, bisect_right(doc_starts, same) - 1)
        n = bisect_right(sent_chars, start) - 1
        sentence = sentences.get(n)
        if split:  # CRLF wraps: the sentence, and the span, may run over more than one piece
            if sentence is None:
                sentence = sentences[n] = _one_line(text[
                    layout.to_text(sent_chars[n], layout.piece_of(sent_chars[n])):
                    layout.end_to_text(sent_chars[n + 1], k)])
            append((min(start + shift, limit), layout.end_to_text(end, k), fig, same, sentence))
            continue
        if sentence is None:
            sentence = sentences[n] = _one_line(
                text[min(sent_chars[n] + shift, limit):min(sent_chars[n + 1] + shift, limit)])
        start += shift
        end += shift
        append((start if start < limit else limit, end if end < limit else limit, fig, same, sentence))
    return found


def _one_line(text: str) -> str:
    """``text`` with each run of white space one space and none at the ends (what ``\\s+`` -> " "
    and ``strip`` give).

    Most sentences have single spaces only (a printable string has no other white
    space): stripping them is enough, without splitting the sentence into words.
    """
    if text.isprintable() and "  " not in text:
        return text.strip()
    return " ".join(text.split())


#: ``Span.get_extension`` of an extension with default None and no getter, setter or method.
_PLAIN_EXTENSION = (None, None, None, None)


def _sentence_chars(parsed: Doc, doc_len: int) -> list[int]:
    """The first character of each sentence, and one more: the Doc's end (``doc_len``).

    Read from the sentence starts the components share (``tokenlists.kept_sentence_starts``),
    else once per doc from arrays: ``Span.sent`` walks token by token. A sentence
    runs to the next one's start; the white space between is stripped with the rest.
    The first token always opens a sentence.
    """
    if not len(parsed):
        return [doc_len]
    kept = kept_sentence_starts(parsed)  # the sentence component's list (token 0 always in it)
    if kept and kept[0] == 0:
        chars = [parsed[i].idx for i in kept]  # a few Tokens: one per sentence
        chars.append(doc_len)
        return chars
    return _sentence_chars_read(parsed, doc_len)


def _sentence_chars_read(parsed: Doc, doc_len: int) -> list[int]:
    """``_sentence_chars`` read from the Doc's arrays (any Doc with at least one token)."""
    rows = parsed.to_array([SENT_START, IDX])
    opens = numpy.flatnonzero(rows[:, 0] == 1)
    chars = rows[opens, 1].tolist()
    if not len(opens) or opens[0] != 0:
        chars.insert(0, int(rows[0, 1]))
    chars.append(doc_len)
    return chars


#: Articles read in one memory zone: enough that common words are not re-learned too often.
ZONE_ARTICLES = 200


@contextmanager
def transient_strings() -> Iterator[None]:
    """A spaCy memory zone: words first seen inside it are forgotten on leaving.

    Every new number, name and link of an article would otherwise stay in the
    vocabulary for good, and a run over an archive would grow by tens of MB per
    thousand articles. Facts are plain Python objects, so nothing outlives the
    Docs it came from. Zones do not nest: inside one already, this does nothing.
    """
    nlp = build_pipeline()
    if nlp.vocab.in_memory_zone:
        yield
        return
    with nlp.memory_zone():
        yield


def in_zones(items: Iterable[T], size: int = ZONE_ARTICLES) -> Iterator[T]:
    """``items`` as they come, ``size`` at a time inside one ``transient_strings`` zone."""
    it = iter(items)
    while True:
        taken = 0
        with transient_strings():
            for item in islice(it, size):
                taken += 1
                yield item
        if taken < size:
            return


def extract_one(text: str, doc: str, published: str | None, fallback_source: str,
                unresolved_dates: bool = False) -> list[Fact]:
    """One article as ``extract_paths`` does it: the publisher the page names, else ``fallback_source``.

    Plain arguments in, plain Facts out: this is what the Dask engine's tasks run.
    """
    return extract_article(read_listed(text, doc, published, fallback_source), unresolved_dates)
