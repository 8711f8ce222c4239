"""Rasa's structured log without local variables in tracebacks.

`rasa run` outside a terminal renders exceptions with `structlog.processors.dict_tracebacks`, which lists every
frame's locals: the response filler's hold every slot value, and other frames hold trackers and messages. The
tracker store (started by `rasa run` after the log is configured) swaps that renderer for one without locals; the
exception's type, message and frames are kept."""

import structlog
from structlog.processors import ExceptionRenderer
from structlog.tracebacks import ExceptionDictTransformer

WITHOUT_LOCALS = ExceptionRenderer(ExceptionDictTransformer(show_locals=False))


def keep_locals_out_of_tracebacks() -> None:
    """Replaces Rasa's traceback renderer in place, so loggers already in use follow too."""
    processors = structlog.get_config()["processors"]
    for index, processor in enumerate(processors):
        if processor is structlog.processors.dict_tracebacks:
            processors[index] = WITHOUT_LOCALS
