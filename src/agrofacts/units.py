"""Unit normalisation through one pint UnitRegistry loaded from data/units.txt.

Surface words never reach pint's parser (pint reads ``mu`` as the micro
prefix and ``ton`` as the short ton): the lexicon maps words to the unit
names defined in units.txt, and this module converts those names to the
canonical unit of their dimension, as listed in data/kinds.csv.
Currencies are dimensions of their own, so yuan never turn into dollars.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import cache

from .errors import RuleFileError
from .resources import data_dir, read_csv


@dataclass(frozen=True)
class Measure:
    """A value in its canonical unit, with the kind that unit measures."""

    kind: str
    value: Decimal
    unit: str


@cache
def registry():
    """The one UnitRegistry of agrofacts (pint is imported here, on first use)."""
    pint = _import_pint()
    path = data_dir() / "units.txt"
    try:
        return pint.UnitRegistry(str(path), on_redefinition="raise", non_int_type=Decimal)
    except (pint.errors.PintError, ValueError) as exc:
        raise RuleFileError(f"units.txt: {exc}") from exc


def _import_pint():
    """pint, imported without its probe for Dask.

    On import pint looks for Dask and, when it is installed (the ``[dask]``
    extra installs it), imports it to treat Dask arrays as array types: 0.11 s,
    a tenth of a run's start-up, for arrays agrofacts never makes. While pint
    loads, ``dask`` is marked absent in ``sys.modules`` (what ``find_spec``
    reads), then unmarked, so a later ``import dask`` works as usual. When Dask is
    already imported (the Dask engine), pint is imported as it is.
    """
    if "dask" in sys.modules or "pint" in sys.modules:
        import pint

        return pint
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint
    finally:
        del sys.modules["dask"]
    return pint


@cache
def _kinds() -> dict[str, tuple[str, str]]:
    """Dimensionality string -> (kind, canonical unit)."""
    return {r["dimension"]: (r["kind"], r["canonical"]) for r in _kind_rows()}


@cache
def _kind_rows() -> list[dict[str, str]]:
    rows = read_csv("kinds.csv", ("dimension", "kind", "canonical", "priced_per"))
    for lineno, row in enumerate(rows, start=2):
        if row["priced_per"] not in ("yes", "no"):
            raise RuleFileError(f"kinds.csv:{lineno}: priced_per {row['priced_per']!r} not yes or no")
    return rows


@cache
def priced_per(unit: str) -> bool:
    """Whether money 'per' this unit is a price ('5 yuan per jin'), not a sum over time.

    '5,000 yuan a year' is plain money, like 'an annual income of 5,000 yuan'
    (kinds.csv says which kinds price things).
    """
    if not has_kind(unit):
        return False
    dim = str(registry()(unit).dimensionality)
    return any(r["dimension"] == dim and r["priced_per"] == "yes" for r in _kind_rows())


def _pint_unit(canonical: str) -> str:
    """Canonical output symbols that pint spells otherwise."""
    return {"%": "percent", "pp": "percentage_point"}.get(canonical, canonical)


@cache
def kind_of(unit: str) -> tuple[str, str]:
    """(kind, canonical unit) of a unit name from units.txt."""
    dim = str(registry()(unit).dimensionality)
    try:
        return _kinds()[dim]
    except KeyError:
        raise RuleFileError(f"kinds.csv: no kind for dimension {dim} (unit {unit!r})") from None


@cache
def _factor(unit: str, canonical: str) -> Decimal:
    """How many canonical units one ``unit`` is (cached: conversions are per unit pair)."""
    q = registry().Quantity(Decimal(1), unit).to(_pint_unit(canonical))
    return Decimal(q.magnitude)


def normalise(value: Decimal, unit: str) -> Measure:
    """A measure in ``unit`` (a units.txt name) converted to its kind's canonical unit.

    >>> normalise(Decimal(5), "jin")
    Measure(kind='mass', value=Decimal('2.5'), unit='kg')
    """
    kind, canonical = kind_of(unit)
    return Measure(kind, _clean(value * _factor(unit, canonical)), canonical)


def normalise_rate(value: Decimal, currency: str, per: str | None) -> Measure:
    """Money, plain or per unit of something: ``5 yuan per jin`` is 10 CNY/kg.

    >>> normalise_rate(Decimal(5), "CNY", "jin")
    Measure(kind='money', value=Decimal('10'), unit='CNY/kg')
    >>> normalise_rate(Decimal(1000), "CNY", None)
    Measure(kind='money', value=Decimal('1000'), unit='CNY')
    """
    if per is None:
        return Measure("money", _clean(value), currency)
    _, canonical = kind_of(per)
    # one `per` unit is f canonical units, so the price per canonical unit is value / f
    return Measure("money", _clean(value / _factor(per, canonical)), f"{currency}/{canonical}")


def scaled(value: Decimal, factor: Decimal) -> Decimal:
    """``value`` times ``factor``, rounded as ``normalise`` rounds its results."""
    return _clean(value * factor)


def _clean(value: Decimal) -> Decimal:
    """Round away binary-ish noise from long divisions (mu is 1/15 ha) to 10 significant places."""
    # quantize raises InvalidOperation when the result has more digits than the context's
    # precision (28): give it room for huge values (`227118084100 trillion mu`).
    with localcontext(prec=max(28, value.adjusted() + 8)):
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return Decimal(f"{value:.10g}") if abs(value) < 1 else value.quantize(
            Decimal("1e-6")).normalize()


@cache
def has_kind(unit: str) -> bool:
    """Whether a unit name, or a ratio of two ('kilogram/mu'), is one the table knows."""
    from pint.errors import PintError

    try:
        return str(registry()(unit).dimensionality) in _kinds()
    except PintError:  # a name units.txt does not define is simply not a unit we know
        return False
