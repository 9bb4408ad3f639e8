"""README examples are run: its Python doctest block must give what it shows."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_doctests():
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_readme_opens_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[3] == "pip install . && agrofacts extract seeds/"
    assert lines[4] == "pip install '.[test]' && pytest"


def test_module_doctests():
    import agrofacts
    import agrofacts.fact
    import agrofacts.units

    for module in (agrofacts, agrofacts.fact, agrofacts.units):
        result = doctest.testmod(module)
        assert result.failed == 0


def test_readme_units_table_is_the_data():
    from agrofacts.unit_table import END, START, units_markdown

    text = README.read_text(encoding="utf-8")
    table = text[text.index(START) + len(START) + 1:text.index(END)]
    assert table == units_markdown()
