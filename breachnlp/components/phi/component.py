"""``breach_phi``: data categories of the PHI taxonomy, with their assertion status.

Example::

    doc = nlp("Les noms ont été volés, mais aucun numéro de sécurité sociale n'a été dérobé.")
    [(s.text, s._.phi_category, s._.phi_status) for s in doc.spans["breach_phi"]]
    # [("noms", "name", "affirmed"), ("numéro de sécurité sociale", "national_id", "negated")]

Writes the span group ``breach_phi`` (label ``PHI``): one span per mention of a category in
a sentence that says data was taken, exposed or spared (``phi_context="exposure"``); mentions
in advice or background sentences are kept with ``phi_context="advice"`` / ``"background"``
and do not count. ``phi_status`` follows the ConText/NegEx tradition, built for news
(:mod:`.status`). With ``explain=True`` (default) ``phi_cues`` holds the cue spans that
decided the status as ``[start_char, end_char, kind]``. The document rule,
:func:`.status.document_status`, is applied by ``breach_assemble``.
"""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ...syntax import ACTIVE_SUBJECT_DEPS, CLAUSE_COMPLEMENT_DEPS, OBJECT_DEPS, OnDemandParser, clause_predicates, is_passive
from ..base import BreachComponent, doc_text
from .rules import PhiMention, phi_rules

LABEL = "PHI"

class PhiTagger(BreachComponent):
    """Tags data-category mentions with their taxonomy id, status and context."""

    label = LABEL
    reads = ("cues", "numbers", "phi", "syntax", "text")
    options = ("explain",)

    def __init__(self, nlp: Language, name: str = "breach_phi", *, resources: str = "default",
                 spans_key: str = "breach_phi", explain: bool = True) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.explain = explain
        self.parser = OnDemandParser(nlp)
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = phi_rules(self.lang, self.resources)

    def candidates(self, doc: Doc) -> Iterable[PhiMention]:
        return self.rules.mentions(doc_text(doc))

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        self._doubts([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for batch in minibatch(stream, size=batch_size):
            docs = [super(PhiTagger, self).__call__(doc) for doc in batch]
            self._doubts(docs)
            yield from docs

    def _doubts(self, docs: list[Doc]) -> None:
        """Affirmed data whose clause the parse shows in doubt, wherever the doubting word stands:
        a verb of claiming above it ("the seller *claims* the file holds names"), a doubting adverb on
        a verb above it ("the dump *supposedly* has names"), a verb of saying in the passive ("a file
        *said* to hold emails"): hedged. (The conditional mood is left to the surface rules: the
        model's morphology reads « figurent » as one.)
        Only the sentences of such mentions are parsed, those of all ``docs`` in one batch."""
        if not self.parser.available:
            return
        requests, spans_of = [], []
        for doc in docs:
            spans = [s for s in doc.spans[self.spans_key] if s._.phi_status == "affirmed" and s._.phi_context == "exposure"]
            sentences = self.rules.sentences(doc_text(doc)) if spans else []
            segment = {id(s): sentences[s._.breach_features["sentence"]] for s in spans
                       if s._.breach_features["sentence"] < len(sentences)}
            requests.append((doc, {(seg.start, seg.end) for seg in segment.values()}))
            spans_of.append((spans, segment))
        for parsed, (spans, segment) in zip(self.parser.parse_many(requests), spans_of):
            for s in spans:
                seg = segment.get(id(s))
                found = parsed.get((seg.start, seg.end)) if seg is not None else None
                if found is None:
                    continue
                for verb, below in clause_predicates(found[0], found[1], s.start, s.end):
                    adverbs = [c.lemma_.lower() for c in verb.children if c.dep_ == "advmod"]
                    # a claim doubts the clause it says ("claim [that] names were taken", "claims to have
                    # taken names") by someone, not a clause beside it ("a group *claiming* responsibility
                    # emailed names") nor a noun it is misread from ("insurance *claims* information")
                    complement = below.dep_ in CLAUSE_COMPLEMENT_DEPS and \
                        any(c.dep_ in ACTIVE_SUBJECT_DEPS for c in verb.children) and \
                        not any(c.dep_ in OBJECT_DEPS for c in verb.children)
                    # "said to hold", « dit contenir »: a verb of saying with an infinitive, read as a passive
                    reported = is_passive(verb) or any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm", [])
                                                       for c in verb.children)
                    if self.rules.doubted(verb.lemma_.lower(), adverbs, passive=reported, complement=complement):
                        s._.phi_status = "hedged"
                        if self.explain:
                            s._.phi_cues = [*(s._.phi_cues or []), [s.start_char, s.end_char, "doubted_clause"]]
                        break

    def annotate(self, span: Span, mention: PhiMention) -> None:
        span._.phi_category = mention.category
        span._.phi_status = mention.status
        span._.phi_context = mention.context
        span._.breach_features = {"sentence": mention.sentence}
        if self.explain:
            span._.phi_cues = [list(c) for c in mention.cues]

@Language.factory(
    "breach_phi",
    assigns=["doc.spans", "span._.phi_category", "span._.phi_status", "span._.phi_cues", "span._.phi_context"],
    default_config={"resources": "default", "spans_key": "breach_phi", "explain": True},
)
def make_phi_tagger(nlp: Language, name: str, resources: str, spans_key: str, explain: bool) -> PhiTagger:
    return PhiTagger(nlp, name, resources=resources, spans_key=spans_key, explain=explain)
