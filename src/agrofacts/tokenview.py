"""A doc's tokens as plain Python lists, read once per doc and shared by the rule components.

Building a spaCy ``Token`` (``doc[i]``) and reading one attribute costs many
times more than indexing a list, and the figure rules read the same few
attributes of the same tokens again and again. A :class:`TokenView` gives
them as lists instead: the token texts, whether whitespace follows a token,
and where sentences start. The lists live in ``doc.user_data`` (plain lists):
the pipeline's tokenizer leaves the texts, ids and spaces there as it makes
the Doc (it knows them already); any other list is made the first time a
component asks, and so are all of them for a Doc made otherwise.

Each list answers exactly what the Token attribute would: ``Token.lower_`` is
``str.lower()``, ``Token.is_alpha`` is ``str.isalpha()``, ``Token.is_title``
is ``str.istitle()``, ``Token.whitespace_`` is " " or "".
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.tokens import Doc

#: Where ``words_of`` keeps a doc's token texts, so the components share one list.
WORDS_KEY = ("agrofacts", "words")
ORTHS_KEY = ("agrofacts", "orths")
SPACES_KEY = ("agrofacts", "spaces")
SENT_FLAGS_KEY = ("agrofacts", "sent_flags")
SENT_STARTS_KEY = ("agrofacts", "sent_starts")
SHARED_KEY = ("agrofacts", "shared")


def words_of(doc: Doc) -> list[str]:
    """The token texts of ``doc``, made once per doc: building a Token object per token is slow."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None or len(words) != len(doc):
        words = _read_tokens(doc)
    return words


def orths_of(doc: Doc) -> list[int]:
    """The token texts' ids (``ORTH``), made once per doc with ``words_of``."""
    orths = doc.user_data.get(ORTHS_KEY)
    if orths is None or len(orths) != len(doc):
        _read_tokens(doc)
        orths = doc.user_data[ORTHS_KEY]
    return orths


def spaces_of(doc: Doc) -> list[int]:
    """1 where whitespace follows the token (``Token.whitespace_`` is " "), else 0; once per doc."""
    spaces = doc.user_data.get(SPACES_KEY)
    if spaces is None or len(spaces) != len(doc):
        _read_tokens(doc)
        spaces = doc.user_data[SPACES_KEY]
    return spaces


def _read_tokens(doc: Doc) -> list[str]:
    """Read texts, ids and trailing spaces in one array call (two cost no more than one)."""
    if len(doc):
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
    else:
        orths, spaces = [], []
    strings = doc.vocab.strings
    words = [strings[orth] for orth in orths]
    doc.user_data[WORDS_KEY] = words
    doc.user_data[ORTHS_KEY] = orths
    doc.user_data[SPACES_KEY] = spaces
    return words


def _sent_flags(doc: Doc) -> list[bool]:
    """``Token.is_sent_start`` (None read as False) of every token, once per doc.

    Made after the sentence component has run: the rule components that ask come after it.
    """
    flags = doc.user_data.get(SENT_FLAGS_KEY)
    if flags is None or len(flags) != len(doc):
        flags = (doc.to_array(SENT_START) == 1).tolist() if len(doc) else []  # one array pass
        doc.user_data[SENT_FLAGS_KEY] = flags
    return flags


def keep_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Keep the sentence starts the sentence component has just set (``SENT_START`` 1 at
    ``starts``, -1 elsewhere) as ``is_sent_start`` and ``sent_start`` read them, so that no
    rule reads them back from the Doc. No component after it moves a sentence start."""
    flags = [False] * len(doc)
    for i in starts:
        flags[i] = True
    doc.user_data[SENT_FLAGS_KEY] = flags
    doc.user_data[SENT_STARTS_KEY] = sorted(set(starts))


def starts_kept(doc: Doc) -> list[int] | None:
    """The sentence starts ``keep_sentence_starts`` left on ``doc``, or None when there are
    none for a Doc of its length (then they are read from ``SENT_START``)."""
    kept = doc.user_data.get(SENT_STARTS_KEY)
    flags = doc.user_data.get(SENT_FLAGS_KEY)
    if kept is None or flags is None or len(flags) != len(doc):
        return None
    return kept


class TokenView:
    """One doc's token texts, trailing spaces and sentence starts, indexed like the doc."""

    __slots__ = ("doc", "words", "spaces", "n", "_flags", "_starts")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.words = words_of(doc)
        self.spaces = spaces_of(doc)  # per token, 1 if whitespace follows it
        self.n = len(self.words)
        self._flags: list[bool] | None = None
        self._starts: list[int] | None = None

    def shared(self, *name: object) -> dict:
        """A dict kept with the doc under ``name``, for results later components ask for again."""
        key = (*SHARED_KEY, *name, self.n)
        found = self.doc.user_data.get(key)
        if found is None:
            found = self.doc.user_data[key] = {}
        return found

    def lower(self, i: int) -> str:
        """``doc[i].lower_``."""
        return self.words[i].lower()

    def is_sent_start(self, i: int) -> bool:
        """``bool(doc[i].is_sent_start)``."""
        if self._flags is None:
            self._flags = _sent_flags(self.doc)
        return self._flags[i]

    def sent_start(self, i: int) -> int:
        """``doc[i].sent.start``: the last sentence start at or before ``i``, else 0."""
        if self._starts is None:
            if not _plain_sentences(self.doc):
                return self.doc[i].sent.start  # hooks or no boundaries: let spaCy decide (or raise)
            if self._flags is None:
                self._flags = _sent_flags(self.doc)
            kept = self.doc.user_data.get(SENT_STARTS_KEY)
            if kept is not None and self.doc.user_data.get(SENT_FLAGS_KEY) is self._flags:
                self._starts = kept  # as the sentence component set them
            else:
                self._starts = list(compress(range(self.n), self._flags))
        at = bisect_right(self._starts, i) - 1
        return self._starts[at] if at >= 0 else 0

    def like_num(self, i: int) -> bool:
        """``doc[i].like_num`` (spaCy's English rule, kept as spaCy computes it; asked rarely)."""
        return self.doc[i].like_num

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the spaces between them, none after the last."""
        if not 0 <= start < end <= self.n:
            return self.doc[start:end].text  # empty or unusual slices: as spaCy reads them
        words, spaces = self.words, self.spaces
        parts = []
        for k in range(start, end - 1):
            parts.append(words[k])
            if spaces[k]:
                parts.append(" ")
        parts.append(words[end - 1])
        return "".join(parts)


def _plain_sentences(doc: Doc) -> bool:
    """Whether ``Span.sent`` reads the SENT_START flags (no user hooks, flags set)."""
    if "sent" in doc.user_span_hooks or "sent" in doc.user_token_hooks or "sents" in doc.user_hooks:
        return False
    return doc.has_annotation("SENT_START")
