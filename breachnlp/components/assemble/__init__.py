"""``breach_assemble``: links the four extractors' spans to the main breach and builds the result.

It reads the span groups ``breach_org``, ``breach_records``, ``breach_dates`` and
``breach_phi`` and decides, for the article's main incident: the victim and its parent, THE
record count (:func:`~breachnlp.components.records.choose_count`), one date per role, and one
status per data category (:func:`~breachnlp.components.phi.document_status`). Facts in
sentences about another incident ("X a également été victime", "another breach") or that
name another organization but not the victim are discounted. The evidence spans of every
chosen value are written to the span group ``breach``; ``doc._.breach`` returns the same
decision as a :class:`~breachnlp.schema.BreachRecord`.

Its ``score`` method (the ``breachnlp.breach_scorer.v1`` scorer) gives ``nlp.evaluate`` the
per-field scores of ``breachnlp evaluate``: ``breach_<field>_p/_r/_f`` for ``organization``,
``records``, ``date``, ``date_roles``, ``phi_category`` and ``phi_status``,
``breach_date_roles_per_type`` and ``breach_macro_f``, from the gold ``breach`` object each
reference Doc carries in ``doc._.breach_gold`` (:func:`breachnlp.corpus.gold_examples`)::

    examples = gold_examples(nlp, "corpus/fr.jsonl")
    nlp.evaluate(examples)["breach_macro_f"]
"""
from __future__ import annotations

from .component import SCORE_WEIGHTS, BreachAssembler, make_breach_assembler, make_breach_scorer, score_breach
from .linking import EVIDENCE_KEY, MIN_COUNT_SCORE, AssemblySettings, assemble_record, doc_offsets

__all__ = ["SCORE_WEIGHTS", "BreachAssembler", "make_breach_assembler", "make_breach_scorer", "score_breach",
           "EVIDENCE_KEY", "MIN_COUNT_SCORE", "AssemblySettings", "assemble_record", "doc_offsets"]
