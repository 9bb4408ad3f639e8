"""Shared helpers: facts of a sentence as comparable tuples, offsets checked on the way."""

from __future__ import annotations

import pytest

from agrofacts import extract_text


def facts_of(text: str, **kwargs):
    """(kind, text, value, unit, qualifier, item) of each fact; asserts the offset invariant."""
    facts = extract_text(text, **kwargs)
    for f in facts:
        assert text[f.start_char:f.end_char] == f.text, f
    return facts


def rows(text: str, **kwargs) -> list[tuple[str, str, str, str, str, str]]:
    return [(f.kind, f.text, f.as_row()["value"], f.unit, f.qualifier, f.item)
            for f in facts_of(text, **kwargs)]


@pytest.fixture(scope="session")
def nlp():
    from agrofacts.pipeline import build_pipeline

    return build_pipeline()
