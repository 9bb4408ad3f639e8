"""Telling the article from the page around it.

Returns the character spans of page furniture, which the extractor leaves
out by span (the text itself is never edited, so offsets stay true). Two
kinds of evidence:

- rules from data/furniture.jsonl, each a regex with a scope: ``line``
  (the whole line is furniture: "Source: Xinhua| ...", bylines), ``span``
  (just the match: "(Xinhua/Liu Junxi)", "Enditem") or ``rest`` (the line
  and everything after it: "KEY WORDS:");
- the shape of the page: lines before the first line that reads as a
  sentence are headlines and page chrome, and so are lines after the last
  one (lists of related headlines, site footers). Their figures are either
  repeated in the body or belong to other articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from .errors import RuleFileError
from .linegate import LineGate, Opening, PageLines, line_gate, matches, occurrences_in, opening
from .resources import read_jsonl

SCOPES = ("line", "span", "rest")
#: A line "reads as a sentence" when it has a terminal stop followed by space or its end.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
#: The number that opens an item of a numbered list: "  1. Mumbai in lens".
NUMBERED_ITEM = re.compile(r"[ \t]*\d{1,2}\.[ \t]")
#: A line with this many spaces reads as prose even without a final stop: headlines and
#: related-story links are shorter.
LONG_LINE_SPACES = 24
#: A page's last line with this many spaces, after the article, may be its last sentence cut off.
CUT_OFF_SPACES = 12
#: Marks that join items of a list on one line ("Headline one  • Headline two"): such a
#: line is a list of links however long it is.
LIST_MARKS = ("•", "|", "·", "▪")
#: A line ending in one of these does not run on into the next (see ``_wraps_into``).
WRAP_STOPS = frozenset(".!?:;\"”')]")
#: Han characters: an English article's lines that are mostly Chinese are site links and chrome.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HAN_SHARE = 0.3


@dataclass(frozen=True)
class FurnitureRule:
    id: str
    scope: str
    pattern: re.Pattern
    note: str
    #: Every match starts with '^': on one line it can only match at the line's start.
    anchored: bool = False
    #: Plain text every match contains: a page without it cannot match (checked once per page).
    literal: str = ""
    #: Marks every line the rule can match (see linegate); None: try every line.
    gate: LineGate | None = None
    #: Where in a match plain text is that says where to try the rule (see linegate).
    opening: Opening | None = None

    @property
    def on_line(self):
        """``(text, start, end) -> match or None`` for one line: ``search`` there.

        An anchored rule can only match where the line starts (the window holds
        no line break, so '^' fits nowhere else): ``match`` gives the same answer
        without trying every position of the line.
        """
        return self.pattern.match if self.anchored else self.pattern.search


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    rules = []
    for rec in read_jsonl("furniture.jsonl", {"id", "scope", "pattern"}, {"note"}):
        if rec["scope"] not in SCOPES:
            raise RuleFileError(f"furniture.jsonl: rule {rec['id']!r}: scope {rec['scope']!r}"
                                f" not one of {list(SCOPES)}")
        try:
            pattern = re.compile(rec["pattern"], re.MULTILINE)
        except re.error as exc:
            raise RuleFileError(f"furniture.jsonl: rule {rec['id']!r}: bad pattern: {exc}") from exc
        rules.append(FurnitureRule(rec["id"], rec["scope"], pattern, rec.get("note", ""),
                                   _anchored(rec["pattern"]), required_literal(rec["pattern"]),
                                   line_gate(rec["pattern"]), opening(rec["pattern"])))
    return tuple(rules)


def _parsed(pattern: str):
    """The re module's parse tree of a pattern, or None where that is not available."""
    try:
        from re import _constants as sre_constants  # Python >= 3.11
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants
        import sre_parse
    try:
        return sre_constants, sre_parse.parse(pattern, re.MULTILINE)
    except (re.error, AttributeError):
        return sre_constants, None


def _anchored(pattern: str) -> bool:
    """Whether a pattern begins with '^' outside any alternation (so every match starts there).

    Read from the parse tree of the re module; when that is not available the
    answer is False and rules are simply searched.
    """
    const, tree = _parsed(pattern)
    if tree is None or not len(tree.data):
        return False
    first = tree.data[0]
    return first[0] is const.AT and first[1] is const.AT_BEGINNING


def required_literal(pattern: str) -> str:
    """The longest run of plain characters in the pattern's top-level sequence, which every
    match must contain ('' when there is none or case is ignored).

    A page that lacks it cannot match the rule anywhere, so the rule is skipped there.
    """
    const, tree = _parsed(pattern)
    if tree is None or tree.state.flags & re.IGNORECASE:
        return ""
    best = run = ""
    for op, arg in tree.data:
        run = run + chr(arg) if op is const.LITERAL else ""
        best = max(best, run, key=len)
    return best


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end before its line break ("\\n" or "\\r\\n")."""
    pieces = text.split("\n")
    starts = accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0)
    out = [(start, start + len(piece) - piece.endswith("\r"))
           for start, piece in zip(starts, pieces, strict=True)]
    if out[-1][0] == len(text):
        out.pop()  # the empty piece after a final line break is not a line
    return out


def furniture_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of furniture in ``text`` as (start, end, rule id), sorted and possibly overlapping."""
    spans: list[tuple[int, int, str]] = []
    page = PageLines.read(text, occurrences_in(text))
    lines = page.lines
    has = page.finds.first
    for rule in furniture_rules():
        if rule.scope == "span":
            spans.extend((m.start(), m.end(), rule.id) for m in _span_matches(rule, text, page))
            continue
        if rule.gate is not None and not rule.gate.words:
            # a gate of first characters only is a look at a short string: before the literal,
            # which is a search of the page and costs more than trying the rule at a few lines
            candidates = [lines[i] for i in page.marked(rule.gate)]
            if not candidates or (len(candidates) > FEW_LINES and rule.literal
                                  and has(rule.literal) == -1):
                continue
        else:
            if rule.literal and has(rule.literal) == -1:
                continue  # a text every match contains is not on the page
            candidates = _candidate_lines(rule, lines, page)
        on_line = rule.on_line
        for start, end in candidates:
            if on_line(text, start, end):
                if rule.scope == "rest" and _article_begun(text, lines, start):
                    spans.append((start, len(text), rule.id))
                    break
                # a line rule, or a "rest" marker above the article ("Related News" in a
                # page's header): only the line itself
                spans.append((start, end, rule.id))
    if not text.isascii() and HAN.search(text):  # most pages have no Han: no line to look at
        spans.extend((s, e, "chinese-line") for s, e in lines if _mostly_chinese(text, s, e))
    spans.extend(_outside_body(text, lines, spans, page.line_firsts))
    return sorted(spans)


#: Up to this many lines, a line rule is tried at each rather than its literal looked for first.
FEW_LINES = 4


def _span_matches(rule: FurnitureRule, text: str, page: PageLines) -> Iterable[re.Match]:
    """The matches of a ``span`` rule over the page, as ``pattern.finditer(text)`` gives them.

    A rule with a known opening (see linegate) is searched at once: from one plain
    text at its start the re module skips as fast as a look for the rule's literal
    or gate words would scan the page, and other openings are found by ``str.find``.
    Any other rule is searched only on a page that has its literal and that its gate
    lets through.
    """
    if rule.opening is not None:
        return matches(rule.pattern, text, rule.opening)
    if rule.literal and page.finds.first(rule.literal) == -1:
        return ()  # a text every match contains is not on the page
    if rule.gate is not None and not page.any_marked(rule.gate):
        return ()  # no text one of which every match holds is on the page
    return rule.pattern.finditer(text)


def _candidate_lines(rule: FurnitureRule, lines, page: PageLines):
    """The lines, in page order, that the rule's gate lets through (all lines when it has
    none): the rule is then tried on a few lines instead of all of them."""
    if rule.gate is None:
        return lines
    return [lines[i] for i in page.marked(rule.gate)]


def _mostly_chinese(text: str, start: int, end: int) -> bool:
    if not HAN.search(text, start, end):
        return False  # no Han at all, the common case: no need to count letters one by one
    letters = sum(1 for ch in text[start:end] if ch.isalpha())
    return letters > 0 and len(HAN.findall(text, start, end)) >= HAN_SHARE * letters


def wraps_at(text: str, nl: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether the line break at ``nl`` is a hard wrap inside a sentence: the line before stops
    without a stop (see WRAP_STOPS) and the line after goes on in lowercase or with a digit.
    Only text[lo:hi] is looked at; spaces at the line ends do not count."""
    hi = len(text) if hi is None else hi
    k = nl + 1
    while k < hi and text[k] in " \t":
        k += 1
    if not (k < hi and (text[k].islower() or text[k].isdigit())):
        return False  # most lines open with a capital: the line above need not be read
    j = nl - 1
    while j >= lo and text[j] in " \t\r":
        j -= 1
    return j >= lo and not text[j].isspace() and text[j] not in WRAP_STOPS


def _wraps_into(text: str, line: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether ``line`` stops mid-sentence and ``nxt``, right below it, goes on in lowercase."""
    e = line[1]
    nl = text.find("\n", e, nxt[0])
    return nl != -1 and not text[e:nl].strip() and text.count("\n", e, nxt[0]) == 1 \
        and wraps_at(text, nl)


def _outside_body(text: str, lines, spans, firsts: list[str] | None = None) -> list[tuple[int, int, str]]:
    """Headline lines before the body and non-sentence lines after it.

    ``firsts`` (as ``PageLines`` takes it) tells the blank lines without reading them again.
    """
    if firsts is None:
        firsts = [text[s:e].lstrip()[:1] for s, e in lines]
    # ``firsts`` may hold one more item: the empty piece after a final line break
    if spans:
        covered = _coverage(spans)
        body = [line for line, lead in zip(lines, firsts, strict=False) if lead and not covered(*line)]
    else:
        body = [line for line, lead in zip(lines, firsts, strict=False) if lead]
    first = _first_sentence_line(text, body)
    if first is None:
        return []  # a bare snippet: all of it is the article
    # A line that reads only through a wrap has a reading line below it: the last one reads by itself.
    last = next(i for i in range(len(body) - 1, -1, -1) if _reads(text, body[i]))
    cut = []
    if last == len(body) - 2 and _cut_off(text, body[-1]):
        last += 1  # the page was cut off in the middle of its last sentence, and of its last word
        cut = [(text.rindex(" ", *body[-1]) + 1, body[-1][1], "cut-off-word")]
    out = [(s, e, "headline") for s, e in body[:first]]
    out += [(s, e, "after-article") for s, e in body[last + 1:]]
    return out + cut


def _coverage(spans):
    """``covered(start, end)``: whether one span holds the whole line. Of the spans opened by
    ``start`` one must reach ``end``: a bisect and a running maximum, not a walk over all spans."""
    ordered = sorted((s, e) for s, e, _ in spans)
    opens = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # furthest end of the spans opened so far

    def covered(start: int, end: int) -> bool:
        i = bisect_right(opens, start)
        return i > 0 and reach[i - 1] >= end
    return covered


def _article_begun(text: str, lines: list[tuple[int, int]], start: int) -> bool:
    """Whether a line above ``start`` reads as a sentence: a "rest" marker ends the article
    only below one ("KEY WORDS:" after the story, not "Related News" in the page's header)."""
    for line in lines:
        if line[1] > start:
            return False
        if _reads(text, line):
            return True
    return False


def _cut_off(text: str, line: tuple[int, int]) -> bool:
    """Whether the page's last line is a sentence cut off by the crawl: prose that runs on past a
    comma or a lowercase word and has a headline's length or more, no list marks ("He said the
    output reached 680 million tons in 2021, an increase of nearly 100 million tons compared
    with 1"). One such line right after the article, and nothing below it, is no list of links."""
    piece = text[line[0]:line[1]]
    return piece.count(" ") >= CUT_OFF_SPACES and not any(mark in piece for mark in LIST_MARKS) \
        and ("," in piece or piece[:1].islower())


def _reads(text: str, line: tuple[int, int]) -> bool:
    """Whether a line reads as a sentence: a terminal stop followed by space or its end, or
    prose too long for a headline or a link (a paragraph whose stop was left out)."""
    item = NUMBERED_ITEM.match(text, *line)  # "1. Mumbai in lens": a numbered link, its "1." no stop
    if item is not None and any(c.isdigit() for c in text[item.end():line[1]]):
        return True  # "1. Grain output of 650 million tonnes": a numbered point of the article
    if SENTENCE_END.search(text, line[0] if item is None else item.end(), line[1]) is not None:
        return True
    return text.count(" ", *line) >= LONG_LINE_SPACES and not any(
        mark in text[line[0]:line[1]] for mark in LIST_MARKS)


def _first_sentence_line(text: str, body) -> int | None:
    """Index of the first line that reads as a sentence, or that a hard wrap (or a run of them)
    joins to one below that does; None when no line reads.

    Walked from the top, so a page's middle lines are not looked at. A run of wrapped lines
    that ends without a sentence is passed over as a whole: none of its lines reads.
    """
    i = 0
    while i < len(body):
        k = i
        while not _reads(text, body[k]) and k + 1 < len(body) and _wraps_into(text, body[k], body[k + 1]):
            k += 1
        if _reads(text, body[k]):
            return i
        i = k + 1
    return None
