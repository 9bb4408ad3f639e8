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
WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class SignCue:
    sign: str
    code: str
    cues: frozenset[str]
    unless: frozenset[str]


@cache
def sign_cues() -> tuple[SignCue, ...]:
    return tuple(SignCue(r["sign"], r["code"], frozenset(r["cues"].split()), frozenset(r["unless"].split()))
                 for r in read_csv("sign_cues.csv", ("sign", "code", "cues", "unless")))


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


def _named(cues: frozenset[str], lowered: str) -> bool:
    """Whether the page names one of ``cues`` as a word, or words joined by "_" written in a row
    ("statistics_canada": "Statistics Canada"). A substring test in C first, the word's
    bounds only for a cue found: splitting the page into words cost more than all of this."""
    return any(cue_word(c) in lowered and _cue_pattern(c).search(lowered) for c in cues)


def cue_word(cue: str) -> str:
    return cue.replace("_", " ")


@cache
def _cue_pattern(cue: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z]){re.escape(cue_word(cue))}(?![a-z])")


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
    return ({s: re.compile(rf"\b{re.escape(s)}\b" if s in words else rf"(?<![A-Za-z]){re.escape(s)}(?=\s?\d)")
             for s in signs}, words)
