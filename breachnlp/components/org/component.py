"""The spaCy component ``breach_org``: mentions, clusters and roles of :class:`~.rules.OrgRules`
written as ``doc.spans["breach_org"]`` with ``org_name``, ``org_role`` and ``org_score``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..base import BreachComponent, doc_text
from .rules import org_rules

LABEL = "BREACH_ORG"

class OrgTagger(BreachComponent):
    """Finds organizations, clusters their mentions and gives each cluster a role."""

    label = LABEL
    reads = ("cues", "dates", "numbers", "orgs", "phi", "places", "records", "syntax", "text", "weights")
    options = ("use_ner",)

    def __init__(self, nlp: Language, name: str = "breach_org", *, resources: str = "default",
                 spans_key: str = "breach_org", use_ner: bool = True) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.use_ner = use_ner
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = org_rules(self.lang, self.resources)

    def __call__(self, doc: Doc) -> Doc:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if self.use_ner else []
        text = doc_text(doc)
        mentions = self.rules.mentions(text, ents)
        clusters = self.rules.clusters(text, mentions)
        self.rules.assign_roles(text, clusters)
        spans = []
        for cluster in clusters:
            name, aliases = cluster.name, cluster.aliases  # once per cluster, not once per mention
            place = all(x.source == "place" for x in cluster.mentions)
            person = all(x.source == "person" for x in cluster.mentions)
            parent_of = cluster.owns.name if cluster.owns else None
            victim_features = {k: v for k, v in cluster.features.items() if v}  # what the score weighed
            for m in cluster.mentions:
                span = self.char_span(doc, m.start, m.end)
                if span is None:
                    continue
                span._.org_name = name
                span._.org_role = cluster.role
                span._.org_score = cluster.score
                span._.breach_cues = [list(c) for c in m.cues]
                span._.breach_features = {"sentence": m.sentence, "aliases": list(aliases), "place": place,
                                          "person": person, "parent_of": parent_of, "victim": victim_features}
                spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: s.start)
        return doc

@Language.factory(
    "breach_org",
    assigns=["doc.spans", "span._.org_name", "span._.org_role", "span._.org_score"],
    default_config={"resources": "default", "spans_key": "breach_org", "use_ner": True},
)
def make_org_tagger(nlp: Language, name: str, resources: str, spans_key: str, use_ner: bool) -> OrgTagger:
    return OrgTagger(nlp, name, resources=resources, spans_key=spans_key, use_ner=use_ner)
