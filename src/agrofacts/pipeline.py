"""Build the spaCy pipeline: blank English, our tokenizer rules, our components.

No trained model is needed (none can be downloaded where agrofacts runs),
so the whole pipeline is rules over a blank tokenizer. It is built once
per process and cached; ``build_pipeline()`` returns the same object.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language

#: Component order: sentences first, then figures by priority, then links between them.
COMPONENTS = (
    "agrofacts_sentences",
    "agrofacts_dates",
    "agrofacts_durations",
    "agrofacts_quantities",
    "agrofacts_counts",
    "agrofacts_respectively",
    "agrofacts_anchoring",
    "agrofacts_restatements",
)


@cache
def build_pipeline() -> Language:
    import spacy

    # Importing the component modules registers their factories.
    from . import (  # noqa: F401
        anchoring,
        counts,
        dates,
        durations,
        quantities,
        respectively,
        restatements,
        sentences,
    )
    from .tokenizer import TOKENIZER_NAME

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
