"""``breach_dates``: date expressions, their ISO value and their breach role.

Where each part lives: the words in ``resources/<lang>/dates.yml`` and the ``# --- dates``
section of ``resources/<lang>/syntax.yml``; the shape of a date in :mod:`.grammar`; its value
in :mod:`.resolve`; its role in :mod:`.roles`; the three run over a text by :mod:`.rules`; the
spaCy component in :mod:`.component`.
"""
from ...schema import parse_published
from .component import LABEL, DateTagger, make_date_tagger
from .grammar import YEAR, DateGrammar, date_skip_pattern
from .resolve import SEASON_START, DateCandidate, PartialDate
from .roles import DateRoles
from .rules import DateRules, date_rules

__all__ = ["LABEL", "SEASON_START", "YEAR", "DateCandidate", "DateGrammar", "DateRoles", "DateRules", "DateTagger",
           "PartialDate", "date_rules", "date_skip_pattern", "make_date_tagger", "parse_published"]
