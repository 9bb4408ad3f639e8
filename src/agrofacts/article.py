"""Articles: reading them, and the facts about them that are not figures.

An :class:`Article` is the decoded text plus what the page says about
itself: the publisher it names (data/publishers.csv), the publication
date it prints (data/published.jsonl), the paragraphs of the article
proper (``body_blocks``: furniture left out by span) and the currency signs
it reads its own way (``signs``). None of this needs spaCy, so with
``--jobs`` the main process reads it (``read_article``) while the workers
that read the figures are still starting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .errors import RuleFileError
from .furniture import furniture_spans, required_literal, wraps_at
from .linegate import LineGate, Opening, PageLines, line_gate, matches, occurrences_in, opening
from .resources import read_csv, read_jsonl
from .signs import page_signs

#: Years below this are written with two digits, and this is added to them ("23" is 2023).
CENTURY = 100
TWO_DIGIT_BASE = 2000
#: More text than any publisher rule matches (see ``find_source``).
SOURCE_REACH = 1000
#: How far into the text the publication-date rules look: the header, not the body.
HEADER_CHARS = 2000
#: How far from the end the footer rules look: the closing credit.
FOOTER_CHARS = 600
#: A paragraph at least this long that a page prints twice is read once (``body_blocks``).
REPEATED_BLOCK_CHARS = 60


@dataclass(frozen=True)
class Article:
    doc: str
    text: str
    source: str = ""
    published: str = ""
    #: The paragraphs of the article proper, when read already (else ``body_blocks`` is run).
    blocks: tuple[tuple[int, int], ...] | None = None
    #: The page's own currency signs (``signs.page_signs``), when read already.
    signs: dict[str, str] | None = None


def read_article(text: str, doc: str = "-", published: str | None = None,
                 source: str | None = None) -> Article:
    """The article with every page-level fact read: what ``extract.extract_article`` needs
    besides the figures.

    The publication date is the one the page prints, else ``published``; the
    source is ``source`` when given, else the publisher the page names.
    """
    return Article(doc=doc, text=text,
                   source=find_source(text) if source is None else source,
                   published=find_published(text) or published or "",
                   blocks=tuple(body_blocks(text)), signs=page_signs(text))


def read_listed(text: str, doc: str, published: str | None, fallback_source: str) -> Article:
    """An article of a listing (files, an archive): the publisher the page names, else
    ``fallback_source`` (its metadata row's)."""
    return read_article(text, doc, published, find_source(text) or fallback_source)


@cache
def _publishers() -> tuple[tuple[re.Pattern, str, str], ...]:
    """(pattern, publisher, plain text every match contains: a page without it is not searched)."""
    return tuple((re.compile(r["pattern"], re.MULTILINE), r["name"], required_literal(r["pattern"]))
                 for r in read_csv("publishers.csv", ("pattern", "name")))


@cache
def _published_records() -> tuple[dict, ...]:
    """published.jsonl's rules; ``where`` is "header" (the default) or "footer"."""
    records = tuple(read_jsonl("published.jsonl", {"id", "pattern"}, {"note", "where"}))
    for rec in records:
        if rec.get("where", "header") not in ("header", "footer"):
            raise RuleFileError(f"published.jsonl: rule {rec['id']!r}: where must be header or footer")
    return records


def _date_pattern(rec: dict) -> re.Pattern:
    pattern = re.compile(rec["pattern"], re.MULTILINE)
    groups = set(pattern.groupindex)
    if not ({"y", "d"} <= groups and len(groups & {"m", "mon"}) == 1):
        raise RuleFileError(
            f"published.jsonl: rule {rec['id']!r} needs groups y, d and one of m (number), mon (name)")
    return pattern


@cache
def _footer_rules() -> tuple[re.Pattern, ...]:
    """The rules for a date in the page's closing credit, read when the header gives none."""
    return tuple(_date_pattern(rec) for rec in _published_records() if rec.get("where") == "footer")


@cache
def _published_rules() -> tuple[tuple[re.Pattern, LineGate | None, Opening | None, re.Pattern | None], ...]:
    """(pattern, gate, opening, line starts): a header the gate lets through no line of cannot
    match the pattern; the opening tells where a match can start (see linegate); for a rule
    that opens with "^" and whose gate is a first character, ``line starts`` finds the
    starts of the lines the gate lets through (``_line_matches``)."""
    out = []
    for rec in _published_records():
        if rec.get("where", "header") != "header":
            continue
        pattern = _date_pattern(rec)
        gate, where = line_gate(rec["pattern"]), opening(rec["pattern"])
        starts = None
        if where is None and rec["pattern"].startswith("^") and gate is not None \
                and gate.first is not None and not gate.words:
            # a line's start, where its first non-space character is one the gate lets through
            starts = re.compile(r"^(?=[^\S\n]*(?:" + gate.first.pattern + "))", re.MULTILINE)
        out.append((pattern, gate, where, starts))
    return tuple(out)


def find_source(text: str) -> str:
    """The publisher the page names first, else ''.

    Only the rules whose literal is on the page are tried (all literals are looked for in one
    scan, ``_literals_on``). Once a publisher is found at ``b``, the other rules are searched
    only up to the end of the line that holds ``b + SOURCE_REACH``: a match that starts before
    ``b`` ends there (no rule matches that much text), and cutting at a line's end leaves
    ``$`` and ``\\b`` true.
    """
    on_page = _literals_on(text)
    best = None
    end = len(text)
    for pattern, name, literal in _publishers():
        if literal not in on_page:
            continue
        m = pattern.search(text, 0, end)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
            cut = text.find("\n", m.start() + SOURCE_REACH)
            end = len(text) if cut == -1 else cut
    return best[1] if best else ""


@cache
def _literal_scan() -> tuple[re.Pattern, dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """One regex of every publisher literal, longest first; for each literal, the literals it
    holds ("(Xinhua)" holds "Xinhua"), and those that may begin inside it and run on past its
    end (a proper prefix of one is a suffix of it)."""
    literals = sorted({literal for _, _, literal in _publishers() if literal}, key=len, reverse=True)
    inside = {f: frozenset(x for x in literals if x in f) for f in literals}
    straddling = {f: frozenset(x for x in literals if x not in f and any(
        f.endswith(x[:k]) for k in range(1, len(x)))) for f in literals}
    return re.compile("|".join(map(re.escape, literals))), inside, straddling


def _literals_on(text: str) -> set[str]:
    """The publisher literals that occur in ``text`` ("" always does), from one scan.

    The scan finds matches that do not overlap; a literal inside a longer one found
    ("Xinhua" in "(Xinhua)") is on the page too, and one that could straddle the end of a
    match found is looked for on its own, so the set is exactly the literals ``str.find`` finds.
    """
    scan, inside, straddling = _literal_scan()
    found = set(scan.findall(text))
    on_page = {""}
    maybe: set[str] = set()
    for f in found:
        on_page |= inside[f]
        maybe |= straddling[f]
    on_page.update(x for x in maybe - on_page if x in text)
    return on_page


def find_published(text: str) -> str:
    """The publication date the page prints in its header, ISO, else ''."""
    head = text[:HEADER_CHARS]
    page = PageLines(head, finds=occurrences_in(text))
    best: tuple[int, str] | None = None  # the first date in the text so far: (start, ISO date)
    for pattern, gate, where, starts in _published_rules():
        if gate is not None and not page.any_marked(gate):
            continue  # no line of the header can start a match
        # a match that starts after the best one cannot win: it is not looked for
        last = None if best is None else best[0]
        if starts is not None:
            tried = _line_matches(pattern, starts, head, last)
        else:
            tried = matches(pattern, head, where, last)
        for m in tried:
            if last is not None and m.start() > last:
                break
            day = _date_of(m, pattern)
            if day is None:
                continue  # "2019-02-30" or "Foo 5, 2019": not a date, look on
            if best is None or (m.start(), day.isoformat()) < best:
                best = (m.start(), day.isoformat())
            break
    return best[1] if best else _footer_date(text)


def _footer_date(text: str) -> str:
    """The date of the page's closing credit ("(Xinhua News Agency July 12, 2006)"), else ''."""
    tail = text[-FOOTER_CHARS:]
    for pattern in _footer_rules():
        for m in pattern.finditer(tail):
            day = _date_of(m, pattern)
            if day is not None:
                return day.isoformat()
    return ""


def _date_of(m: re.Match, pattern: re.Pattern) -> dt.date | None:
    """The date a rule's match names, or None ("2019-02-30", "Foo 5, 2019")."""
    month = _month_names().get(m["mon"]) if "mon" in pattern.groupindex else int(m["m"])
    year = int(m["y"])
    if year < CENTURY:
        year += TWO_DIGIT_BASE  # "Pub Date:23-09-19": a two-digit year of this century
    try:
        return dt.date(year, month or 0, int(m["d"]))
    except ValueError:
        return None


def _line_matches(pattern: re.Pattern, starts: re.Pattern, head: str,
                  last: int | None = None) -> Iterator[re.Match]:
    """The matches of a rule that opens with "^", as ``pattern.finditer`` finds them, tried only
    at the starts of the lines its gate lets through (found by ``starts`` in one scan) instead
    of at every character of the header.

    A match whose leading white space reaches back over blank lines starts on the first of
    them, as the search would have it.
    """
    free = 0
    for line in starts.finditer(head):
        at = line.start()
        if last is not None and at > last:
            return  # the lines below start after ``last``
        if at < free:
            continue
        m = pattern.match(head, at)
        if m is None:
            continue
        while at > free:
            above = head.rfind("\n", 0, at - 1) + 1  # the line above, when it is blank
            if head[above:at - 1].strip() or above < free:
                break
            earlier = pattern.match(head, above)
            if earlier is None or earlier.end() != m.end():
                break
            m, at = earlier, above
        yield m
        free = m.end()


@cache
def _month_names() -> dict[str, int]:
    """Month names as data/months.csv spells them, with and without a final stop."""
    names = {}
    for row in read_csv("months.csv", ("surface", "month")):
        names[row["surface"]] = names[row["surface"].rstrip(".")] = int(row["month"])
    return names


def body_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the article proper, trimmed of white space."""
    cuts = sorted((s, e) for s, e, _ in furniture_spans(text))
    pieces = []
    pos = 0
    for s, e in cuts:
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        pieces.append((pos, len(text)))
    blocks = []
    for start, end in pieces:
        blocks.extend(_paragraphs(text, start, end))
    return _first_copies(text, blocks)


def _first_copies(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``blocks`` less a paragraph that repeats an earlier one character for character: a
    standfirst printed again as the first paragraph, a page crawled with two copies of its
    body. Each figure is then read once. Short lines ("Photo: Xinhua") may repeat and are kept."""
    seen: set[str] = set()
    kept = []
    for start, end in blocks:
        if end - start < REPEATED_BLOCK_CHARS:
            kept.append((start, end))
            continue
        key = text[start:end]
        if key not in seen:
            seen.add(key)
            kept.append((start, end))
    return kept


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    para_start = start
    i = start
    while i < end:
        nl = text.find("\n", i, end)
        if nl == -1:
            break
        after = text[nl + 1:nl + 2] if nl + 1 < end else ""
        # a hard wrap inside a sentence joins its lines; it goes on in lowercase or a digit, so a
        # blank line or a capital (most lines) is no wrap, without reading the line above
        if after == "\n" or after.isupper() or not wraps_at(text, nl, start, end):
            out.append((para_start, nl))
            para_start = nl + 1
        i = nl + 1
    out.append((para_start, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
