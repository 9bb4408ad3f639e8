"""The Fact record: its hand-written ``__init__`` takes the fields as declared.

``Fact.__init__`` is written out for speed (see its docstring), so these tests
hold it to what ``@dataclass`` would have generated: same parameters and order,
no defaults, a frozen and hashable record, ``replace`` and pickling.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from decimal import Decimal

import pytest

from agrofacts.fact import COLUMNS, Fact

CELLS = ("a.txt", "Xinhua", "2019-11-24", 1, "money", "5 yuan", Decimal("5"), None, "CNY", "exact",
         "pork", "", "", None, 10, 16, "It sold for 5 yuan.")


def test_init_takes_the_fields_in_order_without_defaults():
    params = list(inspect.signature(Fact.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in dataclasses.fields(Fact)] == list(COLUMNS)
    assert all(p.default is inspect.Parameter.empty for p in params)
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params)


def test_a_fact_is_the_record_it_was_given():
    fact = Fact(*CELLS)
    assert dataclasses.astuple(fact) == CELLS
    assert dataclasses.asdict(fact) == dict(zip(COLUMNS, CELLS, strict=True))
    assert fact == Fact(**dict(zip(COLUMNS, CELLS, strict=True)))
    assert hash(fact) == hash(Fact(*CELLS))
    assert dataclasses.replace(fact, unit="USD").unit == "USD" and fact.unit == "CNY"
    assert pickle.loads(pickle.dumps(fact)) == fact
    assert repr(fact).startswith("Fact(doc='a.txt', source='Xinhua'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.unit = "USD"
