"""Exceptions raised by breachnlp. Every message says what was wrong and what is accepted."""
from __future__ import annotations


class BreachNLPError(Exception):
    """Base class of every error breachnlp raises on purpose."""


class InputError(BreachNLPError, ValueError):
    """An argument or an input record is not acceptable (wrong type, empty, undecodable)."""


class EncodingError(InputError):
    """Text that is not Unicode: bytes that are not UTF-8, or lone surrogate code points."""


class LanguageError(InputError):
    """The language is not one breachnlp supports, or its model is not installed."""


class DateError(InputError):
    """A ``published`` anchor that is not an ISO date."""


class ResourceError(BreachNLPError):
    """A language resource file is missing keys, has unexpected keys, or is malformed."""


class MarkupError(InputError):
    """Inline evidence markup is malformed (nested, unclosed or mismatched tags)."""


class GoldFormatError(InputError):
    """A gold JSONL record does not follow ``spec/gold-format.md``."""


class ConfigError(BreachNLPError, ValueError):
    """A component option that cannot work (e.g. two span groups with the same key)."""
