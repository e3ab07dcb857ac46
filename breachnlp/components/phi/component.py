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

from ...syntax import (ACTIVE_SUBJECT_DEPS, CLAUSE_COMPLEMENT_DEPS, OBJECT_DEPS, clause_predicates, is_passive,
                       means_of_access)
from ..base import ParsedComponent, doc_text
from .rules import PhiMention, phi_rules

LABEL = "PHI"

class PhiTagger(ParsedComponent):
    """Tags data-category mentions with their taxonomy id, status and context."""

    label = LABEL
    reads = ("cues", "numbers", "phi", "syntax", "text")
    options = ("explain",)

    def __init__(self, nlp: Language, name: str = "breach_phi", *, resources: str = "default",
                 spans_key: str = "breach_phi", explain: bool = True) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.explain = explain
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = phi_rules(self.lang, self.resources)

    def candidates(self, doc: Doc) -> Iterable[PhiMention]:
        return self.rules.mentions(doc_text(doc))

    def needs_parse(self, span: Span) -> bool:
        # affirmed data may be doubted by its clause; affirmed or hedged data may be the means of access
        return span._.phi_context == "exposure" and (span._.phi_status == "affirmed" or (
            span._.phi_status == "hedged" and span._.phi_category in self.rules.access_means.categories))

    def read_parse(self, span: Span, found: tuple[Doc, int] | None) -> None:
        """Credentials that were the means of access (:func:`~breachnlp.syntax.means_of_access`): no
        exposed data (context "background"). Affirmed data whose clause the parse shows in doubt, wherever the doubting word stands:
        a verb of claiming above it ("the seller *claims* the file holds names"), a doubting adverb on
        a verb above it ("the dump *supposedly* has names"), a verb of saying in the passive ("a file
        *said* to hold emails"): hedged. (The conditional mood is left to the surface rules: the
        model's morphology reads « figurent » as one.)"""
        if found is None:
            return
        means = self.rules.access_means
        if span._.phi_category in means.categories and means_of_access(
                found[0], found[1], span.start, span.end, verbs=means.verbs, prepositions=means.prepositions,
                holders=means.holders):
            # the credentials an intruder used, or a staff member's: how they got in, not what was exposed
            span._.phi_context = "background"
            if self.explain:
                span._.phi_cues = [*(span._.phi_cues or []), [span.start_char, span.end_char, "access_means"]]
            return
        if span._.phi_status != "affirmed":
            return
        for verb, below in clause_predicates(found[0], found[1], span.start, span.end):
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
                span._.phi_status = "hedged"
                if self.explain:
                    span._.phi_cues = [*(span._.phi_cues or []), [span.start_char, span.end_char, "doubted_clause"]]
                return

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
