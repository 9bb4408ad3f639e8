"""Durations written in several units: "14 hours 21 minutes and 27 seconds".

Each part is read as a duration of its own by the quantity rules; a reader
wants the one length of time they make together, as Singles' Day reports
give the time it took to pass a sales mark. Parts join when only "and" or a
comma stands between them and each unit is smaller than the one before.
"""

from __future__ import annotations

from decimal import Decimal

from .figure import Figure, Found
from .lexicon import Lexicons
from .tokenview import TokenView
from .units import normalise, scaled

ONE = Decimal(1)


def joined_durations(view: TokenView, found: list[Found], lex: Lexicons) -> list[Found]:
    """``found`` (in text order) with runs of duration parts made one duration each."""
    if sum(1 for _s, _e, fig in found if fig.kind == "duration") < 2:
        return found  # most docs
    joins = lex.words("duration_join")
    out: list[Found] = []
    for start, end, fig in found:
        if out and fig.kind == "duration" and out[-1][2].kind == "duration":
            p_start, p_end, prev = out[-1]
            joined = all(w.lower() in joins for w in view.words[p_end:start])
            if joined and _unit_size(view, p_end, lex) > _unit_size(view, end, lex) > 0:
                total = Figure("duration", scaled(prev.value + fig.value, ONE), prev.unit, prev.qualifier,
                               rule="duration-compound")
                out[-1] = (p_start, end, total)
                continue
        out.append((start, end, fig))
    return out


def _unit_size(view: TokenView, end: int, lex: Lexicons) -> Decimal:
    """How long one of the time unit that ends at ``end`` is, in the canonical unit (0 if none)."""
    unit = lex.units.match_ending_at(view.words, end)
    return Decimal(0) if unit is None else normalise(ONE, unit[0]).value
