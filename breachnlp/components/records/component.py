"""``breach_records``: every figure that may count the people or records of a breach.

Example::

    nlp.add_pipe("breach_records")
    doc = nlp("Les données de près d'un million de patients ont été volées.")
    span = doc.spans["breach_records"][0]
    span._.records_value, span._.records_unit, span._.records_qualifier   # 1000000, "people", "approx"

Writes the span group ``breach_records`` (label ``RECORD_COUNT``): one span per figure that
is not a distractor (money, sizes, years, dates, phone numbers, percentages, ranks, counts of
other things), with ``records_value`` (``None`` for vague amounts), ``records_unit``,
``records_qualifier`` and ``records_score`` (how strongly the figure is tied to a breach).
Which figure is THE count is decided by :func:`.choose.choose_count`, called by ``breach_assemble``.
"""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...syntax import counted_relation
from ..base import ParsedComponent, doc_text
from .rules import POPULATION_PENALTY, CountCandidate, record_rules

LABEL = "RECORD_COUNT"
# The units whose figure may be an organization's size (its customers, staff, accounts).
SIZE_UNITS = ("people", "accounts")

class RecordCounter(ParsedComponent):
    """Finds the figures of a text that may count the people or records of a breach."""

    label = LABEL
    reads = ("dates", "numbers", "records", "syntax", "text")

    def __init__(self, nlp: Language, name: str = "breach_records", *, resources: str = "default",
                 spans_key: str = "breach_records") -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = record_rules(self.lang, self.resources)

    def candidates(self, doc: Doc) -> Iterable[CountCandidate]:
        return self.rules.candidates(doc_text(doc))

    def needs_parse(self, span: Span) -> bool:
        """A figure of people or accounts may be an organization's size (a figure the attackers claim,
        "says he has 19 million customers", is what they hold)."""
        return bool(span._.records_value) and span._.records_unit in SIZE_UNITS \
            and not span._.breach_features.get("population") and not span._.breach_features.get("single_subject") \
            and not any(cue[2] == "claimed" for cue in span._.breach_cues or ())

    def read_parse(self, span: Span, found: tuple[Doc, int] | None) -> None:
        """A figure the parse shows to be an organization's size (the object of "pay", "serve", the
        subject of "hold") is marked ``population``, as the surface cues mark "which employs 9,000"."""
        relation = counted_relation(found[0], found[1], span.start, span.end) if found is not None else None
        if relation is None:
            return
        kind, verb = relation
        if self.rules.tells_a_size(kind, verb.lemma_.lower(), [child.lemma_.lower() for child in verb.children]):
            span._.breach_features["population"] = True
            span._.records_score = (span._.records_score or 0.0) - POPULATION_PENALTY
            span._.breach_cues = [*(span._.breach_cues or []), [span.start_char, span.end_char, "size"]]

    def annotate(self, span: Span, candidate: CountCandidate) -> None:
        span._.records_value = candidate.value
        span._.records_unit = candidate.unit
        span._.records_qualifier = candidate.qualifier
        span._.records_score = candidate.score
        span._.breach_cues = [list(c) for c in candidate.cues]
        span._.breach_features = {"sentence": candidate.sentence, "significant": candidate.significant,
                                  "population": candidate.population, "revision": candidate.revision,
                                  "initial": candidate.initial, "range_start": candidate.range_start,
                                  "single_subject": candidate.single_subject}

@Language.factory(
    "breach_records",
    assigns=["doc.spans", "span._.records_value", "span._.records_unit", "span._.records_qualifier",
             "span._.records_score"],
    default_config={"resources": "default", "spans_key": "breach_records"},
)
def make_record_counter(nlp: Language, name: str, resources: str, spans_key: str) -> RecordCounter:
    return RecordCounter(nlp, name, resources=resources, spans_key=spans_key)

def candidate_from_span(span: Span, score: float | None = None) -> CountCandidate:
    """Rebuild the candidate a ``breach_records`` span was made from (``score`` overrides)."""
    features = span._.breach_features or {}
    return CountCandidate(span.start_char, span.end_char, span._.records_value, span._.records_unit,
                          span._.records_qualifier or "exact", span._.records_score if score is None else score,
                          features.get("sentence", 0), features.get("significant", 0), features.get("population", False),
                          features.get("revision", False), features.get("initial", False),
                          features.get("range_start", False), tuple(tuple(c) for c in span._.breach_cues or ()),
                          features.get("single_subject", False))
