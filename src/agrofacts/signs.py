"""Currency signs and words that several currencies share, read by the words of the whole page.

"¥" is the yuan's sign in Chinese media and the yen's in Japanese, "Rs" the
Indian rupee's and the Pakistani's, "shillings" Kenya's and Uganda's:
currencies.csv gives each the currency of this genre, and data/sign_cues.csv
names the others with the words that tell them ("yen", "Lahore"), unless the
page also names the first ("yuan", "Delhi"). A sign is matched as written; a
currency word written in lower case there is matched in any case. The page is
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
    chosen: dict[str, str] = {}
    words: set[str] | None = None
    lowered: str | None = None
    for cue in sign_cues():
        if cue.sign not in text:
            if not cue.sign.islower():
                continue  # most pages: no shared sign at all
            if lowered is None:
                lowered = text.lower()
            if cue.sign not in lowered:  # a currency word in any case: "CFA", "Rupees"
                continue
        if words is None:
            words = set(WORD.findall(text.lower() if lowered is None else lowered))
        if not cue.cues.isdisjoint(words) and cue.unless.isdisjoint(words):
            chosen[cue.sign] = cue.code
    return chosen
