"""Imported by the fork server that starts ``--jobs`` workers (``parallel``): the pipeline, loaded once.

Every worker is forked from the server with spaCy imported, the pipeline
built and the collector's view of it frozen (``startup.load_pipeline``),
so a worker starts in milliseconds. The server leaves Ctrl-C to the main
process, which stops the run; it would otherwise print a traceback of the
import it was in. A rule file that cannot be read is not raised here, where
it would only kill the server: each worker then meets it at its first
batch, and the error reaches the caller as itself.
"""

import signal

from .errors import AgrofactsError
from .startup import load_pipeline

signal.signal(signal.SIGINT, signal.SIG_IGN)
try:
    load_pipeline()
except AgrofactsError:
    pass  # raised again, to the caller, by the first batch (see above)
