"""What the tokenizer remembers gives spaCy's tokens on any spacing, and across memory zones.

``ChunkTokenizer`` splits a text at its spaces and looks its pieces up when
the spacing allows, else reads it run by run: every short mix of words,
spaces, line breaks and tabs must tokenize as spaCy does, first and again.
It makes a Doc from the ORTH ids it remembers per piece of text. An id
learnt inside a memory zone names a string and a lexeme that are freed when
the zone ends, so a later doc must fall back to its strings: these tests
tokenize words first seen inside a zone again after it, for a zone of the
whole pipeline (``Language.memory_zone``) and of the vocab alone. The marks
the tokenizer leaves must answer their questions, and the rules that read
them must read a Doc without them alike.
"""

from __future__ import annotations

from itertools import product

from spacy.attrs import ORTH, SPACY

from agrofacts.pipeline import build_pipeline
from agrofacts.tokenizer import ChunkTokenizer
from agrofacts.tokenlists import LOWERS_KEY
from agrofacts.tokenview import ORTHS_KEY, SPACES_KEY, WORDS_KEY


def _tokens(doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


def _assert_lists_match(doc) -> None:
    """The lists the tokenizer leaves for the rules say what the Doc's own arrays say."""
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
    assert doc.user_data[ORTHS_KEY] == orths
    assert doc.user_data[SPACES_KEY] == spaces
    assert doc.user_data[WORDS_KEY] == [t.text for t in doc]
    assert doc.user_data[LOWERS_KEY] == [t.lower_ for t in doc]


def test_lists_match_the_doc():
    nlp = build_pipeline()
    for text in ("", " ", "  lead and\n\n break  twice\tTab", "sold US$5m. (RMB3.2bn) ok"):
        _assert_lists_match(nlp.tokenizer(text))


def test_words_first_seen_in_a_zone_tokenize_after_it():
    nlp = build_pipeline()
    text = "Zonewordalpha sold 12 zonewordbeta-crates to Zonewordgamma. Zonewordalpha  again"
    expected = _tokens(nlp.tokenizer.tokenizer(text))
    with nlp.memory_zone():
        inside = nlp.tokenizer(text)
        assert _tokens(inside) == expected
        _assert_lists_match(inside)
        again = nlp.tokenizer(text)  # the remembered ids, while their lexemes live
        assert _tokens(again) == expected
        _assert_lists_match(again)
    after = nlp.tokenizer(text)
    assert _tokens(after) == expected
    _assert_lists_match(after)


def test_a_zone_the_tokenizer_is_not_told_of():
    nlp = build_pipeline()
    text = "Vocabzoneword rose 5 percent to vocabzonewordtwo tonnes"
    expected = _tokens(nlp.tokenizer.tokenizer(text))
    with nlp.vocab.memory_zone():
        assert _tokens(nlp.tokenizer(text)) == expected
    after = nlp.tokenizer(text)  # remembered ids whose strings are gone: made from strings
    assert _tokens(after) == expected
    _assert_lists_match(after)
    assert _tokens(nlp.tokenizer(text)) == expected


def test_every_short_spacing_tokenizes_as_spacy_does():
    nlp = build_pipeline()
    chunked, spacy_tokenizer = nlp.tokenizer, nlp.tokenizer.tokenizer
    for n in range(1, 6):
        for parts in product(("ab", " ", "\n", "\t", "."), repeat=n):
            text = "".join(parts)
            expected = _tokens(spacy_tokenizer(text))
            assert _tokens(chunked(text)) == expected, repr(text)
            again = chunked(text)  # now from what was remembered
            assert _tokens(again) == expected, repr(text)
            _assert_lists_match(again)


def test_what_is_remembered_is_bounded():
    nlp = build_pipeline()
    small = ChunkTokenizer(nlp.tokenizer.tokenizer, max_chunks=3)
    for text in ("one two three four five six seven", "a\tb  c d e f", "x y z w v u"):
        assert _tokens(small(text)) == _tokens(nlp.tokenizer.tokenizer(text))
        assert _tokens(small(text)) == _tokens(nlp.tokenizer.tokenizer(text))
    for cache in (small._pieces, small._runs, small._spaced, small._final):
        assert len(cache) <= 3


MARKED_TEXTS = [
    "It sold a dozen 5 kg bags. Then three more! Prices rose (about 8%)?\n\nA new line\nand one more... Done",
    "  Lead space, an apple and a million yuan.\tTab-ended?!",
]


def test_marks_answer_their_questions():
    nlp = build_pipeline()
    assert nlp.tokenizer.markers
    for text in MARKED_TEXTS:
        for doc in (nlp.tokenizer(text), nlp.tokenizer(text)):  # learnt, then remembered
            for marker in nlp.tokenizer.markers:
                owner, marks = doc.user_data[marker.key]
                assert owner is marker
                assert marks == [int(bool(marker(t.text))) for t in doc]


def test_the_number_marker_knows_the_lexicon_number_words():
    from agrofacts.context import opens_number_marker
    from agrofacts.lexicon import lexicons

    assert opens_number_marker().openers == lexicons(build_pipeline()).number_openers


def test_rules_read_docs_without_marks_alike():
    from agrofacts.context import figure_starts, number_starts
    from agrofacts.lexicon import lexicons

    nlp = build_pipeline()
    lex = lexicons(nlp)
    plain = ChunkTokenizer(nlp.tokenizer.tokenizer)  # no markers
    sentences = nlp.get_pipe("agrofacts_sentences")
    for text in MARKED_TEXTS:
        marked, unmarked, bare = nlp.tokenizer(text), plain(text), nlp.tokenizer.tokenizer(text)
        found = []
        for doc in (marked, unmarked, bare):
            doc = sentences(doc)
            found.append(([t.is_sent_start for t in doc], number_starts(doc, lex), figure_starts(doc, lex)))
        assert found[0] == found[1] == found[2]


def test_dates_read_docs_without_marks_alike():
    nlp = build_pipeline()
    dates = nlp.get_pipe("agrofacts_dates")
    plain = ChunkTokenizer(nlp.tokenizer.tokenizer)  # no markers
    text = MARKED_TEXTS[0] + " In May 2019, the first half of this year, two years ago and since March."
    marked, unmarked = nlp.tokenizer(text), plain(text)
    assert dates.marks(marked) is not None and dates.marks(unmarked) is None
    found = []
    for doc in (marked, unmarked):
        doc.user_data["published"] = "2019-11-24"
        doc = dates(nlp.get_pipe("agrofacts_sentences")(doc))
        found.append([(s.start, s.end, s._.figure) for s in doc.spans["facts"]])
    assert found[0] == found[1] and len(found[0]) >= 4


def test_a_marker_added_later_marks_what_was_remembered_too():
    nlp = build_pipeline()
    chunked = ChunkTokenizer(nlp.tokenizer.tokenizer)
    text = MARKED_TEXTS[1]
    before = chunked(text)

    class Capital:
        key = ("test", "capital")

        def __call__(self, word: str) -> bool:
            return word[:1].isupper()

    marker = Capital()
    chunked.add_marker(marker)
    after = chunked(text)
    assert [t.text for t in after] == [t.text for t in before]
    assert after.user_data[marker.key] == (marker, [int(t.text[:1].isupper()) for t in after])
    _assert_lists_match(after)
