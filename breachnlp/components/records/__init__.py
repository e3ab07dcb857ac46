"""``breach_records``: every figure that may count the people or records of a breach.

``rules`` finds the figures (pure rules, one language's data), ``choose`` picks THE count of a
document, ``component`` is the spaCy component that writes them as spans.
"""
from .choose import choose_count, counts_people_or_records, precision_rank
from .component import LABEL, RecordCounter, candidate_from_span, make_record_counter
from .rules import RECORD_UNITS, CountCandidate, RecordRules, record_rules

__all__ = ["LABEL", "RECORD_UNITS", "CountCandidate", "RecordCounter", "RecordRules", "candidate_from_span",
           "choose_count", "counts_people_or_records", "make_record_counter", "precision_rank", "record_rules"]
