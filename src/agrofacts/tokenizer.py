"""Tokenizer rules from data/tokenizer.json, appended to spaCy's English defaults.

spaCy keeps prefixes, suffixes and infixes as lists of regex strings; so do
we, so that "RMB3.2", "1.6bn", "20mu" and "10-20" split into number and unit
while "2,300" and "284.5" stay whole. Rules only split: offsets are untouched.

The pipeline's tokenizer is :class:`ChunkTokenizer`: spaCy's tokenizer run
once per distinct whitespace-delimited chunk and remembered. spaCy's own
tokenizer splits chunk by chunk too, but runs its special-case matcher over
every document, which makes it the slowest step of a figure-dense article;
news repeats its words, so nearly every chunk is a dictionary hit and the
Doc is built from words and spaces in one call. The result is the same
tokens and whitespace as spaCy's tokenizer on the whole text (a property test
checks this on generated text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .errors import RuleFileError
from .resources import read_json
from .tokenview import WORDS_KEY

RULE_KEYS = {"_why", "prefixes", "suffixes", "infixes", "special_cases", "drop_special_cases"}


#: A run of non-space characters and the white space after it; white space as ``str.isspace``.
CHUNK = re.compile(r"(\S+)(\s*)")
LEADING_SPACE = re.compile(r"\s+")
#: Distinct chunks remembered before the memory is emptied: keeps a long run's memory flat.
MAX_CHUNKS = 50_000


class ChunkTokenizer:
    """spaCy's tokenizer, memoised per whitespace-delimited chunk (see the module docstring)."""

    def __init__(self, tokenizer: Tokenizer, max_chunks: int = MAX_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_chunks = max_chunks
        self._pieces: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        lead = LEADING_SPACE.match(text)
        if lead is not None:  # spaCy makes white space at the very start a token of its own
            words.append(lead.group())
            spaces.append(False)
        pieces_of = self._pieces
        add_word, add_space = words.append, spaces.append
        for chunk, white in CHUNK.findall(text):
            pieces = pieces_of.get(chunk) or self.pieces(chunk)
            if len(pieces) == 1:
                add_word(chunk)
            else:
                words.extend(pieces)
                spaces.extend([False] * (len(pieces) - 1))
            if white == " ":  # the common case first
                add_space(True)
            elif not white:
                add_space(False)
            else:  # one plain space belongs to the token; the rest is a token of its own
                add_space(white[0] == " ")
                add_word(white[1:] if white[0] == " " else white)
                add_space(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[WORDS_KEY] = words  # the token texts the rules read (``tokenview.words_of``)
        return doc

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
    return ChunkTokenizer(tokenizer)
