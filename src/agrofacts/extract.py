"""The library API: text in, facts out.

``extract_text`` runs the pipeline over the paragraphs of one article that
can hold a figure (a cheap scan for digits, number words and currency signs
skips the rest), then numbers the figures in text order and links
restatements. ``extract_paths`` does the same for files and folders.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .article import Article, body_blocks, find_published, find_source
from .dates import PUBLISHED_KEY
from .fact import Fact
from .figure import SPAN_KEY
from .metadata import Metadata
from .pipeline import build_pipeline
from .reading import MAX_BYTES, Report, iter_articles, strict_report

WHITESPACE = re.compile(r"\s+")
DIGIT = re.compile(r"\d")


@cache
def _trigger() -> re.Pattern:
    """Text that may hold a figure: a digit, a number word, a currency sign or a date word."""
    from .datewords import date_words, trigger_pattern
    from .lexicon import lexicons

    nlp = build_pipeline()
    lex = lexicons(nlp)
    words = sorted((w for w in lex.numbers if w.isalpha() and len(w) > 1), key=len, reverse=True)
    numbers = r"\d|\b(?i:" + "|".join(words) + r")\b"
    return re.compile(numbers + "|" + trigger_pattern(date_words(nlp), lex.months))


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
    trigger = _trigger()
    # A digit is the common case and the trigger accepts any: test it first, it is a fast scan.
    blocks = [(s, e) for s, e in body_blocks(text)
              if DIGIT.search(text, s, e) or trigger.search(text, s, e)]
    docs = []
    for s, e in blocks:
        made = nlp.make_doc(_unwrap(text[s:e]))
        made.user_data[PUBLISHED_KEY] = article.published
        docs.append(made)
    found = []
    for (start, _end), parsed in zip(blocks, _parse(nlp, docs), strict=True):
        found.extend(_figures(parsed, start, text))
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


def _unwrap(block: str) -> str:
    """A paragraph with its hard line wraps turned into spaces, so "more than\n300 tonnes" reads
    as one phrase (spaCy makes a token of a newline). Same length: offsets stay true."""
    return block.replace("\n", " ") if "\n" in block else block


def _parse(nlp: Language, docs: Iterable[Doc]) -> Iterator[Doc]:
    """What ``nlp.pipe`` does for components without a batch ``pipe``, minus its per-doc overhead."""
    pipeline = [proc for _name, proc in nlp.pipeline]
    for doc in docs:
        for proc in pipeline:
            doc = proc(doc)
        yield doc


def _figures(parsed: Doc, offset: int, text: str):
    starts = _sentence_starts(parsed)
    sentences: dict[str, str] = {}  # one string per sentence, shared by its facts (pickles once)
    for span in parsed.spans.get(SPAN_KEY, []):
        fig = span._.figure
        if fig is None:
            continue
        if fig.same_as_char is not None:
            fig = fig.with_(same_as_char=fig.same_as_char + offset)
        if starts is None:
            sentence = WHITESPACE.sub(" ", span.sent.text).strip()
        else:
            sentence = _sentence_at(parsed, starts, span.start, text, offset)
            sentence = sentences.setdefault(sentence, sentence)
        yield offset + span.start_char, offset + span.end_char, fig, sentence


def _sentence_starts(parsed: Doc) -> list[int] | None:
    """Token indices that start a sentence, read once per doc (``Span.sent`` walks token by token)."""
    if not len(parsed) or not parsed.has_annotation("SENT_START"):
        return None
    flags = parsed.to_array(SENT_START).astype("int64")
    return [i for i, flag in enumerate(flags.tolist()) if flag == 1]


def _sentence_at(parsed: Doc, starts: list[int], i: int, text: str, offset: int) -> str:
    """Text of the sentence holding token ``i``, as ``Span.sent`` finds it for a span starting there.

    Sliced from the article text (``parsed`` is ``text`` from ``offset`` on, line breaks
    made spaces: the same once white space is collapsed) by character offsets:
    ``Span.text`` and ``Doc.text`` join token by token.
    """
    nxt = bisect_right(starts, i)
    sent = parsed[starts[nxt - 1] if nxt else 0:starts[nxt] if nxt < len(starts) else len(parsed)]
    return WHITESPACE.sub(" ", text[offset + sent.start_char:offset + sent.end_char]).strip()


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
    for item in articles:
        item_published, fallback_source = overrides(item.doc, published, metadata)
        yield from extract_one(item.text, item.doc, item_published, fallback_source, unresolved_dates)
        if on_article is not None:
            on_article(item.doc, len(item.text))


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
