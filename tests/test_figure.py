"""The Figure record: its hand-written ``__init__`` takes the fields as declared.

``Figure.__init__`` is written out for speed (see its docstring), so these
tests hold it to what ``@dataclass`` would have generated: same parameters,
order and defaults, a frozen and hashable record, ``with_`` and pickling.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from decimal import Decimal

import pytest

from agrofacts.figure import Figure


def test_init_takes_the_fields_in_order_with_their_defaults():
    params = list(inspect.signature(Figure.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Figure)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected, f.name


def test_a_figure_is_the_record_it_was_given():
    fig = Figure("money", Decimal("5"), "CNY", item="pork", rule="money")
    assert dataclasses.asdict(fig) == {
        "kind": "money", "value": Decimal("5"), "unit": "CNY", "qualifier": "exact",
        "value_max": None, "item": "pork", "period_start": "", "period_end": "",
        "same_as_char": None, "rule": "money"}
    assert fig == Figure("money", Decimal("5"), "CNY", "exact", None, "pork", rule="money")
    assert hash(fig) == hash(Figure("money", Decimal("5"), "CNY", item="pork", rule="money"))
    assert fig.with_(unit="USD").unit == "USD" and fig.unit == "CNY"
    assert pickle.loads(pickle.dumps(fig)) == fig
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig.unit = "USD"
