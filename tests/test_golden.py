"""The seed articles' facts must equal the reviewed golden file, byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

from agrofacts.archive import extract_paths
from agrofacts.writers import write_csv

ROOT = Path(__file__).resolve().parents[1]


def test_seed_facts_match_golden_file():
    out = io.StringIO()
    write_csv(extract_paths([ROOT / "seeds"]), out)
    golden = (ROOT / "data" / "golden_facts.csv").read_text(encoding="utf-8")
    assert out.getvalue() == golden, "seed facts drifted: review, then regenerate data/golden_facts.csv"
