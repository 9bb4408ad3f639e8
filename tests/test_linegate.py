"""Line gates (linegate.py) never leave out a line a page rule would match.

The oracle is the plain way: every rule tried at every line (furniture) or
over the whole header (publication dates). Pages are the seeds, the seeds
with "\\r\\n" line ends, and small pages built to sit at the gates' edges.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agrofacts import article, furniture
from agrofacts.furniture import furniture_rules, furniture_spans, lines_of
from agrofacts.linegate import PageLines, line_gate

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
EDGE_PAGES = [
    "",
    "\n",
    "\n\n  \n",
    "  Source: Xinhua| 2019-11-24 15:40:04|Editor: huaxia\nBody text here.",
    "\tEditor: Li Wei\r\nThe body goes on. It is long enough.\r\n",
    "By Zhang San and Li Si ( China Daily )\nSome sentence. Another one.\n(Web editor: A, B)",
    "123456789012345\nVideo Player Close\n00:53\nA sentence here.\nRelated News\nLink one",
    "Contact: someone@example.com\nA sentence. 1700000000000 was a timestamp.\nEnditem",
    " date 2022-01-21 \r\n (People's Daily Online) 09:31, October 12, 2023\r\nText.",
    "China Daily (Hong Kong)\n  5 Jan 2018\nUpdated: Nov 24, 2019\nBody.",
    "首页 > 新闻\n京ICP备12345号\n0 Comment(s)Print E-mail\n© 2020\nFine text.",
    "2024-03-05 09:12\n\n\nx\n  Updated 14:32, 21-Jan-2022 China Daily\n",
    "HEADLINE HERE\nthe start of a line that\ngoes on here. More\nText here.\nFooter link\nanother link",
    "a line that\ngoes on\nand on\nThen a line\n\nthat wraps. Here.\nfoot\nlink that\nwraps",
    "Title\nno sentence at all\njust lines\n",
    "Title\nSentence one.\n  indented wrap that\n  ends here.\n\nRelated\n",
]


def _pages():
    texts = [p.read_text(encoding="utf-8-sig") for p in SEEDS] + EDGE_PAGES
    return texts + [t.replace("\n", "\r\n") for t in texts]


def _plain_furniture_spans(text: str) -> list[tuple[int, int, str]]:
    """furniture_spans as it was before the gates: every line rule tried at every line."""
    spans = []
    lines = lines_of(text)
    for rule in furniture_rules():
        if rule.scope == "span":
            spans.extend((m.start(), m.end(), rule.id) for m in rule.pattern.finditer(text))
            continue
        for start, end in lines:
            if rule.pattern.search(text, start, end):
                spans.append((start, len(text) if rule.scope == "rest" else end, rule.id))
                if rule.scope == "rest":
                    break
    spans.extend((s, e, "chinese-line") for s, e in lines if furniture._mostly_chinese(text, s, e))
    spans.extend(_plain_outside_body(text, lines, spans))
    return sorted(spans)


def _plain_outside_body(text: str, lines, spans) -> list[tuple[int, int, str]]:
    """_outside_body as it was: every line's reading, wraps joined from the bottom up."""
    body = [(s, e) for s, e in lines if text[s:e].strip()
            and not any(s0 <= s and e <= e0 for s0, e0, _ in spans)]
    reads = [bool(furniture.SENTENCE_END.search(text, s, e)) for s, e in body]
    for i in range(len(body) - 2, -1, -1):
        if not reads[i] and reads[i + 1] and furniture._wraps_into(text, body[i], body[i + 1]):
            reads[i] = True
    sentence_lines = [i for i, ok in enumerate(reads) if ok]
    if not sentence_lines:
        return []
    first, last = sentence_lines[0], sentence_lines[-1]
    return ([(s, e, "headline") for s, e in body[:first]]
            + [(s, e, "after-article") for s, e in body[last + 1:]])


def _plain_published(text: str) -> str:
    head = text[:article.HEADER_CHARS]
    found = []
    for pattern, *_how in article._published_rules():
        for m in pattern.finditer(head):
            name = m["mon"] if "mon" in pattern.groupindex else None
            month = article._month_names().get(name) if name else int(m["m"])
            try:
                day = article.dt.date(int(m["y"]), month or 0, int(m["d"]))
            except ValueError:
                continue
            found.append((m.start(), day.isoformat()))
            break
    return min(found)[1] if found else ""


@pytest.mark.parametrize("text", _pages())
def test_gated_furniture_equals_every_rule_at_every_line(text):
    assert furniture_spans(text) == _plain_furniture_spans(text)


@pytest.mark.parametrize("text", _pages())
def test_gated_publication_date_equals_every_rule_over_the_header(text):
    assert article.find_published(text) == _plain_published(text)


def test_crlf_page_has_the_furniture_of_its_lf_page():
    """lines_of leaves the "\\r" out of a line: the rules and their gates see the same lines."""
    lf = EDGE_PAGES[6]
    assert "\r" not in lf
    crlf = lf.replace("\n", "\r\n")
    shift = [lf.count("\n", 0, i) for i in range(len(lf) + 1)]
    assert [(s + shift[s], e + shift[e] if e < len(lf) else len(crlf), rule)
            for s, e, rule in furniture_spans(lf)] == furniture_spans(crlf)
    assert {rule for *_, rule in furniture_spans(crlf)} >= {"tracking-number", "video-player", "key-words"}


@pytest.mark.parametrize("text,lines", [
    ("", []), ("\n", [(0, 0)]), ("a\r\nb", [(0, 1), (3, 4)]), ("a\n\n", [(0, 1), (2, 2)]),
    ("\r", [(0, 0)]), ("x\r\r\n", [(0, 2)]),
])
def test_lines_of(text, lines):
    assert lines_of(text) == lines


@pytest.mark.parametrize("pattern,first,words", [
    (r"^\s*Source:", "[S]", ()),
    (r"^\s*(?:\[|\()?\s*(?:Web\s+)?Editors?:", r"[\[\(WE]", ()),
    (r"^\s*\d{12,}\s*$", r"[\d]", ()),
    (r"^(?=.{0,200}$).*[\w.+-]+@[\w-]+", None, ("@",)),
    (r"Comment\(s\)|^\s*(?:Print|Share)", "[PS]", ("Comment(s)",)),
    (r"(?:Updated|Posted)\s*:?\s*\d{4}-", None, ("Updated", "Posted")),
    (r"(?<![\d,.])1\d{12}", None, ("1",)),
])
def test_line_gate_reads_the_pattern(pattern, first, words):
    gate = line_gate(pattern)
    assert (gate.first.pattern if gate.first else None, gate.words) == (first, words)


@pytest.mark.parametrize("pattern", [
    r"(?i)^\s*source:",  # case folded: the characters are not the ones written
    r"^\s*(?i:source)",
    r"^\s*$",  # a blank line matches: no character to look for
    r"^.\d",  # '.' can be a space: the first non-space character is unknown
    r"^[^a]\d",
    r"\d+",  # no plain text either
])
def test_no_gate_where_the_reading_cannot_tell(pattern):
    assert line_gate(pattern) is None


def test_a_gate_marks_the_lines_a_rule_matches():
    text = "  Source: x\nSo\n\tSource:\r\nnothing"
    gate = line_gate(r"^\s*Source:")
    assert PageLines(text, lines_of(text)).marked(gate) == [0, 1, 2]
    assert not PageLines("a\n b").any_marked(gate)


@pytest.mark.parametrize("text", ["", "ab", "xxabyyab", "a" * 50 + "ab", "abc" * 5])
def test_occurrences_answer_as_find_and_in_do(text):
    """Occurrences remembers what it found, asked in any order, for the text and its starts."""
    from agrofacts.linegate import Occurrences

    words = ["ab", "b", "yab", "zz", "aab", "c", ""]
    ends = [0, 1, 2, 3, 5, 8, 20, 60, 100]
    for order in (1, -1):
        finds = Occurrences(text)
        for word in words[::order]:
            for end in ends[::order]:
                assert finds.within(word, end) == (word in text[:end]), (word, end)
            assert finds.first(word) == text.find(word)


OPENING_PATTERNS = [
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", r"[\[(]\s*(?:Photo|Video)\b[^\])\n]{0,20}[\])]",
    r"(?:Updated|Posted)\s*:?\s*\d{4}", r"\bSource:\s*X", r"E(?<!\wE)nditem\b",
    r"1(?<![\d,.]1)\d{3}(?![\d,.])", r"(?:aa|a)b", r"aa", r"(?<=a)ab", r"\d\d(?=-)-?", r"(?P<w>ab|b)c",
    r"..x", r"(?:China Daily|chinadaily)\S*",
]


@pytest.mark.parametrize("pattern", OPENING_PATTERNS)
def test_matches_are_those_of_finditer(pattern):
    """Trying a pattern only where its opening text is finds what finditer finds."""
    from agrofacts.linegate import matches, opening

    where = opening(pattern)
    compiled = re.compile(pattern, re.MULTILINE)
    texts = _pages() + ["aaab aab ab b abc", "2019-11-24-2020-1-2 x--12-3", "(Photo: x)[Video y] (Photo",
                        "Updated: 2019 Posted 2020Updated2021", "1234 11234 1,123 1123.", "xxx axx a\nxx"]
    for text in texts:
        assert [m.span() for m in matches(compiled, text, where)] == \
            [m.span() for m in compiled.finditer(text)], text


@pytest.mark.parametrize(("pattern", "offset", "texts"), [
    (r"(?P<y>\d{4})-", 4, ("-",)), (r"[\[(]x", 0, ("(", "[")),
    (r"(?:Updated|Posted)", 0, ("Updated", "Posted")), (r"\bSource:", 0, ("Source:",)),
    (r"\w+x", None, None), (r"(?i)abc", None, None), (r"^\s*date", None, None),
])
def test_opening_reads_the_pattern(pattern, offset, texts):
    from agrofacts.linegate import opening

    where = opening(pattern)
    assert (where.offset, where.texts) == (offset, texts) if offset is not None else where is None


@pytest.mark.parametrize("text", _pages())
def test_page_read_in_one_pass_is_the_page_read_in_parts(text):
    page = PageLines.read(text)
    plain = PageLines(text, lines_of(text))
    assert page.lines == plain.lines
    assert {k: v for k, v in page.by_first.items() if v} == plain.by_first
    assert sorted(page.firsts) == sorted(plain.firsts)
