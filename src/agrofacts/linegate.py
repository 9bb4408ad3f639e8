"""Cheap, exact pre-tests for the page rules (furniture, publication dates).

Trying every rule at every line of every page is the main cost of telling
the article from its page. Most rules cannot match most lines: a rule
anchored with '^' can only match a line whose first non-space character is
one it can start with, and any rule can only match where the plain text it
always contains occurs. :func:`line_gate` reads both facts from the
pattern's parse tree; :class:`PageLines` indexes a page's lines by their
first non-space character, so a rule is tried only on the lines its gate
lets through (and a page none passes is not searched at all). The gate may
let through lines the rule then rejects; it never leaves out one the rule
would match, so output is unchanged. When the pattern is outside what the
reading understands the answer is None and the rule is tried everywhere,
as before.

Two more readings of the same kind: :func:`opening` finds plain text that
every match holds at a fixed distance from its start ("(" or "[" for
"[[(]\\s*Photo", "-" four characters in for "\\d{4}-"), and :func:`matches`
tries the pattern only there, found by ``str.find`` (the re module steps
through a class or an anchor one character at a time). :class:`Occurrences`
remembers, for the article being read, where each plain text first occurs:
the publisher, date and furniture rules ask for many of the same ones, and
a text that is not there costs a scan of the whole article each time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

try:
    from re import _constants as C  # Python >= 3.11
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse

#: Character classes (as regex text) that never match white space.
_CLASS_TEXT = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_SPACE: r"\S"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT) + ((C.POSSESSIVE_REPEAT,) if hasattr(C, "POSSESSIVE_REPEAT") else ())


class _Unknown(Exception):
    """The pattern uses something the reading does not model: no gate for it."""


@dataclass(frozen=True)
class LineGate:
    """A rule can match a line only if the line's first non-space character matches ``first``
    or the line contains one of ``words`` (plain texts: ``in`` finds them faster than a regex).

    The same holds for a search over a whole text: a '^' rule's white space may
    run over line breaks, but the first character after it is then still the
    first non-space character of its own line.
    """
    first: re.Pattern | None
    words: tuple[str, ...]


class Occurrences:
    """Where plain texts first occur in one text, each looked for once.

    The publisher rules, the publication-date rules and the furniture rules
    each look for plain texts in the same article ("Xinhua", "China Daily",
    "Source:"), and a text that is not there costs a scan of the whole
    article every time it is asked for. One ``Occurrences`` per article
    answers each text once, for the article and for any start of it.
    """

    __slots__ = ("text", "_first", "_none_before")

    def __init__(self, text: str) -> None:
        self.text = text
        self._first: dict[str, int] = {}
        #: Texts known not to be wholly inside ``text[:end]``, with that end.
        self._none_before: dict[str, int] = {}

    def first(self, word: str) -> int:
        """``text.find(word)``."""
        at = self._first.get(word)
        if at is None:
            at = self._first[word] = self.text.find(word)
        return at

    def within(self, word: str, end: int) -> bool:
        """Whether ``word in text[:end]``: its first occurrence ends by ``end``.

        A text not asked for before is looked for in ``text[:end]`` only (a header
        need not cost a scan of the whole article); found there, it is the text's first.
        """
        at = self._first.get(word)
        if at is None:
            if end >= len(self.text):
                at = self.first(word)
            elif self._none_before.get(word, -1) >= end:
                return False
            else:
                at = self.text.find(word, 0, end)
                if at == -1:
                    self._none_before[word] = end
                    return False
                self._first[word] = at  # an earlier occurrence would end earlier: found first
        return at != -1 and at + len(word) <= end


def occurrences_in(text: str) -> Occurrences:
    """The :class:`Occurrences` of ``text``: the same one while the same text is read.

    An article's publisher, publication date and furniture are read one after the
    other from one text object; the answers for the last text read are kept (one
    text, not a cache that grows), so a plain text is looked for once per article.
    """
    last = _LAST_READ[0]
    if last is None or last.text is not text:
        last = _LAST_READ[0] = Occurrences(text)
    return last


#: The Occurrences of the text read last (see ``occurrences_in``).
_LAST_READ: list[Occurrences | None] = [None]


class PageLines:
    """The lines of one page indexed by their first non-space character, so each gate is
    looked up once per page instead of tried at every line."""

    def __init__(self, text: str, lines: list[tuple[int, int]] | None = None,
                 firsts: list[str] | None = None, finds: Occurrences | None = None) -> None:
        """``lines`` (see furniture.lines_of) are needed by :meth:`marked` only; ``firsts``, when
        given, is the first non-space character ("" for none) of every "\n"-delimited piece of
        ``text`` (what the page's lines were read from); ``finds`` answers plain texts for a text
        that ``text`` starts (an article, for its header)."""
        self.text = text
        self.lines = lines
        if firsts is None:
            firsts = [piece.lstrip()[:1] for piece in text.split("\n")]
        #: The first non-space character of each piece (a line, and any empty piece after the last).
        self.line_firsts = firsts
        #: Each line's first non-space character once ("\r" before a line break is white space):
        #: a gate's ``first`` class is searched in this short string.
        self.firsts = "".join(set(firsts))
        self.finds = Occurrences(text) if finds is None else finds

    @classmethod
    def read(cls, text: str, finds: Occurrences | None = None) -> PageLines:
        """The page's lines (as furniture.lines_of gives them), their first characters and the
        index by first character, read in one pass over the lines (a pass each costs more than
        the rest of reading a page's gates)."""
        lines: list[tuple[int, int]] = []
        firsts: list[str] = []
        by_first: dict[str, list[int]] = {}
        pos = 0
        for i, piece in enumerate(text.split("\n")):
            width = len(piece)
            first = piece.lstrip()[:1]
            firsts.append(first)
            lines.append((pos, pos + width - piece.endswith("\r")))
            by_first.setdefault(first, []).append(i)
            pos += width + 1
        if lines[-1][0] == len(text):
            lines.pop()  # the empty piece after a final line break is not a line
            by_first[""].pop()
        page = cls(text, lines, firsts, finds)
        page.by_first = by_first
        return page

    @cached_property
    def starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    @cached_property
    def by_first(self) -> dict[str, list[int]]:
        """Line indexes by first non-space character."""
        out: dict[str, list[int]] = {}
        # a line's first non-space character is its piece's: only a final "\r" is left out of it
        for i, first in enumerate(self.line_firsts[:len(self.lines)]):
            out.setdefault(first, []).append(i)
        return out

    def marked(self, gate: LineGate) -> list[int]:
        """Indexes, in page order, of the lines the gate lets through."""
        chars = gate.first.findall(self.firsts) if gate.first is not None else []
        if not gate.words and len(chars) < 2:  # the common case: no line, or one index list
            return self.by_first[chars[0]] if chars else []
        out: set[int] = set()
        for ch in chars:
            out.update(self.by_first[ch])
        for word in gate.words:
            if self.finds.within(word, len(self.text)):
                out.update(bisect_right(self.starts, at) - 1 for at in occurrences(self.text, word))
        return sorted(out)

    def any_marked(self, gate: LineGate) -> bool:
        """Whether the gate lets any line through: else a rule cannot match anywhere in the text."""
        if gate.first is not None and gate.first.search(self.firsts):
            return True
        within, end = self.finds.within, len(self.text)
        for word in gate.words:  # a plain loop: this runs for every rule on every page
            if within(word, end):
                return True
        return False


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every position where ``word`` starts in ``text`` (overlapping ones included)."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _parsed(pattern: str):
    """The parse tree of ``pattern`` as compiled with re.MULTILINE, or None when the pattern
    does not parse or ignores case (no plain-text shortcut holds for it then)."""
    try:
        tree = sre_parse.parse(pattern, re.MULTILINE)
    except re.error:
        return None
    return None if tree.state.flags & re.IGNORECASE else tree


def line_gate(pattern: str) -> LineGate | None:
    """The :class:`LineGate` of ``pattern`` (compiled with re.MULTILINE), or None when
    no such shortcut is known."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    try:
        classes, words = _alternatives_gate(list(tree.data))
    except _Unknown:
        return None
    return LineGate(re.compile("[" + "".join(classes) + "]") if classes else None,
                    tuple(words))


def _alternatives_gate(items: list) -> tuple[list[str], list[str]]:
    """(first-character classes, plain texts) of a top-level sequence, each alternative's
    added up when the sequence is one alternation."""
    if len(items) == 1 and items[0][0] is C.BRANCH:
        classes, words = [], []
        for branch in items[0][1][1]:
            more_classes, more_words = _alternatives_gate(list(branch.data))
            classes += more_classes
            words += more_words
        return classes, words
    if items and items[0] == (C.AT, C.AT_BEGINNING):
        try:
            classes, blank = _first_classes(items[1:])
        except _Unknown:
            blank = True  # look for a plain text instead
        if not blank:
            return classes, []
    words = _required_words(items)
    if not words or any(not word or "\n" in word for word in words):
        raise _Unknown
    return [], words


def _required_words(items: list) -> list[str]:
    """Plain texts one of which every match contains: the longest run of plain characters in
    the top-level sequence, or a top-level group of plain alternatives ("Updated|Posted") when
    its shortest alternative is longer (a longer text is rarer, so the gate marks fewer lines)."""
    best = [_longest_literal(items)]
    for op, arg in items:
        if op is C.BRANCH:
            words = _plain_alternatives([(op, arg)])
        elif op is C.SUBPATTERN and not arg[1] & re.IGNORECASE:
            words = _plain_alternatives(list(arg[3].data))
        else:
            continue
        if words and min(map(len, words)) > min(map(len, best)):
            best = words
    return best


def _plain_alternatives(items: list) -> list[str] | None:
    """The texts of an alternation whose every branch is plain characters, else None."""
    if len(items) != 1 or items[0][0] is not C.BRANCH:
        return None
    words = []
    for branch in items[0][1][1]:
        if not branch.data or any(op is not C.LITERAL for op, _ in branch.data):
            return None
        words.append("".join(chr(arg) for _, arg in branch.data))
    return words


def _longest_literal(items: list) -> str:
    """The longest run of plain characters in a top-level sequence: every match contains it."""
    best = run = ""
    for op, arg in items:
        run = run + chr(arg) if op is C.LITERAL else ""
        best = max(best, run, key=len)
    return best


def _first_classes(items: list) -> tuple[list[str], bool]:
    """The characters a match of ``items`` can have as its first non-space character, as
    regex class items, and whether the match can be white space only (then any line can match).

    Zero-width items (anchors, lookarounds) are passed over: leaving out a condition
    only lets the gate mark more lines.
    """
    classes: list[str] = []
    for item in items:
        if item[0] in _ZERO_WIDTH:
            continue
        first, blank = _item_first(item)
        classes += first
        if not blank:
            return classes, False
    return classes, True


def _item_first(item) -> tuple[list[str], bool]:
    """First non-space classes of one parse-tree item, and whether it can match only white space."""
    op, arg = item
    if op is C.LITERAL:
        ch = chr(arg)
        return ([], True) if ch.isspace() else ([re.escape(ch)], False)
    if op is C.IN:
        return _class_first(arg)
    if op in _REPEATS:
        low, _high, sub = arg
        classes, blank = _first_classes(list(sub.data))
        return classes, blank or low == 0
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = arg
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first_classes(list(sub.data))
    if op is C.BRANCH:
        classes, blank = [], False
        for branch in arg[1]:
            first, empty = _first_classes(list(branch.data))
            classes += first
            blank = blank or empty
        return classes, blank
    raise _Unknown


def _class_first(members) -> tuple[list[str], bool]:
    """A character class is white space only (passed over) or never white space; else unknown."""
    if all(op is C.CATEGORY and arg is C.CATEGORY_SPACE
           or op is C.LITERAL and chr(arg).isspace() for op, arg in members):
        return [], True
    out = []
    for op, arg in members:
        if op is C.LITERAL and not chr(arg).isspace():
            out.append(re.escape(chr(arg)))
        elif op is C.RANGE and not any(chr(c).isspace() for c in range(arg[0], arg[1] + 1)):
            out.append(re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1])))
        elif op is C.CATEGORY and arg in _CLASS_TEXT:
            out.append(_CLASS_TEXT[arg])
        else:
            raise _Unknown
    return out, False


@dataclass(frozen=True)
class Opening:
    """Every match of a pattern has one of ``texts`` ``offset`` characters after its start.

    A search for a pattern whose first element is a class ("[[(]"), an alternation
    of words or comes after a fixed-width part ("\\d{4}-") steps through the text one
    character at a time; the texts are found by ``str.find``, which is many times
    faster, and the pattern is tried only where they are (see :func:`matches`).
    """
    offset: int
    texts: tuple[str, ...]
    #: The texts open the pattern itself (nothing, not even an anchor, comes before them).
    leading: bool = False

    @property
    def searched_fast(self) -> bool:
        """Whether the re module finds the matches as fast by itself: a pattern that opens
        with plain text is searched for that text first."""
        return self.leading and len(self.texts) == 1


def opening(pattern: str) -> Opening | None:
    """The :class:`Opening` of ``pattern`` (compiled with re.MULTILINE), or None when its
    top-level sequence has no plain text at a fixed offset before anything of varying width."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    offset = 0
    items = list(tree.data)
    for i, (op, arg) in enumerate(items):
        if op is C.LITERAL:
            return Opening(offset, (_literal_run(items[i:]),), i == 0)
        if op is C.IN and arg and all(member is C.LITERAL for member, _ in arg):
            return Opening(offset, tuple(sorted({chr(code) for _, code in arg})), i == 0)
        if op is C.BRANCH:
            words = _plain_alternatives([(op, arg)])
            return Opening(offset, tuple(words), i == 0) if words else None
        if op is C.SUBPATTERN and not arg[1] & re.IGNORECASE:
            words = _plain_alternatives(list(arg[3].data))
            if words:
                return Opening(offset, tuple(words), i == 0)
        low, high = sre_parse.SubPattern(tree.state, [(op, arg)]).getwidth()
        if low != high:
            return None
        offset += low
    return None


def _literal_run(items: list) -> str:
    """The plain characters at the start of ``items``."""
    run = ""
    for op, arg in items:
        if op is not C.LITERAL:
            break
        run += chr(arg)
    return run


def matches(pattern: re.Pattern, text: str, where: Opening | None,
            last: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, trying the pattern only where ``where`` says a match can start.

    Matches are tried left to right, each after the end of the last; none is empty
    (each holds an opening text), so this is the search ``finditer`` makes. With ``last``,
    only the matches that start at or before it are wanted: places after it are not tried.
    """
    if where is None or where.searched_fast:
        yield from pattern.finditer(text)
        return
    places = sorted({at - where.offset for word in where.texts for at in occurrences(text, word)
                     if at >= where.offset})
    free = 0
    for at in places:
        if last is not None and at > last:
            return
        if at < free:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            free = m.end()
