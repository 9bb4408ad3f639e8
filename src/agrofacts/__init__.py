"""agrofacts: the figures English news articles report, as a tidy table.

>>> from agrofacts import extract_text
>>> [(f.kind, f.text, str(f.value), f.unit) for f in extract_text("They sold 125,000 kg of pears.")]
[('mass', '125,000 kg', '125000', 'kg')]
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Fact", "extract_text", "extract_paths", "__version__"]


def __getattr__(name: str):
    # Lazy: `import agrofacts` (and `agrofacts --help`) must not pay for spaCy.
    if name == "Fact":
        from .fact import Fact

        return Fact
    if name == "extract_text":
        from .extract import extract_text

        return extract_text
    if name == "extract_paths":
        from .archive import extract_paths

        return extract_paths
    raise AttributeError(name)
