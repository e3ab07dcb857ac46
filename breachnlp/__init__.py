"""breachnlp: structured facts from French and English data-breach news, as a spaCy pipeline."""
from __future__ import annotations

from . import extensions  # noqa: F401  (declares Doc/Span extensions)
from .api import detect_language, extract, load, pipe
from .display import explain, render, to_dataframe
from .errors import BreachNLPError, DateError, InputError, LanguageError
from .schema import BreachDates, BreachRecord, Evidence, RecordCount

__version__ = "0.1.0"
__all__ = ["load", "extract", "pipe", "detect_language", "BreachRecord", "RecordCount", "BreachDates",
           "render", "explain", "to_dataframe",
           "Evidence", "BreachNLPError", "InputError", "LanguageError", "DateError", "__version__"]
