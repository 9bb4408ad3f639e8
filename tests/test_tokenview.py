"""TokenView answers as the spaCy Token attributes it stands for.

The lists come from the tokenizer and the sentence component (``keep_sentence_starts``)
when the pipeline made the Doc, and from the Doc itself otherwise: both must agree
with ``Token.whitespace_``, ``Token.is_sent_start`` and ``Token.sent``.
"""

from __future__ import annotations

import pytest

from agrofacts.pipeline import build_pipeline
from agrofacts.tokenview import TokenView

TEXTS = [
    "Sales rose 5 percent. Prices fell in 2019!\n\nA new paragraph (with 3 items) ends here",
    "U.S. farmers sold 2,000 tons. \"It was good,\" he said. Then\nmore came...",
    "one",
]


@pytest.mark.parametrize("text", TEXTS, ids=["plain", "quotes-and-wraps", "one-word"])
def test_view_answers_as_the_tokens(text):
    nlp = build_pipeline()
    doc = nlp.get_pipe("agrofacts_sentences")(nlp.make_doc(text))
    view = TokenView(doc)
    assert view.words == [t.text for t in doc]
    assert [" " if s else "" for s in view.spaces] == [t.whitespace_ for t in doc]
    assert [view.is_sent_start(i) for i in range(len(doc))] == [bool(t.is_sent_start) for t in doc]
    assert [view.sent_start(i) for i in range(len(doc))] == [t.sent.start for t in doc]
