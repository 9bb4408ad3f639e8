"""The library API: text in, facts out.

``extract_text`` runs the pipeline once per article, over the sentences
that can hold a figure (``prefilter``: a cheap scan for digits, number words
and date words skips the rest), then numbers the figures in text order and
links restatements. ``extract_paths`` does the same for files and folders.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TypeVar

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from .article import Article, body_blocks, find_published, find_source
from .dates import PUBLISHED_KEY
from .fact import Fact
from .figure import SPAN_KEY
from .lexicon import lexicons
from .metadata import Metadata
from .pipeline import build_pipeline
from .prefilter import figure_stretches
from .reading import MAX_BYTES, Report, iter_articles, strict_report

T = TypeVar("T")
WHITESPACE = re.compile(r"\s+")
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
    article = Article(
        doc=doc,
        text=text,
        source=find_source(text) if source is None else source,
        published=(find_published(text) or published or ""),
    )
    return extract_article(article, unresolved_dates=unresolved_dates)


def extract_article(article: Article, unresolved_dates: bool = False) -> list[Fact]:
    text = article.text
    nlp = build_pipeline()
    stretches = figure_stretches(text, body_blocks(text), nlp.tokenizer.pieces,
                                 lexicons(nlp).abbreviations)
    if not stretches:
        return []
    layout = _Layout(stretches)
    parsed = nlp.make_doc(layout.doc_text(text))
    parsed.user_data[PUBLISHED_KEY] = article.published
    for _name, proc in nlp.pipeline:
        parsed = proc(parsed)
    found = list(_figures(parsed, layout, text))
    if not unresolved_dates:
        found = [f for f in found if f[2].kind != "date" or f[2].period_start]
    found.sort(key=lambda f: (f[0], f[1]))
    number_of = {start: n for n, (start, *_rest) in enumerate(found, start=1)}
    facts = []
    for n, (start, end, fig, sentence) in enumerate(found, start=1):
        facts.append(Fact(
            doc=article.doc, source=article.source, published=article.published, fact=n,
            kind=fig.kind, text=text[start:end], value=fig.value, value_max=fig.value_max,
            unit=fig.unit, qualifier=fig.qualifier, item=fig.item,
            period_start=fig.period_start, period_end=fig.period_end,
            same_as=number_of.get(fig.same_as_char), start_char=start, end_char=end,
            sentence=sentence,
        ))
    return facts


class _Layout:
    """Where each stretch of the article sits in the Doc made of them, and back.

    The Doc is the stretches joined by a blank line, hard line wraps made
    spaces ("more than\n300 tonnes" reads as one phrase; spaCy makes a token of
    a newline): same lengths, so a Doc offset maps back by one subtraction.
    """

    def __init__(self, stretches: list[tuple[int, int]]) -> None:
        self.stretches = stretches
        self.doc_starts = []
        pos = 0
        for start, end in stretches:
            self.doc_starts.append(pos)
            pos += end - start + len(STRETCH_BREAK)

    def doc_text(self, text: str) -> str:
        return STRETCH_BREAK.join(text[s:e].replace("\n", " ") for s, e in self.stretches)

    def stretch_of(self, doc_char: int) -> int:
        return bisect_right(self.doc_starts, doc_char) - 1

    def to_text(self, doc_char: int, stretch: int) -> int:
        """A Doc offset as an article offset, kept within ``stretch`` (a span's end may sit on
        the break after it)."""
        start, end = self.stretches[stretch]
        return min(start + doc_char - self.doc_starts[stretch], end)


def _figures(parsed: Doc, layout: _Layout, text: str):
    starts, chars = _sentences(parsed)
    sentences: dict[int, str] = {}  # one string per sentence, shared by its facts (pickles once)
    for span in parsed.spans.get(SPAN_KEY, []):
        fig = span._.figure
        if fig is None:
            continue
        k = layout.stretch_of(span.start_char)
        if fig.same_as_char is not None:
            same = fig.same_as_char
            fig = fig.with_(same_as_char=layout.to_text(same, layout.stretch_of(same)))
        n = bisect_right(starts, span.start) - 1
        sentence = sentences.get(n)
        if sentence is None:
            start, end = layout.to_text(chars[n], k), layout.to_text(chars[n + 1], k)
            sentence = sentences[n] = WHITESPACE.sub(" ", text[start:end]).strip()
        yield layout.to_text(span.start_char, k), layout.to_text(span.end_char, k), fig, sentence


def _sentences(parsed: Doc) -> tuple[list[int], list[int]]:
    """The first token of each sentence, and its first character (one more: the Doc's end).

    Read once per doc from arrays: ``Span.sent`` walks token by token. A sentence
    runs to the next one's start; the white space between is stripped with the rest.
    """
    rows = parsed.to_array([SENT_START, IDX]).tolist()
    starts = [i for i, (flag, _idx) in enumerate(rows) if flag == 1 or i == 0]
    end = rows[-1][1] + len(parsed[-1].text_with_ws) if rows else 0
    return starts, [rows[i][1] for i in starts] + [end]


def extract_paths(paths: Iterable[str | Path], glob: str = "*.txt", published: str | None = None,
                  metadata: Metadata | None = None, unresolved_dates: bool = False,
                  report: Report = strict_report, max_bytes: int = MAX_BYTES, jobs: int | None = 1,
                  on_article: Callable[[str, int], None] | None = None) -> Iterator[Fact]:
    """Facts of every article under ``paths`` (files, folders, or '-' for stdin), in doc order.

    Publication date: the article's own, else ``published``, else its
    ``metadata`` row; the source: the article's own, else its metadata row.
    A file that cannot be used goes to ``report`` (see ``reading``); the default raises.
    ``jobs`` processes share the work (None: one per core); the output is the
    same for any number. ``on_article(doc, chars)`` is called as each article is done.
    """
    articles = iter_articles(paths, glob=glob, report=report, max_bytes=max_bytes)
    if jobs != 1:
        from .parallel import extract_parallel

        yield from extract_parallel(articles, jobs=jobs, on_article=on_article,
                                    overrides=lambda doc: overrides(doc, published, metadata),
                                    unresolved_dates=unresolved_dates)
        return
    for item in in_zones(articles):
        item_published, fallback_source = overrides(item.doc, published, metadata)
        yield from extract_one(item.text, item.doc, item_published, fallback_source, unresolved_dates)
        if on_article is not None:
            on_article(item.doc, len(item.text))


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


def overrides(doc: str, published: str | None, metadata: Metadata | None) -> tuple[str | None, str]:
    """(publication date, fallback source) of one article from --published and its metadata row.

    Looked up where the articles are listed (the metadata counts the rows it used).
    """
    row = metadata.lookup(doc) if metadata is not None else None
    return published or (row.published if row else None), (row.source if row else "")


def extract_one(text: str, doc: str, published: str | None, fallback_source: str,
                unresolved_dates: bool = False) -> list[Fact]:
    """One article as ``extract_paths`` does it: the publisher the page names, else ``fallback_source``.

    Plain arguments in, plain Facts out: this is what worker processes run.
    """
    return extract_text(text, doc=doc, published=published, source=find_source(text) or fallback_source,
                        unresolved_dates=unresolved_dates)
