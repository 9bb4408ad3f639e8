"""Token attributes as plain Python lists, read once per Doc and shared by the components.

``doc[i]`` builds a spaCy ``Token`` object each time, and ``.lower_`` or
``.whitespace_`` on it costs more than the rule work around it. These
helpers read a whole Doc at once (``tokenview.words_of`` does the same for
the token texts) and keep the lists in ``doc.user_data``, so the date,
duration and anchoring rules index one list instead of making objects.
The lower-case texts are remembered across docs (one string per distinct
word, so later set and dict look-ups on them compare by identity), and the
sentence starts are read once for the rule components that run after the
sentence component.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import SENT_START, SPACY
from spacy.tokens import Doc

from .tokenview import starts_kept, words_of

LOWERS_KEY = ("agrofacts", "lowers")
SPACED_KEY = ("agrofacts", "spaced")
SENTENCE_STARTS_KEY = ("agrofacts", "sentence_starts")
#: How many token texts ``lowers_of`` remembers the lower case of before it starts afresh.
LOWER_MEMO_SIZE = 100_000


class _Lowered(dict[str, str]):
    """Token text -> its lower case, filled on first sight: news repeats its words, and a look-up
    returns the string made the first time instead of making a new one per token."""

    def __missing__(self, text: str) -> str:
        low = self[text] = text.lower()
        return low


_LOWER = _Lowered()


def lower_case(text: str) -> str:
    """``text.lower()``, the one string ``lowers_of`` gives for it (the pipeline's tokenizer
    leaves each doc's lower-case texts ready, read from this)."""
    if len(_LOWER) > LOWER_MEMO_SIZE:
        _LOWER.clear()
    return _LOWER[text]


def lowers_of(doc: Doc) -> list[str]:
    """The lower-case token texts of ``doc`` (``Token.lower_`` is ``str.lower()``), made once per doc.

    >>> import spacy
    >>> lowers_of(spacy.blank("en")("By March 2020"))
    ['by', 'march', '2020']
    """
    lowers = doc.user_data.get(LOWERS_KEY)
    if lowers is None or len(lowers) != len(doc):
        if len(_LOWER) > LOWER_MEMO_SIZE:
            _LOWER.clear()
        lowers = list(map(_LOWER.__getitem__, words_of(doc)))
        doc.user_data[LOWERS_KEY] = lowers
    return lowers


def positions_of(words: list[str], wanted: tuple[str, ...]) -> list[int]:
    """The indices of ``words`` that equal one of the few ``wanted`` words, in order.

    Found with ``list.index``, which scans in C: a Python loop over every token costs more than
    the rule that reads the few it finds.

    >>> positions_of(["a", "year", "and", "an", "hour", "a"], ("a", "an"))
    [0, 3, 5]
    """
    found = []
    for word in wanted:
        i = -1
        try:
            while True:
                i = words.index(word, i + 1)
                found.append(i)
        except ValueError:
            continue  # no more of ``word``: ``list.index`` says so by raising
    if len(wanted) > 1:
        found.sort()
    return found


def spaced_of(doc: Doc) -> list[bool]:
    """For each token, whether whitespace follows it (``Token.whitespace_`` is " " or ""), once per doc.

    >>> import spacy
    >>> spaced_of(spacy.blank("en")("2016-2020 plan"))
    [False, False, True, False]
    """
    spaced = doc.user_data.get(SPACED_KEY)
    if spaced is None or len(spaced) != len(doc):
        spaced = doc.to_array(SPACY).astype(bool).tolist() if len(doc) else []
        doc.user_data[SPACED_KEY] = spaced
    return spaced


def sentence_starts(doc: Doc) -> list[int]:
    """The indices of the tokens that start a sentence (``SENT_START`` 1), in order.

    Not cached: the sentence component may set the starts after a list is read.
    """
    if not len(doc):
        return []
    return (doc.to_array(SENT_START) == 1).nonzero()[0].tolist()


def kept_sentence_starts(doc: Doc) -> list[int]:
    """``sentence_starts``, read once per doc and kept for the rule components that ask again.

    Only for the rule components: they run after the sentence component has set every
    boundary, and none of them moves one.
    """
    starts = doc.user_data.get(SENTENCE_STARTS_KEY)
    if starts is None or starts[0] != len(doc):
        kept = starts_kept(doc)  # the sentence component's own list: no array read
        starts = doc.user_data[SENTENCE_STARTS_KEY] = (
            len(doc), sentence_starts(doc) if kept is None else kept)
    return starts[1]


class SentenceIndex:
    """Each token's sentence number, with the starts read on the first question (most docs ask none).

    The starts are ``kept_sentence_starts``: a Doc's rule components share one list.

    >>> from agrofacts.pipeline import build_pipeline
    >>> doc = build_pipeline()("Sales rose. Prices fell in 2019.")
    >>> [SentenceIndex(doc).number(i) for i in (0, 3, 7)]
    [1, 2, 2]
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] | None = None

    def number(self, i: int) -> int:
        """How many sentences have started up to token ``i`` (its 1-based number; 0 before any)."""
        if self.starts is None:
            self.starts = kept_sentence_starts(self.doc)
        return bisect_right(self.starts, i)

    def end_of(self, i: int) -> int:
        """The first token after the sentence holding token ``i`` (the doc's length after the last)."""
        n = self.number(i)
        return self.starts[n] if n < len(self.starts) else len(self.doc)

    def start_of(self, i: int) -> int:
        """The first token of the sentence holding token ``i`` (0 before any start)."""
        n = self.number(i)
        return self.starts[n - 1] if n else 0
