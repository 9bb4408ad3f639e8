"""Figures listed with "respectively" take the subject listed in the same place (respectively.py)."""

from __future__ import annotations

import pytest

from agrofacts import extract_text

#: (id, sentence, the (text, item) of each figure that is no date)
CASES = [
    ("two-subjects", "Exports and imports rose 5.6 percent and 3.2 percent, respectively.",
     [("5.6 percent", "Exports"), ("3.2 percent", "imports")]),
    ("sums", "Exports and imports reached 1.3 trillion yuan and 1.2 trillion yuan, respectively.",
     [("1.3 trillion yuan", "Exports"), ("1.2 trillion yuan", "imports")]),
    ("three-subjects-with-a-shared-noun",
     "The primary, secondary and tertiary industries grew 3.2 percent, 5.1 percent and 6.3 percent,"
     " respectively.",
     [("3.2 percent", "primary industries"), ("5.1 percent", "secondary industries"),
      ("6.3 percent", "tertiary industries")]),
    ("shared-noun-after-a-preposition",
     "Retail sales in urban and rural areas grew 8.2 percent and 9.1 percent respectively.",
     [("8.2 percent", "urban areas"), ("9.1 percent", "rural areas")]),
    ("list-after-a-preposition",
     "The CPI in urban areas and the countryside rose 2.8 percent and 3.6 percent respectively.",
     [("2.8 percent", "urban areas"), ("3.6 percent", "countryside")]),
    ("list-after-an-opening-phrase",
     "In May, exports and imports rose 5 percent and 3 percent, respectively.",
     [("5 percent", "exports"), ("3 percent", "imports")]),
    ("names-keep-their-own-words", "China and the United States grew 5 percent and 2 percent, respectively.",
     [("5 percent", "China"), ("2 percent", "United States")]),
    ("verb-after-were",
     "Buyers from the US and the Middle East were up by 14 percent and 13.9 percent, respectively.",
     [("14 percent", "US"), ("13.9 percent", "Middle East")]),
    # Where the subjects cannot be told, no figure takes one subject for all.
    ("two-lists-no-items",
     "Revenue and volume in the central and western regions rose by 13.6 percent and 25.5 percent,"
     " respectively.",
     [("13.6 percent", ""), ("25.5 percent", "")]),
    ("fewer-subjects-than-figures", "Sales rose 5 percent and 3 percent, respectively.",
     [("5 percent", ""), ("3 percent", "")]),
    ("subjects-after-a-relative-pronoun",
     "Investment in services, which rose 14.5 percent and 13.7 percent respectively, grew.",
     [("14.5 percent", ""), ("13.7 percent", "")]),
    ("dates-are-no-subjects",
     "Imports in the first and second quarters reached 9.76 trillion yuan and 10.34 trillion yuan,"
     " respectively.",
     [("9.76 trillion yuan", ""), ("10.34 trillion yuan", "")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_respectively_pairs_subjects_with_figures(text, expected):
    facts = extract_text(text, published="2023-08-18")
    assert [(f.text, f.item) for f in facts if f.kind != "date"] == expected
