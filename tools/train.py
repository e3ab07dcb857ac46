"""Fit the weights of breachnlp's linear scorers on gold (``make train``).

    python tools/train.py            # fit, report cross-validated figures, write the weights
    python tools/train.py --check    # fit and report only
    python tools/train.py --none-decides   # let the fitted "none" say whether a role has a date

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
from scipy.optimize import minimize  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from breachnlp import chunking  # noqa: E402
from breachnlp.components.assemble import linking  # noqa: E402
from breachnlp.components.dates.choose import (  # noqa: E402
    DATE_CHOICE_FEATURES, DATE_ROLES, DateOption, choose_date, governed, restatements)
from breachnlp.components.org import NEVER_VICTIM, VICTIM_FEATURES, VICTIM_MARGIN  # noqa: E402
from breachnlp.components.org.mentions import informal_text  # noqa: E402
from breachnlp.components.records.choose import (COUNT_CHOICE_FEATURES, CountChoice,  # noqa: E402
                                                 choose_count_fitted)
from breachnlp.confidence import CONFIDENCE_FEATURES, date_features, organization_features, records_features  # noqa: E402
from breachnlp.corpus import read_jsonl  # noqa: E402
from breachnlp.evaluate import Counts, date_matches, names_match, single  # noqa: E402
from breachnlp.pipeline import cached_pipeline  # noqa: E402
from breachnlp.schema import BreachDates, BreachRecord  # noqa: E402
from breachnlp.scoring import LinearScorer  # noqa: E402

SHARED = ROOT.parent / "shared"
C = 0.1  # inverse L2 strength: the corpus is small, keep the weights modest
# Victim weights: classes balanced (one victim among many clusters), chosen over C in {0.1, 1, 10},
# balanced or not, by out-of-fold organization F1 on the first-sight articles (docs/evaluation.md).
VICTIM_CLASS_WEIGHT = "balanced"
FOLDS = 5
# Date choice: L2 strength of the conditional logit, chosen over {0.03, 0.1, 0.3, 1, 3} by
# out-of-fold F1 on the first-sight articles (docs/evaluation.md): 0.1 and 0.3 tie on the primary
# date with 24 batches, 0.3 is better on the roles and steadier on short texts.
DATE_L2 = 0.3
# The floors tried for each date role (None: no floor): the best option of a role the rules say is
# stated is dropped when it scores below the floor; make train keeps the floor with the best
# out-of-fold first-sight F1 of that role.
DATE_FLOORS: tuple[float | None, ...] = (None, -2.0, -1.5, -1.0, -0.5, 0.0)
# Count choice: the same, chosen over {0.03, 0.1, 0.3, 1} by out-of-fold records F1 on the first-sight articles.
COUNT_L2 = 0.1


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
        options, features = linking.date_choice_inputs(doc)
        count_options, count_features = linking.count_choice_inputs(doc)
        docs.append({"origin": origin, "gold": gold, "record": record, "candidates": cands,
                     "labels": [org_label(gold, c) for c in cands], "doc": doc,
                     "date_options": options, "date_features": features,
                     "nearest_cue_dates": nearest_cue_dates(doc),
                     "count_options": count_options, "count_features": count_features,
                     "rule_count": rule_count(count_features, count_options)})

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

    # ------------------------------------------------------ date and count choices
    # on the corpus only: CASIE dev annotates the organization, not dates or counts
    corpus_index = [i for i, d in enumerate(docs) if d["origin"] == "corpus"]
    corpus_docs = [docs[i] for i in corpus_index]
    date_choice, date_oof = fit_date_choice(corpus_docs, none_decides="--none-decides" in argv)
    count_choice, count_oof = fit_count_choice(corpus_docs)
    report["date_choice"] = {"hand-set (nearest cue)": dates_f1(corpus_docs, [d["nearest_cue_dates"] for d in corpus_docs]),
                             "fitted (out-of-fold)": dates_f1(corpus_docs, [o["dates"] for o in date_oof])}
    report["count_choice"] = {"hand-set (rule)": counts_f1(corpus_docs, [d["rule_count"] for d in corpus_docs]),
                              "fitted (out-of-fold)": counts_f1(corpus_docs, [o["value"] for o in count_oof])}
    oof_dates, oof_counts = dict(zip(corpus_index, date_oof)), dict(zip(corpus_index, count_oof))

    # ------------------------------------------------------------ confidence
    # out-of-fold victim decisions, then the other fields as the pipeline decided them
    conf_rows: dict[str, list[dict[str, float]]] = defaultdict(list)
    conf_y: dict[str, list[int]] = defaultdict(list)
    conf_g: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        scores = [float(s) for s in active_scores[g == i]]
        fields = dict(d["record"].decision)
        if i in oof_dates:  # the date decision as the out-of-fold choice made it
            fields["date"] = oof_dates[i]["decision"]
        if i in oof_counts:  # and the count decision
            fields["records"] = oof_counts[i]["decision"]
        best = max(range(len(scores)), key=lambda k: scores[k], default=None)
        fields["organization"] = organization_features(
            scores, threshold=VICTIM_MARGIN, headline=bool(fields["organization"]["headline"]),
            top=d["candidates"][best]["features"] if best is not None else None)
        for field, feats in fields.items():
            if field != "organization" and d["origin"] != "corpus":
                continue  # CASIE dev annotates only the organization
            right = field_right(field, d, scores, oof_dates.get(i), oof_counts.get(i))
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
                                 "date_choice": date_choice, "count_choice": count_choice,
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


def field_right(field: str, d: dict[str, Any], victim_scores: list[float],
                date_oof: dict[str, Any] | None = None, count_oof: dict[str, Any] | None = None) -> bool:
    gold, record = d["gold"]["breach"], d["record"]
    if field == "organization":
        pick = choose(victim_scores)
        if pick is None:
            return not gold.get("organization")
        return bool(gold.get("organization")) and d["labels"][pick] == 1
    if field == "records":
        g = (gold.get("records") or {}).get("value")
        p = count_oof["value"] if count_oof is not None else (record.records.value if record.records else None)
        return g == p
    g = BreachRecord.from_dict(gold).date.primary
    p = _primary(date_oof["dates"]) if date_oof is not None else record.date.primary
    return (g is None and p is None) or (g is not None and p is not None and date_matches(g, p))


def _primary(dates: dict[str, str | None]) -> str | None:
    return BreachDates.from_dict(dates).primary


def nearest_cue_dates(doc: Any) -> dict[str, str | None]:
    """The dates the first turn's nearest-cue rule gives (the hand-set choice), for the report."""
    settings = linking.AssemblySettings(doc.lang_)
    context = linking._context(doc, linking._group(doc, settings.org_key), settings)
    return linking._nearest_cue_dates(linking._group(doc, settings.dates_key), context)[0]


def date_labels(gold: dict[str, Any], options: list[DateOption], role: str) -> np.ndarray:
    """1 for the options that give the gold date of ``role``, then the "none" option: 1 when no
    option does (the text states none, or our dates miss it: then "none" costs least)."""
    value = (gold["breach"].get("date") or {}).get(role)
    y = [int(bool(value) and not o.ruled_out and date_matches(value, o.norm)) for o in options]
    return np.array(y + [0 if any(y) else 1])


def fit_conditional_logit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float,
                          names: tuple[str, ...] = DATE_CHOICE_FEATURES) -> np.ndarray:
    """Weights of a softmax over each group's options plus a "none" option (last weight: its score),
    maximizing the likelihood of the right options, L2-penalized; deterministic (L-BFGS from 0)."""
    nf = len(names)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        beta, none = w[:nf], w[nf]
        total, grad = 0.0, np.zeros(nf + 1)
        for X, y in groups:
            scores = np.append(X @ beta, none) if len(X) else np.array([none])
            e = np.exp(scores - scores.max())
            p = e / e.sum()
            right = y.astype(bool)
            total -= np.log(e[right].sum() / e.sum())
            q = np.where(right, e, 0.0) / e[right].sum()
            diff = p - q
            if len(X):
                grad[:nf] += X.T @ diff[:-1]
            grad[nf] += diff[-1]
        return total + l2 * float(beta @ beta), grad + np.append(2 * l2 * beta, 0.0)

    return minimize(loss, np.zeros(nf + 1), jac=True, method="L-BFGS-B").x


def _date_groups(docs: list[dict[str, Any]], role: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each document's softmax group for ``role``: the features of the options that compete (not
    ruled out by the date rules) and their labels, "none" last."""
    groups = []
    for d in docs:
        keep = [i for i, o in enumerate(d["date_options"]) if not o.ruled_out]
        X = matrix([d["date_features"][role][i] for i in keep], DATE_CHOICE_FEATURES)
        y = date_labels(d["gold"], [d["date_options"][i] for i in keep], role)
        groups.append((X, y))
    return groups


def choice_weights(w: np.ndarray, names: tuple[str, ...], digits: int | None = None) -> dict[str, Any]:
    """Fitted conditional-logit weights (the last one: the score of "none") as ``weights.yml`` holds them."""
    keep = (lambda x: round(float(x), digits)) if digits is not None else float
    return {"none": keep(w[-1]), "weights": {n: keep(x) for n, x in zip(names, w[:-1])}}


def _pick(features: list[dict[str, float]], w: np.ndarray, options: list[DateOption], role: str,
          stated: bool | None, floor: float | None = None) -> tuple[str | None, float, float]:
    """(value, softmax share, sentence context) of the option the weights choose, as choose_date does."""
    scorer = LinearScorer.from_choice(choice_weights(w, DATE_CHOICE_FEATURES), DATE_CHOICE_FEATURES)
    pick = choose_date(features, options, scorer, role, stated=stated, floor=floor)
    if pick.option is None:
        return None, pick.probability, 0.0
    return pick.option.norm, pick.probability, pick.option.context


def fit_date_choice(docs: list[dict[str, Any]], none_decides: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``date_choice`` weights of each role, fitted on ``docs``, and every document's
    out-of-fold dates and date decision features (grouped folds by document)."""
    # Two ways to say whether a role has a date at all: the date rules (a cue of the role governs
    # one) or the fitted "none"; both are run out of fold and reported. The rules decide unless
    # ``none_decides``: the fitted "none" gains 0.004 first-sight primary F1 out of fold (52
    # batches) but drops dates a short text states plainly ("intrusion fin 2023"), docs/dates.md.
    modes = {False: [{"dates": {}, "shares": {}, "weights": {}} for _ in docs],
             True: [{"dates": {}, "shares": {}, "weights": {}} for _ in docs]}
    # when the rules decide, the floor of each role (DATE_FLOORS) is chosen by its out-of-fold
    # first-sight F1: the picks of every floor are kept, the chosen one's become the rules' mode
    by_floor: dict[float | None, list[dict[str, Any]]] = {f: [{} for _ in docs] for f in DATE_FLOORS}
    index = np.arange(len(docs))
    weights: dict[str, Any] = {}
    floors: dict[str, float | None] = {}
    for role in DATE_ROLES:
        groups = _date_groups(docs, role)
        for train, test in GroupKFold(FOLDS).split(index, index, index):
            w = fit_conditional_logit([groups[i] for i in train], DATE_L2)
            for i in test:
                rule_stated = docs[i]["nearest_cue_dates"][role] is not None or governed(docs[i]["date_options"], role)
                modes[True][i]["dates"][role], modes[True][i]["shares"][role], context = _pick(
                    docs[i]["date_features"][role], w, docs[i]["date_options"], role, None)
                if modes[True][i]["dates"][role] is not None:
                    modes[True][i]["weights"][role] = context
                for floor, picks in by_floor.items():
                    picks[i][role] = _pick(docs[i]["date_features"][role], w, docs[i]["date_options"], role,
                                           rule_stated, floor)
        first_sight = {floor: dates_f1(docs, [{role: p[role][0]} for p in picks])["first-sight"][role] or 0.0
                       for floor, picks in by_floor.items()}
        # ties to no floor, then to the lowest: a floor must earn its place
        floors[role] = max(DATE_FLOORS, key=lambda f: (round(first_sight[f], 4), f is None, -(f or 0.0)))
        for i, doc_picks in enumerate(by_floor[floors[role]]):
            value, share, context = doc_picks[role]
            modes[False][i]["dates"][role], modes[False][i]["shares"][role] = value, share
            if value is not None:
                modes[False][i]["weights"][role] = context
        w = fit_conditional_logit(groups, DATE_L2)
        weights[role] = choice_weights(w, DATE_CHOICE_FEATURES, 4)
        if floors[role] is not None:
            weights[role]["floor"] = floors[role]
    unseen = {mode: dates_f1(docs, [o["dates"] for o in oof])["first-sight"]["primary"] or 0.0
              for mode, oof in modes.items()}
    weights["none_decides"] = none_decides
    oof = modes[none_decides]
    for d, o in zip(docs, oof):
        dates = o["dates"]
        primary_role = next((r for r in ("occurred", "disclosed", "discovered") if dates.get(r)), None)
        restated, relative = restatements(((x.norm, x.kind) for x in d["date_options"]),
                                          dates[primary_role] if primary_role else None)
        o["decision"] = date_features(_primary(dates), o["weights"].get(primary_role) if primary_role else None,
                                      len(d["date_options"]), sum(1 for r in DATE_ROLES if dates.get(r)),
                                      share=o["shares"].get(primary_role or "occurred"),
                                      rule_agrees=_primary(dates) == _primary(d["nearest_cue_dates"]),
                                      primary_role=primary_role, restated=restated, relative=relative,
                                      letter=any(x.cue == "letter_date" for x in d["date_options"]),
                                      informal=informal_text(d["doc"].text))
    weights["source"] = (f"make train: conditional logit (L2={DATE_L2}) on {len(docs)} corpus documents; "
                         f"'none' decides: {none_decides} (first-sight primary date out of fold "
                         f"{unseen[True]:.3f} with, {unseen[False]:.3f} without); floors chosen out of fold "
                         f"over {list(DATE_FLOORS)}: {floors}")
    return weights, oof


def rule_count(features: list[dict[str, float]], options: list[Any]) -> int | None:
    """The value the first turn's rule chose (carried as the ``rule_choice`` feature)."""
    return next((o.candidate.value for f, o in zip(features, options) if f["rule_choice"]), None)


def fit_count_choice(docs: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``count_choice`` weights, fitted on ``docs``, and every document's out-of-fold count and
    count decision features (grouped folds by document)."""
    groups = []
    for d in docs:
        value = (d["gold"]["breach"].get("records") or {}).get("value")
        y = [int(value is not None and o.candidate.value == value) for o in d["count_options"]]
        groups.append((matrix(d["count_features"], COUNT_CHOICE_FEATURES), np.array(y + [0 if any(y) else 1])))
    oof: list[dict[str, Any]] = [{} for _ in docs]
    index = np.arange(len(docs))

    def pick(i: int, w: np.ndarray) -> CountChoice:
        scorer = LinearScorer.from_choice(choice_weights(w, COUNT_CHOICE_FEATURES), COUNT_CHOICE_FEATURES)
        return choose_count_fitted(docs[i]["count_options"], docs[i]["count_features"], scorer,
                                   min_score=linking.MIN_COUNT_SCORE, stated=docs[i]["rule_count"] is not None and len(docs[i]["count_options"]) == 1)

    for train, test in GroupKFold(FOLDS).split(index, index, index):
        w = fit_conditional_logit([groups[i] for i in train], COUNT_L2, COUNT_CHOICE_FEATURES)
        for i in test:
            choice = pick(i, w)
            chosen = choice.option.candidate if choice.option is not None else None
            by_value: dict[int, list[float]] = defaultdict(list)
            for o in docs[i]["count_options"]:
                by_value[o.candidate.value].append(o.candidate.score)
            oof[i] = {"value": chosen.value if chosen is not None else None,
                      "decision": records_features(by_value, chosen.value if chosen is not None else None,
                                                   linking.MIN_COUNT_SCORE,
                                                   chosen is not None and chosen.qualifier != "exact",
                                                   share=choice.probability,
                                                   rule_agrees=(chosen.value if chosen is not None else None)
                                                   == docs[i]["rule_count"])}
    w = fit_conditional_logit(groups, COUNT_L2, COUNT_CHOICE_FEATURES)
    weights = {"source": f"make train: conditional logit (L2={COUNT_L2}) on {len(docs)} corpus documents",
               **choice_weights(w, COUNT_CHOICE_FEATURES, 4)}
    return weights, oof


def _by_part(docs: list[dict[str, Any]], predicted: list[Any],
             counts_of: Any) -> dict[str, dict[str, float | None]]:
    """F1 per key of ``counts_of(gold breach, prediction) -> {key: Counts}``, summed over the corpus
    articles of the first turn and over the first-sight ones apart (None: nothing to score)."""
    out: dict[str, dict[str, float | None]] = {}
    for part in ("corpus (first turn)", "first-sight"):
        totals: dict[str, Counts] = defaultdict(Counts)
        for d, p in zip(docs, predicted):
            if bool(d["gold"].get("batch")) == (part == "first-sight"):
                for key, counts in counts_of(d["gold"]["breach"], p).items():
                    totals[key].add(counts)
        out[part] = {k: round(c.f, 3) if c.tp + c.fp + c.fn else None for k, c in totals.items()}
    return out


def counts_f1(docs: list[dict[str, Any]], predicted: list[int | None]) -> dict[str, Any]:
    """Records F1 of ``predicted`` values against gold, corpus origin and first-sight apart."""
    by_part = _by_part(docs, predicted, lambda gold, p: {"records": single(
        (gold.get("records") or {}).get("value"), p, lambda g, q: g == q)})
    return {part: f1.get("records") for part, f1 in by_part.items()}


def dates_f1(docs: list[dict[str, Any]], predicted: list[dict[str, str | None]]) -> dict[str, Any]:
    """Primary-date and per-role F1 of ``predicted`` against gold, corpus origin and first-sight apart."""
    def counts_of(gold: dict[str, Any], p: dict[str, str | None]) -> dict[str, Counts]:
        g = gold.get("date") or {}
        return {"primary": single(_primary(g), _primary(p), date_matches),
                **{role: single(g.get(role), p.get(role), date_matches) for role in DATE_ROLES}}
    return _by_part(docs, predicted, counts_of)


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
