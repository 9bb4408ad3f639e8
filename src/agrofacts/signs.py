"""Currency signs and words that several currencies share, read by the words of the whole page.

"¥" is the yuan's sign in Chinese media and the yen's in Japanese, "Rs" the
Indian rupee's and the Pakistani's, "shillings" Kenya's and Uganda's:
currencies.csv gives each the currency of this genre, and data/sign_cues.csv
names the others with the words that tell them ("yen", "Lahore"), unless the
page also names the first ("yuan", "Delhi"); a cue of words joined by "_" is a
phrase ("statistics_canada"). A sign is matched as written; a currency word
written in lower case there is matched in any case. The page is
read once, by the extractor, before its figure sentences are cut out (a "yen"
may stand in a sentence with no figure), and the choice rides on the Doc
(``doc.user_data[SIGNS_KEY]``); a Doc made without it (``nlp(text)``) keeps the
defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .resources import read_csv

#: Where the extractor leaves a page's choices: sign -> ISO code.
SIGNS_KEY = "sign_currencies"


@dataclass(frozen=True)
class SignCue:
    sign: str
    code: str
    #: the words (a "_" written as a space) that tell the page means ``code``, and those that
    #: tell it does not
    cues: tuple[str, ...]
    unless: tuple[str, ...]


@cache
def sign_cues() -> tuple[SignCue, ...]:
    """One cue per sign of each row of sign_cues.csv ("Rs Rs. rupees rupee" share their cues),
    in the file's order: a later row that a page also matches decides."""
    return tuple(SignCue(sign, r["code"], _words(r["cues"]), _words(r["unless"]))
                 for r in read_csv("sign_cues.csv", ("signs", "code", "cues", "unless"))
                 for sign in r["signs"].split())


def _words(cell: str) -> tuple[str, ...]:
    return tuple(w.replace("_", " ") for w in cell.split())


@cache
def shared_signs() -> frozenset[str]:
    return frozenset(c.sign for c in sign_cues())


def page_signs(text: str) -> dict[str, str]:
    """The signs on the page that mean their other currency here: {"¥": "JPY"} on a page about yen."""
    present = _signs_on(text)
    if not present:
        return {}  # most pages: no shared sign or word at all
    chosen: dict[str, str] = {}
    lowered = text.lower()
    for cue in sign_cues():
        if cue.sign in present and _named(cue.cues, lowered) and not _named(cue.unless, lowered):
            chosen[cue.sign] = cue.code
    return chosen


def _named(words: tuple[str, ...], lowered: str) -> bool:
    """Whether the page names one of ``words`` as a word ("statistics canada" as two). Substring
    tests in C first, the word's bounds only for one found: splitting the page into words cost
    more than all of this."""
    if not any(map(lowered.__contains__, words)):
        return False  # most cue rows of a page
    return any(word in lowered and _word_pattern(word).search(lowered) for word in words)


@cache
def _word_pattern(word: str) -> re.Pattern:
    return _literal_first(word, "a-z", r"(?![a-z])")


def _signs_on(text: str) -> set[str]:
    """The shared signs used as currencies on the page: a sign before a number ("Rs 50",
    "Sh5,600": not the "Sh" of "Shanghai"), a currency word in any case ("CFA").

    A substring test in C first: most pages hold few of the signs, and one regex of them all
    (with its case-blind words) costs half a millisecond a page to run."""
    signs, words = _sign_patterns()
    lowered = None
    present = set()
    for sign, pattern in signs.items():
        if sign in words:
            if lowered is None:
                lowered = text.lower()
            if sign in lowered and pattern.search(lowered):
                present.add(sign)
        elif sign in text and pattern.search(text):
            present.add(sign)
    return present


@cache
def _sign_patterns() -> tuple[dict[str, re.Pattern], frozenset[str]]:
    """Per shared sign, the pattern of its use as a currency; and the signs that are words."""
    signs = sorted(shared_signs(), key=len, reverse=True)
    words = frozenset(s for s in signs if s.islower())
    return ({s: _literal_first(s, "a-z", r"(?![a-z])") if s in words
             else _literal_first(s, "A-Za-z", r"(?=\s?\d)") for s in signs}, words)


def _literal_first(literal: str, not_before: str, after: str) -> re.Pattern:
    """``literal`` not after a letter of ``not_before`` and followed by ``after``, written with the
    literal first, so the regex engine finds it by a fast scan (a pattern that opens with a
    look-behind is tried at every character: 20 microseconds a page)."""
    lit = re.escape(literal)
    return re.compile(rf"{lit}(?<![{not_before}]{lit}){after}")
