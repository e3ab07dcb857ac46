"""``breach_dates``: date expressions, normalized to ISO partial dates and given a breach role.

Example::

    doc = nlp.make_doc("En mai dernier, la clinique a été victime d'un piratage.")
    doc._.published = "2024-12-17"
    doc = nlp(doc)
    span = doc.spans["breach_dates"][0]
    span._.date_expr, span._.date_norm, span._.date_role      # "mai dernier", "2024-05", "occurred"

Writes the span group ``breach_dates`` (label ``BREACH_DATE``): every date expression found
by our patterns (absolute, partial, relative, ranges), with ``date_expr`` (as written),
``date_norm`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``; ``None`` when the
expression needs a ``doc._.published`` anchor that is missing) and ``date_role``
(``occurred``, ``discovered``, ``disclosed`` or ``None`` when the date is not about the breach:
deadlines, courts, births, publication lines, statistics, future dates).
A date keeps the granularity of its expression: "mai 2024" never becomes a day.
"""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ...schema import parse_published
from ...syntax import (OnDemandParser, clause_before, governing_lemmas, governor, is_passive, modifier_lemmas, object_lemma,
                       passive_subject, predicate_phrases, to_first_person)
from ..base import BreachComponent, doc_text
from .resolve import DateCandidate
from .rules import date_rules

LABEL = "BREACH_DATE"
# The roles of an event a verb of saying can report, which the parse gives a date over the
# disclosure role of its nearest cue (the saying itself).
REPORTED_ROLES = frozenset({"occurred", "discovered"})
# The governors that report a clause: saying, and telling someone ("told the regulator that it had
# been hit on May 4").
SAYING_ROLES = frozenset({"disclosed", "notified"})

class DateTagger(BreachComponent):
    """Finds date expressions, resolves them against ``doc._.published`` and gives them a role."""

    label = LABEL
    reads = ("dates", "numbers", "syntax", "text")

    def __init__(self, nlp: Language, name: str = "breach_dates", *, resources: str = "default",
                 spans_key: str = "breach_dates") -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.parser = OnDemandParser(nlp)
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = date_rules(self.lang, self.resources)

    def candidates(self, doc: Doc) -> Iterable[DateCandidate]:
        return self.rules.find(doc_text(doc), parse_published(doc._.published))

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        self._governors([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for batch in minibatch(stream, size=batch_size):
            docs = [super(DateTagger, self).__call__(doc) for doc in batch]
            self._governors(docs)
            yield from docs

    def _governors(self, docs: list[Doc]) -> None:
        """The role told by the predicate governing each date (``breach_features["governor"]``):
        only the sentences that hold a date that may be chosen are parsed, those of all ``docs`` in
        one batch."""
        if not self.parser.available:
            return
        requests, spans_of = [], []
        for doc in docs:
            # a date the rules ruled out (a deadline, a dateline: a cue and no role) never competes
            spans = [s for s in doc.spans[self.spans_key]
                     if s._.date_norm and (s._.date_role is not None or not s._.breach_cues)]
            sentences = self.rules.sentences(doc_text(doc)) if spans else []
            segment = {id(s): sentences[s._.breach_features["sentence"]] for s in spans
                       if s._.breach_features["sentence"] < len(sentences)}
            requests.append((doc, {(seg.start, seg.end) for seg in segment.values()}))
            spans_of.append((spans, segment))
        for parsed, (spans, segment) in zip(self.parser.parse_many(requests), spans_of):
            for s in spans:
                seg = segment.get(id(s))
                found = parsed.get((seg.start, seg.end)) if seg is not None else None
                token = governor(found[0], found[1], s.start, s.end, self.rules.aspect) if found is not None else None
                lemma = None if token is None else self.rules.predicate(token.lemma_.lower(), predicate_phrases(token))
                passive, obj = token is not None and is_passive(token), None if token is None else object_lemma(token)
                role = None if token is None else self.rules.governor_role(
                    lemma, passive=passive, to_us=to_first_person(token), subject=passive_subject(token), obj=obj,
                    modifiers=modifier_lemmas(token))
                # a date inside a clause that a verb of saying reports ("said *it was hit on May 4*")
                # dates what was said: its predicate's role, not the saying's that the nearest cue gives
                reported = token is not None and clause_before(token, found[0], s.start - found[1], s.end - found[1]) \
                    and any(self.rules.governors.get(lemma) in SAYING_ROLES for lemma in governing_lemmas(token))
                s._.breach_features["governor"], s._.breach_features["reported"] = role, reported
                if reported and role in REPORTED_ROLES and s._.date_role == "disclosed":
                    s._.date_role = role
                elif s._.date_role == "disclosed" and self.rules.tells_the_organization(lemma, passive, obj):
                    # "a contractor warned the management on May 4": the parse sees whom the notice
                    # reached, the nearest cue ("warned") only that someone was told
                    s._.date_role = "discovered"

    def annotate(self, span: Span, candidate: DateCandidate) -> None:
        span._.date_expr = candidate.expr
        span._.date_norm = candidate.norm
        span._.date_role = candidate.role
        span._.breach_cues = [list(candidate.cue)] if candidate.cue else []
        span._.breach_features = {"sentence": candidate.sentence, "kind": candidate.kind, "since": candidate.since,
                                  "weak": candidate.weak, "also_discovered": candidate.also_discovered,
                                  "first_report": candidate.first_report,
                                  "cue_distances": dict(candidate.distances)}

@Language.factory(
    "breach_dates",
    assigns=["doc.spans", "span._.date_expr", "span._.date_norm", "span._.date_role"],
    default_config={"resources": "default", "spans_key": "breach_dates"},
)
def make_date_tagger(nlp: Language, name: str, resources: str, spans_key: str) -> DateTagger:
    return DateTagger(nlp, name, resources=resources, spans_key=spans_key)
