"""``breach_phi``: data categories of the PHI taxonomy, with their assertion status.

``rules`` finds the mentions and their context (pure rules, one language's data), ``status``
decides negated / hedged / affirmed and the document-level status per category, ``component``
is the spaCy component that writes them as spans.
"""
from .component import LABEL, PhiTagger, make_phi_tagger
from .rules import PhiMention, PhiRules, phi_rules
from .status import STATUS_RANK, StatusRules, _window, document_status

__all__ = ["LABEL", "STATUS_RANK", "PhiMention", "PhiRules", "PhiTagger", "StatusRules", "document_status",
           "make_phi_tagger", "phi_rules"]
