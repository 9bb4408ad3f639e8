"""The one exception family agrofacts raises, so callers (and the CLI) can catch it alone."""

from __future__ import annotations


class AgrofactsError(Exception):
    """Base of every error agrofacts raises on purpose."""


class RuleFileError(AgrofactsError):
    """A data file under data/ is malformed; the message names file, line and key."""


class InputError(AgrofactsError):
    """An article or option given by the user cannot be used."""
