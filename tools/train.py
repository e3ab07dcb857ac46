"""Fit the weights of breachnlp's linear scorers on gold (``make train``).

    python tools/train.py            # fit, report cross-validated figures, write the weights
    python tools/train.py --check    # fit and report only

Data: the project corpus (``corpus/*.jsonl``) and, when ``../shared`` is beside the repository,
CASIE dev (organization only, where annotated). Never CASIE test. A first-sight batch is used
only once it joined the corpus (after it was scored).

What it fits (all plain logistic regressions, scikit-learn, deterministic):
- ``victim``: which organization cluster is the victim, from the features of
  :data:`breachnlp.components.org.VICTIM_FEATURES` (one row per candidate cluster);
- ``confidence``: for organization, records and the primary date, the probability that the
  value given is right (or, for null, that the text states none), from the margins of the
  decision (:data:`breachnlp.confidence.CONFIDENCE_FEATURES`), fitted on out-of-fold decisions.

It reports grouped 5-fold cross-validation by document for the hand-set and the fitted victim
weights side by side, writes ``resources/<lang>/weights.yml`` for both languages (one pooled
model: the features do not depend on the language) and ``docs/training.json``.
"""
from __future__ import annotations

import copy
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import srsly  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from breachnlp import chunking  # noqa: E402
from breachnlp.components.org import NEVER_VICTIM, VICTIM_FEATURES, VICTIM_MARGIN  # noqa: E402
from breachnlp.confidence import CONFIDENCE_FEATURES, organization_features  # noqa: E402
from breachnlp.corpus import read_jsonl  # noqa: E402
from breachnlp.evaluate import date_matches, names_match  # noqa: E402
from breachnlp.pipeline import cached_pipeline  # noqa: E402
from breachnlp.schema import BreachRecord  # noqa: E402

SHARED = ROOT.parent / "shared"
C = 0.1  # inverse L2 strength: the corpus is small, keep the weights modest
# Victim weights: classes balanced (one victim among many clusters), chosen over C in {0.1, 1, 10},
# balanced or not, by out-of-fold organization F1 on the first-sight articles (docs/evaluation.md).
VICTIM_CLASS_WEIGHT = "balanced"
FOLDS = 5


def load_sets() -> list[tuple[str, dict[str, Any]]]:
    sets = [("corpus", g) for lang in ("fr", "en") for g in read_jsonl(ROOT / "corpus" / f"{lang}.jsonl")]
    casie = SHARED / "casie" / "dev.jsonl"
    if casie.exists():
        sets += [("casie-dev", g) for g in read_jsonl(casie) if g["breach"].get("organization")]
    return sets


def annotate(gold: dict[str, Any]) -> Any:
    nlp = cached_pipeline(gold["lang"], None, "accurate")
    return chunking.annotate(nlp, gold["text"], gold.get("published"), title=gold.get("title"))


def clusters_of(doc: Any) -> list[dict[str, Any]]:
    """One entry per organization cluster: its victim features, role and every surface form."""
    by_name: dict[str, dict[str, Any]] = {}
    for span in doc.spans["breach_org"]:
        features = span._.breach_features or {}
        entry = by_name.setdefault(span._.org_name, {"name": span._.org_name, "role": span._.org_role,
                                                     "features": features.get("victim") or {},
                                                     "forms": set(features.get("aliases") or ())})
        entry["forms"].add(span.text)
    return list(by_name.values())


def org_label(gold: dict[str, Any], cluster: dict[str, Any]) -> int:
    breach = gold["breach"]
    names = [breach.get("organization"), *(breach.get("organization_aliases") or [])]
    forms = [cluster["name"], *cluster["forms"]]
    return int(any(n and names_match(n, f) for n in names for f in forms))


def matrix(rows: list[dict[str, float]], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[float(r.get(n, 0.0)) for n in names] for r in rows]) if rows else np.zeros((0, len(names)))


def choose(scores: list[float], bar: float = VICTIM_MARGIN) -> int | None:
    best = max(range(len(scores)), key=lambda i: scores[i], default=None)
    return best if best is not None and scores[best] >= bar else None


def main(argv: list[str]) -> int:
    data = load_sets()
    print(f"annotating {len(data)} gold documents…", file=sys.stderr)
    docs = []
    for origin, gold in data:
        doc = annotate(gold)
        record: BreachRecord = doc._.breach
        cands = [c for c in clusters_of(doc) if c["role"] not in NEVER_VICTIM]
        docs.append({"origin": origin, "gold": gold, "record": record, "candidates": cands,
                     "labels": [org_label(gold, c) for c in cands], "doc": doc})

    if "--dump" in argv:  # the features of every candidate, for experiments
        dump = [{"origin": d["origin"], "id": d["gold"]["id"], "gold_org": d["gold"]["breach"].get("organization"),
                 "candidates": [{"name": c["name"], "features": c["features"]} for c in d["candidates"]],
                 "labels": d["labels"]} for d in docs]
        Path(argv[argv.index("--dump") + 1]).write_text(json.dumps(dump), encoding="utf-8")

    # ---------------------------------------------------------------- victim
    rows, labels, groups = [], [], []
    for i, d in enumerate(docs):
        for c, y in zip(d["candidates"], d["labels"]):
            rows.append(c["features"])
            labels.append(y)
            groups.append(i)
    X, y, g = matrix(rows, VICTIM_FEATURES), np.array(labels), np.array(groups)
    hand = srsly.read_yaml(ROOT / "breachnlp" / "resources" / "fr" / "weights.yml")["hand_set"]["victim"]
    hand_w = np.array([float(hand["weights"].get(n, 0.0)) for n in VICTIM_FEATURES])
    hand_b = float(hand["bias"])
    oof = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(X, y, g):
        model = LogisticRegression(C=C, max_iter=5000, class_weight=VICTIM_CLASS_WEIGHT).fit(X[train], y[train])
        oof[test] = model.decision_function(X[test])
    model = LogisticRegression(C=C, max_iter=5000, class_weight=VICTIM_CLASS_WEIGHT).fit(X, y)
    hand_scores = X @ hand_w + hand_b
    report: dict[str, Any] = {"documents": len(docs), "candidates": int(len(y)), "victim": {}}
    for name, scores in (("hand-set", hand_scores), ("fitted (out-of-fold)", oof)):
        report["victim"][name] = org_f1(docs, scores, g)
    fitted = {"source": f"make train: logistic regression (C={C}) on {len(docs)} gold documents "
                        f"({sum(1 for d in docs if d['origin'] == 'corpus')} corpus, "
                        f"{sum(1 for d in docs if d['origin'] == 'casie-dev')} CASIE dev)",
              "bias": round(float(model.intercept_[0]), 4),
              "weights": {n: round(float(w), 4) for n, w in zip(VICTIM_FEATURES, model.coef_[0])}}

    # Which victim weights are used is decided by the first-sight articles (docs/evaluation.md):
    # the fitted ones by default, ``--victim hand-set`` for the first turn's.
    active = "hand-set" if "--victim" in argv and argv[argv.index("--victim") + 1] == "hand-set" else "fitted"
    active_scores = oof if active == "fitted" else hand_scores
    report["victim_active"] = active

    # ------------------------------------------------------------ confidence
    # out-of-fold victim decisions, then the other fields as the pipeline decided them
    conf_rows: dict[str, list[dict[str, float]]] = defaultdict(list)
    conf_y: dict[str, list[int]] = defaultdict(list)
    conf_g: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        scores = [float(s) for s in active_scores[g == i]]
        fields = dict(d["record"].decision)
        best = max(range(len(scores)), key=lambda k: scores[k], default=None)
        fields["organization"] = organization_features(
            scores, threshold=VICTIM_MARGIN, headline=bool(fields["organization"]["headline"]),
            top=d["candidates"][best]["features"] if best is not None else None)
        for field, feats in fields.items():
            if field != "organization" and d["origin"] != "corpus":
                continue  # CASIE dev annotates only the organization
            right = field_right(field, d, scores)
            conf_rows[field].append(feats)
            conf_y[field].append(int(right))
            conf_g[field].append(i)
    confidence: dict[str, Any] = {}
    report["confidence"] = {}
    for field, names in CONFIDENCE_FEATURES.items():
        Xc, yc, gc = matrix(conf_rows[field], names), np.array(conf_y[field]), np.array(conf_g[field])
        probs = np.zeros(len(yc))
        for train, test in GroupKFold(FOLDS).split(Xc, yc, gc):
            if len(set(yc[train])) < 2:
                probs[test] = yc[train].mean()
                continue
            m = LogisticRegression(C=C, max_iter=5000).fit(Xc[train], yc[train])
            probs[test] = m.predict_proba(Xc[test])[:, 1]
        m = LogisticRegression(C=C, max_iter=5000).fit(Xc, yc)
        confidence[field] = {"bias": round(float(m.intercept_[0]), 4),
                             "weights": {n: round(float(w), 4) for n, w in zip(names, m.coef_[0])}}
        report["confidence"][field] = reliability(probs, yc)

    print(json.dumps(report, indent=1))
    if "--check" in argv:
        return 0
    for lang in ("fr", "en"):
        path = ROOT / "breachnlp" / "resources" / lang / "weights.yml"
        header = ("# Weights of breachnlp's linear scorers (breachnlp/scoring.py), written by `make train`\n"
                  "# (tools/train.py) from gold: do not edit by hand, change the features or the data.\n")
        body = srsly.yaml_dumps({"victim": copy.deepcopy(fitted if active == "fitted" else hand),
                                 "confidence": confidence, "hand_set": {"victim": hand}, "fitted": {"victim": fitted}})
        path.write_text(header + body, encoding="utf-8")
    (ROOT / "docs" / "training.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def org_f1(docs: list[dict[str, Any]], scores: np.ndarray, groups: np.ndarray) -> dict[str, Any]:
    """Document-level organization P/R/F1 when each document's victim is its best candidate
    scoring at least 0 (by origin: corpus, CASIE dev)."""
    out: dict[str, Any] = {}
    def group(d: dict[str, Any]) -> str:
        return "first-sight" if d["gold"].get("batch") else d["origin"]

    for origin in sorted({group(d) for d in docs}):
        tp = fp = fn = 0
        for i, d in enumerate(docs):
            if group(d) != origin:
                continue
            pick = choose([float(s) for s in scores[groups == i]])
            gold = d["gold"]["breach"].get("organization")
            right = pick is not None and d["labels"][pick] == 1
            if pick is not None and gold:
                tp, fp, fn = (tp + 1, fp, fn) if right else (tp, fp + 1, fn + 1)
            elif pick is not None:
                fp += 1
            elif gold:
                fn += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[origin] = {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return out


def field_right(field: str, d: dict[str, Any], victim_scores: list[float]) -> bool:
    gold, record = d["gold"]["breach"], d["record"]
    if field == "organization":
        pick = choose(victim_scores)
        if pick is None:
            return not gold.get("organization")
        return bool(gold.get("organization")) and d["labels"][pick] == 1
    if field == "records":
        g = (gold.get("records") or {}).get("value")
        p = record.records.value if record.records else None
        return g == p
    g = BreachRecord.from_dict(gold).date.primary
    p = record.date.primary
    return (g is None and p is None) or (g is not None and p is not None and date_matches(g, p))


def reliability(probs: np.ndarray, right: np.ndarray) -> dict[str, Any]:
    bins = []
    for low in (0.0, 0.2, 0.4, 0.6, 0.8):
        mask = (probs >= low) & (probs < low + 0.2 if low < 0.8 else probs <= 1.0)
        if mask.any():
            bins.append({"bin": f"{low:.1f}-{low + 0.2:.1f}", "n": int(mask.sum()),
                         "accuracy": round(float(right[mask].mean()), 3)})
    high = probs >= 0.8
    return {"n": int(len(right)), "accuracy": round(float(right.mean()), 3), "bins": bins,
            "coverage_at_0.8": round(float(high.mean()), 3),
            "accuracy_at_0.8": round(float(right[high].mean()), 3) if high.any() else None,
            "auc": round(auc(probs, right), 3)}


def auc(probs: np.ndarray, right: np.ndarray) -> float:
    pos, neg = probs[right == 1], probs[right == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = sum(float((p > neg).sum()) + 0.5 * float((p == neg).sum()) for p in pos)
    return wins / (len(pos) * len(neg))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
