"""Scoring exactly as ``## Scoring`` of ``spec/gold-format.md``: pure functions over
:class:`~breachnlp.schema.BreachRecord` objects (no Docs), plus span-level scores.

Document level, one comparison per document and field; for a single-valued field:
gold null & prediction null → nothing; gold null, prediction set → FP; gold set, prediction
null → FN; both set → TP if they match, else FP + FN. P/R/F1 are micro (summed counts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from .schema import BreachRecord
from .taxonomy import DATE_ROLES, LABELS, PHI_CATEGORIES
from .text import fold

FIELDS: tuple[str, ...] = ("organization", "records", "date", "date_roles", "phi_category", "phi_status")
MACRO_FIELDS: tuple[str, ...] = ("organization", "records", "date", "phi_status")
ORG_MATCH_THRESHOLD = 90


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f": round(self.f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def single(gold: Any, pred: Any, match: Callable[[Any, Any], bool]) -> Counts:
    """The spec's rule for a single-valued field."""
    if gold is None and pred is None:
        return Counts()
    if gold is None:
        return Counts(fp=1)
    if pred is None:
        return Counts(fn=1)
    return Counts(tp=1) if match(gold, pred) else Counts(fp=1, fn=1)


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
SHORT_NAME = 3


def _norm_name(name: str) -> str:
    """Case and accents folded, every run of non-alphanumeric characters one space."""
    return _NON_ALNUM.sub(" ", fold(name)).strip()


def names_match(gold: str, predicted: str) -> bool:
    """The spec's organization rule: ``token_sort_ratio >= 90`` on normalized names (word
    order free, extra or missing words count); names of 3 characters or fewer must be equal."""
    g, p = _norm_name(gold), _norm_name(predicted)
    if not g or not p:
        return False
    if len(g) <= SHORT_NAME or len(p) <= SHORT_NAME:
        return g == p
    return fuzz.token_sort_ratio(g, p) >= ORG_MATCH_THRESHOLD


def organization_matches(gold: BreachRecord, predicted: str) -> bool:
    """``predicted`` matches the gold organization or one of its aliases (:func:`names_match`)."""
    return any(names_match(name, predicted) for name in (gold.organization or "", *gold.organization_aliases))


def date_matches(gold: str, predicted: str) -> bool:
    """Equal at the gold's granularity; a range is compared by its start."""
    gold_start = gold.split("/")[0]
    pred_start = predicted.split("/")[0]
    return pred_start[:len(gold_start)] == gold_start and len(pred_start) >= len(gold_start)


def score_document(gold: BreachRecord, pred: BreachRecord, *,
                   fields: Sequence[str] = FIELDS) -> dict[str, Counts]:
    """Counts of one document for every field."""
    out: dict[str, Counts] = {}
    if "organization" in fields:
        out["organization"] = single(gold.organization, pred.organization,
                                     lambda g, p: organization_matches(gold, p))
    if "records" in fields:
        out["records"] = single(gold.records.value if gold.records else None,
                                pred.records.value if pred.records else None, lambda g, p: g == p)
    if "date" in fields:
        out["date"] = single(gold.date.primary, pred.date.primary, date_matches)
    if "date_roles" in fields:
        counts = Counts()
        for role in DATE_ROLES:
            counts.add(single(getattr(gold.date, role), getattr(pred.date, role), date_matches))
        out["date_roles"] = counts
    if "phi_category" in fields:
        out["phi_category"] = _set_counts({c for c, s in gold.phi.items() if s != "negated"},
                                          {c for c, s in pred.phi.items() if s != "negated"})
    if "phi_status" in fields:
        out["phi_status"] = _set_counts(set(gold.phi.items()), set(pred.phi.items()))
    return out


def _set_counts(gold: set[Any], pred: set[Any]) -> Counts:
    return Counts(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))


@dataclass
class Report:
    """Summed counts per field, the macro F1, span scores and per-document details."""

    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    # ``date_roles`` split by role: occurred, discovered, disclosed
    date_by_role: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in DATE_ROLES})
    spans: dict[str, dict[str, Counts]] = field(default_factory=dict)
    documents: int = 0

    @property
    def macro_f1(self) -> float:
        """Mean F1 of organization, records, date and phi_status; a field with nothing to score
        (no gold and no prediction anywhere, or not annotated) is left out rather than counted 0."""
        scored = [f for f in MACRO_FIELDS if self.fields[f].tp + self.fields[f].fp + self.fields[f].fn]
        return sum(self.fields[f].f for f in scored) / len(scored) if scored else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The spec's JSON keys (plus ``documents`` and, when present, ``spans``)."""
        data: dict[str, Any] = {name: counts.to_dict() for name, counts in self.fields.items()}
        data["date_by_role"] = {role: counts.to_dict() for role, counts in self.date_by_role.items()}
        data["macro_f1"] = round(self.macro_f1, 4)
        data["documents"] = self.documents
        if self.spans:
            data["spans"] = {label: {mode: c.to_dict() for mode, c in modes.items()}
                             for label, modes in sorted(self.spans.items())}
        return data


def annotated_fields(gold_record: Mapping[str, Any]) -> list[str]:
    """Fields a partially annotated gold (CASIE: null = not annotated) can be scored on."""
    breach = gold_record.get("breach") or {}
    fields = []
    if breach.get("organization") is not None:
        fields.append("organization")
    if breach.get("records") is not None:
        fields.append("records")
    date = breach.get("date") or {}
    if any(date.get(role) for role in DATE_ROLES):
        fields += ["date", "date_roles"]
    if breach.get("phi"):
        fields += ["phi_category", "phi_status"]
    return fields


def span_counts(gold_spans: Iterable[Mapping[str, Any]], pred_spans: Iterable[Mapping[str, Any]],
                labels: Sequence[str] = LABELS) -> dict[str, dict[str, Counts]]:
    """Per label, exact-offset and overlap counts between two lists of spans."""
    out: dict[str, dict[str, Counts]] = {}
    gold_list = [s for s in gold_spans if s.get("label") in labels]
    pred_list = [s for s in pred_spans if s.get("label") in labels]
    for label in labels:
        gold = [(s["start"], s["end"]) for s in gold_list if s["label"] == label]
        pred = [(s["start"], s["end"]) for s in pred_list if s["label"] == label]
        if not gold and not pred:
            continue
        gold_set, pred_set = set(gold), set(pred)
        exact = Counts(tp=len(gold_set & pred_set), fp=len(pred_set - gold_set), fn=len(gold_set - pred_set))
        hit_pred = sum(1 for p in pred_set if any(p[0] < g[1] and g[0] < p[1] for g in gold_set))
        hit_gold = sum(1 for g in gold_set if any(p[0] < g[1] and g[0] < p[1] for p in pred_set))
        # overlap: a predicted span is right if it overlaps a gold one; a gold span is found if overlapped
        overlap = Counts(tp=hit_gold, fp=len(pred_set) - hit_pred, fn=len(gold_set) - hit_gold)
        out[label] = {"exact": exact, "overlap": overlap}
    return out


def evaluate(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any] | None]], *,
             annotated_only: bool = False) -> Report:
    """Score (gold record, predicted record) pairs of gold-format dicts; a missing prediction
    (``None``) counts as all-null. With ``annotated_only`` a field is scored only where the
    gold annotates it (see :func:`annotated_fields`)."""
    report = Report()
    for gold_record, pred_record in pairs:
        report.documents += 1
        gold = BreachRecord.from_dict(gold_record.get("breach"))
        pred = BreachRecord.from_dict((pred_record or {}).get("breach"))
        fields = annotated_fields(gold_record) if annotated_only else FIELDS
        for name, counts in score_document(gold, pred, fields=fields).items():
            report.fields[name].add(counts)
        if "date_roles" in fields:
            for role in DATE_ROLES:
                report.date_by_role[role].add(single(getattr(gold.date, role), getattr(pred.date, role), date_matches))
        gold_spans = gold_record.get("spans") or []
        if gold_spans:
            labels = tuple(sorted({s["label"] for s in gold_spans})) if annotated_only else LABELS
            for label, modes in span_counts(gold_spans, (pred_record or {}).get("spans") or [], labels).items():
                target = report.spans.setdefault(label, {"exact": Counts(), "overlap": Counts()})
                for mode, counts in modes.items():
                    target[mode].add(counts)
    return report


def differences(gold_record: Mapping[str, Any], pred_record: Mapping[str, Any] | None,
                fields: Sequence[str] = FIELDS) -> list[dict[str, Any]]:
    """Every value of one document where the prediction departs from the gold, one item per value.

    Items are ``{"id", "field", "gold", "predicted"}`` with ``field`` one of ``organization``,
    ``records``, ``date.<role>`` (when ``date`` or ``date_roles`` is in ``fields``) and
    ``phi.<category>`` (when ``phi_category`` or ``phi_status`` is): each PHI category once,
    its gold and predicted status (``None`` when absent). A value differs when the scoring
    rule counts it as FP or FN. An organization item also has ``"confusion"``: the gold
    ``other_organizations`` entry the predicted name matches, or ``None``.
    """
    gold = BreachRecord.from_dict(gold_record.get("breach"))
    pred = BreachRecord.from_dict((pred_record or {}).get("breach"))
    ident = gold_record.get("id")
    out: list[dict[str, Any]] = []

    def differ(counts: Counts) -> bool:
        return bool(counts.fp or counts.fn)

    if "organization" in fields and differ(single(gold.organization, pred.organization,
                                                  lambda g, p: organization_matches(gold, p))):
        confusion = None
        if pred.organization:
            confusion = next((o for o in gold_record.get("other_organizations") or []
                              if names_match(o, pred.organization)), None)
        out.append({"id": ident, "field": "organization", "gold": gold.organization,
                    "predicted": pred.organization, "confusion": confusion})
    if "records" in fields:
        g_value = gold.records.value if gold.records else None
        p_value = pred.records.value if pred.records else None
        if differ(single(g_value, p_value, lambda g, p: g == p)):
            out.append({"id": ident, "field": "records", "gold": _field_value(gold, "records"),
                        "predicted": _field_value(pred, "records")})
    if "date" in fields or "date_roles" in fields:
        for role in DATE_ROLES:
            g_date, p_date = getattr(gold.date, role), getattr(pred.date, role)
            if differ(single(g_date, p_date, date_matches)):
                out.append({"id": ident, "field": f"date.{role}", "gold": g_date, "predicted": p_date})
    if "phi_category" in fields or "phi_status" in fields:
        for category in PHI_CATEGORIES:
            g_status, p_status = gold.phi.get(category), pred.phi.get(category)
            if g_status != p_status:
                out.append({"id": ident, "field": f"phi.{category}", "gold": g_status, "predicted": p_status})
    return out


def _field_value(record: BreachRecord, name: str) -> Any:
    if name == "organization":
        return record.organization
    if name == "records":
        return record.records.to_dict() if record.records else None
    if name == "date":
        return record.date.primary
    if name == "date_roles":
        return record.date.to_dict()
    if name == "phi_category":
        return sorted(c for c, s in record.phi.items() if s != "negated")
    return dict(sorted(record.phi.items()))


CONFIDENCE_BINS: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def reliability(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any] | None]], *,
                threshold: float = 0.8) -> dict[str, dict[str, Any]]:
    """How the predictions' ``confidence`` holds up against gold, per field (organization, records,
    primary date): for each confidence bin the number of values and the share right, and the share
    of documents at or above ``threshold`` with how often they are right there. A value is right
    when it matches the gold, or when both are null. Documents without a confidence are skipped."""
    out: dict[str, dict[str, Any]] = {}
    for name in ("organization", "records", "date"):
        seen: list[tuple[float, bool]] = []
        for gold_record, pred_record in pairs:
            confidence = ((pred_record or {}).get("confidence") or {}).get(name)
            if confidence is None:
                continue
            gold = BreachRecord.from_dict(gold_record.get("breach"))
            pred = BreachRecord.from_dict((pred_record or {}).get("breach"))
            counts = score_document(gold, pred, fields=(name,))[name]
            seen.append((float(confidence), counts.fp == 0 and counts.fn == 0))
        if not seen:
            continue
        bins = []
        for low, high in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
            inside = [right for c, right in seen if low <= c < high or (high == 1.0 and c == 1.0)]
            if inside:
                bins.append({"from": low, "to": high, "n": len(inside), "right": round(sum(inside) / len(inside), 4)})
        high_conf = [right for c, right in seen if c >= threshold]
        out[name] = {"n": len(seen), "right": round(sum(r for _, r in seen) / len(seen), 4), "bins": bins,
                     "threshold": threshold, "coverage": round(len(high_conf) / len(seen), 4),
                     "right_above": round(sum(high_conf) / len(high_conf), 4) if high_conf else None}
    return out
