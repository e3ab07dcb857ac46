"""The spaCy side of ``breach_assemble``: the factory, ``__call__``, the scorer for ``nlp.evaluate``."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from ...errors import ConfigError
from ..base import BreachComponent
from .linking import _SETTINGS, EVIDENCE_KEY, AssemblySettings, _cues, assemble_record, doc_offsets


def score_breach(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Per-field scores of the predicted breach against the gold one (``spec/gold-format.md``
    ``## Scoring``), over the examples whose reference Doc has ``doc._.breach_gold``.

    RETURNS (dict): ``breach_<field>_p``, ``_r``, ``_f`` for each field of
        :data:`breachnlp.evaluate.FIELDS`, ``breach_date_roles_per_type`` (``{role: {p, r, f}}``)
        and ``breach_macro_f``; every value ``None`` when no example has a gold breach, as
        spaCy's scorers do for missing annotation.
    """
    from ...evaluate import FIELDS, evaluate

    pairs = [({"breach": eg.reference._.breach_gold}, {"breach": eg.predicted._.breach.to_dict()})
             for eg in examples if eg.reference._.breach_gold is not None]
    report = evaluate(pairs) if pairs else None
    scores: dict[str, Any] = {}
    for name in FIELDS:
        counts = report.fields[name] if report else None
        for key in ("p", "r", "f"):
            scores[f"breach_{name}_{key}"] = getattr(counts, key) if counts else None
    scores["breach_date_roles_per_type"] = (
        {role: {"p": c.p, "r": c.r, "f": c.f} for role, c in report.date_by_role.items()} if report else None)
    scores["breach_macro_f"] = report.macro_f1 if report else None
    return scores


@registry.scorers("breachnlp.breach_scorer.v1")
def make_breach_scorer() -> Callable[..., dict[str, Any]]:
    """The scorer of ``breach_assemble``: :func:`score_breach`."""
    return score_breach


class BreachAssembler(BreachComponent):
    """Reads the span groups of the other components (``org_key``, ``records_key``, ``dates_key``,
    ``phi_key``), assembles the main breach (``doc._.breach``), writes its evidence to
    ``doc.spans[spans_key]``; scores the assembled breach for ``nlp.evaluate``."""

    reads = ("cues", "orgs", "records", "syntax", "text", "weights")
    options = ("org_key", "records_key", "dates_key", "phi_key")

    def __init__(self, nlp: Language, name: str = "breach_assemble", *, resources: str = "default",
                 spans_key: str = EVIDENCE_KEY, org_key: str = "breach_org", records_key: str = "breach_records",
                 dates_key: str = "breach_dates", phi_key: str = "breach_phi",
                 scorer: Callable[..., dict[str, Any]] | None = score_breach) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        keys = {"org_key": org_key, "records_key": records_key, "dates_key": dates_key, "phi_key": phi_key}
        for option, key in keys.items():
            if not isinstance(key, str) or not key:
                raise ConfigError(f"breach_assemble: {option} must name a span group, not {key!r}.")
        if spans_key in keys.values():
            raise ConfigError(f"breach_assemble: spans_key {spans_key!r} is also an input group; "
                              "the evidence would overwrite it.")
        self.org_key, self.records_key, self.dates_key, self.phi_key = org_key, records_key, dates_key, phi_key
        self.scorer = scorer
        self._load_rules()

    @property
    def settings(self) -> AssemblySettings:
        return AssemblySettings(self.lang, self.resources, self.org_key, self.records_key, self.dates_key,
                                self.phi_key)

    def _load_rules(self) -> None:
        _cues(self.lang, self.resources)  # checks the data now rather than at the first Doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """The scores of :func:`score_breach` (or of the configured ``scorer``)."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        settings = self.settings
        _SETTINGS[doc] = settings
        record = assemble_record(doc, settings)
        spans = []
        body_start = doc._.body_start or 0
        for item in record.spans:
            start, end = doc_offsets(item, body_start)
            span = doc.char_span(start, end, label=item.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


SCORE_WEIGHTS: dict[str, float | None] = {
    "breach_macro_f": 1.0, "breach_organization_f": 0.0, "breach_records_f": 0.0, "breach_date_f": 0.0,
    "breach_date_roles_f": 0.0, "breach_phi_category_f": 0.0, "breach_phi_status_f": 0.0,
}


@Language.factory(
    "breach_assemble",
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.breach"],
    default_config={"resources": "default", "spans_key": EVIDENCE_KEY, "org_key": "breach_org",
                    "records_key": "breach_records", "dates_key": "breach_dates", "phi_key": "breach_phi",
                    "scorer": {"@scorers": "breachnlp.breach_scorer.v1"}},
    default_score_weights=SCORE_WEIGHTS,
)
def make_breach_assembler(nlp: Language, name: str, resources: str, spans_key: str, org_key: str, records_key: str,
                          dates_key: str, phi_key: str,
                          scorer: Callable[..., dict[str, Any]] | None) -> BreachAssembler:
    return BreachAssembler(nlp, name, resources=resources, spans_key=spans_key, org_key=org_key,
                           records_key=records_key, dates_key=dates_key, phi_key=phi_key, scorer=scorer)
