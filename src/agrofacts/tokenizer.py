"""Tokenizer rules from data/tokenizer.json, appended to spaCy's English defaults.

spaCy keeps prefixes, suffixes and infixes as lists of regex strings; so do
we, so that "RMB3.2", "1.6bn", "20mu" and "10-20" split into number and unit
while "2,300" and "284.5" stay whole. Rules only split: offsets are untouched.

The pipeline's tokenizer is :class:`ChunkTokenizer`: spaCy's tokenizer run
once per distinct whitespace-delimited chunk and remembered. spaCy's own
tokenizer splits chunk by chunk too, but runs its special-case matcher over
every document, which makes it the slowest step of a figure-dense article;
news repeats its words, so nearly every piece of text between two spaces is
a dictionary hit, and the Doc is built from the remembered ORTH ids and
spaces in one call. The token texts, spaces and ids are left in
``doc.user_data`` for ``tokenview``. The result is the same tokens and
whitespace as spaCy's tokenizer on the whole text (a property test checks
this on generated text, another on every short mix of spacing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from typing import Protocol

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .errors import RuleFileError
from .resources import read_json
from .tokenlists import LOWERS_KEY, lower_case
from .tokenview import ORTHS_KEY, SPACES_KEY, WORDS_KEY

RULE_KEYS = {"_why", "prefixes", "suffixes", "infixes", "special_cases", "drop_special_cases"}


#: A run of non-space characters and the white space after it (white space as ``str.isspace``):
#: the unit whose token texts, trailing spaces and ids are remembered.
RUN = re.compile(r"\S+\s*")
LEADING_SPACE = re.compile(r"\s+")
WHITE_SPACE = re.compile(r"\s")
#: A space next to other white space: the text does not split cleanly at its spaces.
CROWDED_SPACE = re.compile(r" \s|\s ")
#: Distinct chunks remembered before the memory is emptied: keeps a long run's memory flat.
MAX_CHUNKS = 50_000

#: What is remembered of a stretch of text: for each token in turn its text, 1 or 0 for a
#: space after it, its ORTH id, its lower case and its marks (``Marker``), in one flat
#: tuple. A doc's entries chain into one list, and every n-th item from 0, 1, 2, ... are its
#: lists: slices, not a loop.
Entry = tuple[str | int, ...]


class Marker(Protocol):
    """A yes/no question about a token's text that a rule asks of every token.

    The tokenizer asks it once per piece of text it learns and leaves the answers, 1 or 0
    per token, in ``doc.user_data[key]`` as ``(marker, answers)``: a rule then finds the
    few tokens it cares about with ``itertools.compress`` instead of a test per token.
    """

    key: tuple[str, ...]

    def __call__(self, word: str) -> bool: ...


def splits_cleanly(text: str) -> bool:
    """Whether every space in ``text`` stands alone between two non-space characters (or
    ends it), and it does not open with white space.

    Then each space ends the token before it and every other run of white space lies
    inside a piece between two spaces, so each piece (followed by its space) tokenizes as
    it does in the text.
    """
    return not text[:1].isspace() and CROWDED_SPACE.search(text) is None


class ChunkTokenizer:
    """spaCy's tokenizer, memoised per whitespace-delimited chunk (see the module docstring).

    Per piece of text it keeps the token texts, their trailing spaces, their ORTH ids, their
    lower case (``tokenlists.lowers_of``) and their marks (``Entry``), so a doc's lists are
    C-level concatenations and slices, and the Doc is made from the ids: made from strings,
    ``Doc`` hashes every word again to find its lexeme. A text is split at its spaces with
    ``str.split``, and its pieces looked up, when its spacing allows (``splits_cleanly``,
    nearly every article); else into runs (``RUN``), whose rules hold for any white space.
    Only pieces that split cleanly are remembered, so a text whose every piece is known
    splits cleanly.

    An id is a hash, right forever, but the string and lexeme it names die with the spaCy
    memory zone they were made in. ``Doc`` makes a missing lexeme from its id while the
    string lives, and raises KeyError when the string is gone too: the doc is then made from
    its strings, which interns them again, so later docs are made from ids again. A piece
    learnt has its strings interned, so its ids hold at once.
    """

    def __init__(self, tokenizer: Tokenizer, max_chunks: int = MAX_CHUNKS,
                 markers: tuple[Marker, ...] = ()) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_chunks = max_chunks
        self.markers = markers
        self._width = 4 + len(markers)  # items per token in an entry
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._runs: dict[str, Entry] = {}  # a run: a chunk and the white space after it
        self._spaced: dict[str, Entry] = {}  # a piece of a text split at its spaces, a space after it
        self._final: dict[str, Entry] = {}  # the last piece of a text split at its spaces

    def __call__(self, text: str) -> Doc:
        pieces = text.split(" ")
        final = pieces.pop()
        try:
            entries = list(map(self._spaced.__getitem__, pieces))
            entries.append(self._final[final])
        except KeyError:  # a piece not seen yet, or other spacing
            if splits_cleanly(text):
                known = self._spaced.get
                entries = [known(piece) or self._entry(self._spaced, piece, " ") for piece in pieces]
                entries.append(self._entry(self._final, final, ""))
            else:
                entries = self._run_entries(text)
        flat = list(chain.from_iterable(entries))
        width = self._width
        words, spaces, orths, lowers = flat[0::width], flat[1::width], flat[2::width], flat[3::width]
        try:
            doc = Doc(self.vocab, words=orths, spaces=spaces)
        except KeyError:  # an id whose string and lexeme went with a memory zone:
            doc = Doc(self.vocab, words=words, spaces=spaces)  # the strings bring them back
        # The lists the rules read (``tokenview``), known here already.
        doc.user_data[WORDS_KEY] = words
        doc.user_data[SPACES_KEY] = spaces
        doc.user_data[ORTHS_KEY] = orths
        doc.user_data[LOWERS_KEY] = lowers
        for k, marker in enumerate(self.markers, start=4):
            doc.user_data[marker.key] = (marker, flat[k::width])
        return doc

    def add_marker(self, marker: Marker) -> None:
        """Mark tokens for ``marker`` too from now on (a rule component made after the tokenizer
        asks for its marks); what was remembered is learnt afresh, with the new marks."""
        self.markers = (*self.markers, marker)
        self._width = 4 + len(self.markers)
        for cache in (self._runs, self._spaced, self._final):
            cache.clear()

    def _run_entries(self, text: str) -> list[Entry]:
        """The entries of any text: one per run, after a token of any white space it opens with."""
        runs = RUN.findall(text)
        try:
            entries = list(map(self._runs.__getitem__, runs))
        except KeyError:  # a run not seen yet
            entries = [self._runs.get(run) or self._run(run) for run in runs]
        if text[:1].isspace():  # spaCy makes white space at the very start a token of its own
            lead = LEADING_SPACE.match(text).group()
            entries.insert(0, (lead, 0, self.vocab.strings.add(lead), lower_case(lead), *self._marks(lead)))
        return entries

    def _entry(self, cache: dict[str, Entry], piece: str, tail: str) -> Entry:
        """The entry of ``piece`` followed by ``tail``, remembered in ``cache``."""
        known = cache.get(piece)
        if known is None:
            if piece and WHITE_SPACE.search(piece) is None:  # one chunk: nearly every piece
                known = self._chunk_entry(piece, tail)
            else:
                known = tuple(chain.from_iterable(self._run_entries(piece + tail)))
            self._remember(cache, piece, known)
        return known

    def _run(self, run: str) -> Entry:
        """The entry of one run, remembered."""
        chunk = run.rstrip()
        known = self._chunk_entry(chunk, run[len(chunk):])
        self._remember(self._runs, run, known)
        return known

    def _chunk_entry(self, chunk: str, white: str) -> Entry:
        """The entry of one chunk and the white space after it, from the chunk's pieces."""
        words = list(self.pieces(chunk))
        if len(words) == 1 and (white == " " or not white):  # one token: most new pieces
            word = words[0]
            return (word, 1 if white else 0, self.vocab.strings.add(word), lower_case(word),
                    *[1 if marker(word) else 0 for marker in self.markers])
        spaces = [0] * len(words)
        if white == " ":
            spaces[-1] = 1
        elif white:  # one plain space belongs to the token; the rest is a token of its own
            spaces[-1] = int(white[0] == " ")
            words.append(white[1:] if white[0] == " " else white)
            spaces.append(0)
        add, markers = self.vocab.strings.add, self.markers
        entry: list[str | int] = []
        for word, space in zip(words, spaces, strict=True):
            # Interning the string is all ``Doc`` needs to make its lexeme from the id.
            entry += (word, space, add(word), lower_case(word))
            entry += [1 if marker(word) else 0 for marker in markers]
        return tuple(entry)

    def _marks(self, word: str) -> list[int]:
        return [1 if marker(word) else 0 for marker in self.markers]

    def _remember(self, cache: dict[str, Entry], key: str, entry: Entry) -> None:
        if len(cache) >= self.max_chunks:
            cache.clear()
        cache[key] = entry

    def pieces(self, chunk: str) -> tuple[str, ...]:
        """The token texts of one chunk of text with no white space in it."""
        known = self._pieces.get(chunk)
        if known is not None:
            return known
        if len(self._pieces) >= self.max_chunks:
            self._pieces.clear()
        pieces = tuple(t.text for t in self.tokenizer(chunk))
        self._pieces[chunk] = pieces
        return pieces

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


#: The name the pipeline's config gives the tokenizer (see ``pipeline.build_pipeline``).
TOKENIZER_NAME = "agrofacts.news_tokenizer.v1"


@registry.tokenizers(TOKENIZER_NAME)
def create_news_tokenizer() -> Callable[[Language], ChunkTokenizer]:
    """spaCy's English tokenizer with our rules, made once (not spaCy's default and then ours)."""
    return news_tokenizer


def news_tokenizer(nlp: Language) -> ChunkTokenizer:
    rules = read_json("tokenizer.json")
    unknown = set(rules) - RULE_KEYS
    if unknown:
        raise RuleFileError(f"tokenizer.json: unknown key(s) {sorted(unknown)};"
                            f" allowed: {sorted(RULE_KEYS)}")
    defaults = nlp.Defaults
    prefixes = list(rules.get("prefixes", [])) + list(defaults.prefixes or [])
    suffixes = list(rules.get("suffixes", [])) + list(defaults.suffixes or [])
    infixes = list(defaults.infixes or []) + list(rules.get("infixes", []))
    drop = set(rules.get("drop_special_cases", []))
    special = {k: v for k, v in (defaults.tokenizer_exceptions or {}).items() if k not in drop}
    for key, pieces in rules.get("special_cases", {}).items():
        if "".join(p["ORTH"] for p in pieces) != key:
            raise RuleFileError(f"tokenizer.json: special case {key!r} does not join back to itself")
        special[key] = pieces
    # Every setting given at once: each setter of an existing Tokenizer reloads all ~2,000
    # special cases, which once made a third of agrofacts' start-up.
    tokenizer = Tokenizer(nlp.vocab, rules=special,
                          prefix_search=compile_prefix_regex(prefixes).search,
                          suffix_search=compile_suffix_regex(suffixes).search,
                          infix_finditer=compile_infix_regex(infixes).finditer,
                          token_match=defaults.token_match, url_match=defaults.url_match)
    from .context import opens_number_marker
    from .sentences import ENDS_SENTENCE

    return ChunkTokenizer(tokenizer, markers=(opens_number_marker(), ENDS_SENTENCE))
