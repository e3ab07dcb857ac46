"""Pure scoring functions, on hand-made records (spec `## Scoring`)."""
import pytest

from breachnlp.evaluate import Counts, date_matches, differences, evaluate, score_document, single, span_counts
from breachnlp.schema import BreachDates, BreachRecord, RecordCount
from breachnlp.taxonomy import LANGS


@pytest.mark.parametrize("gold,pred,expected", [
    (None, None, (0, 0, 0)),
    (None, 5, (0, 1, 0)),
    (5, None, (0, 0, 1)),
    (5, 5, (1, 0, 0)),
    (5, 6, (0, 1, 1)),
])
def test_evaluate_single_field_null_combinations(gold, pred, expected):
    c = single(gold, pred, lambda g, p: g == p)
    assert (c.tp, c.fp, c.fn) == expected


@pytest.mark.parametrize("gold,pred,ok", [
    ("2024-05", "2024-05-12", True), ("2024-05", "2024", False), ("2024", "2024-05", True),
    ("2024-02-16/2024-05-12", "2024-02-16", True), ("2024-02-16/2024-05-12", "2024-02", False),
    ("2024-02", "2024-02-16/2024-05-12", True), ("2024-05-12", "2024-05-13", False),
])
def test_evaluate_dates_match_at_gold_granularity(gold, pred, ok):
    assert date_matches(gold, pred) is ok


def test_evaluate_organization_matches_fuzzily_with_aliases():
    gold = BreachRecord(organization="Centre hospitalier d'Armentières", organization_aliases=("CHA",))
    assert score_document(gold, BreachRecord(organization="centre hospitalier d’Armentieres"))["organization"].tp == 1
    assert score_document(gold, BreachRecord(organization="CHA"))["organization"].tp == 1
    assert score_document(gold, BreachRecord(organization="Clinique des Lilas"))["organization"].fp == 1


@pytest.mark.parametrize("gold,pred,ok", [
    ("CHU de Poitiers", "CHU", False),                      # a missing word counts
    ("Banner Health", "Banner Health Affects 3.7M Individuals", False),  # so does an extra one
    ("Hôpital Saint-Joseph", "hopital saint joseph", True),  # case, accents, punctuation folded
    ("Lilas Clinic Group", "Group Lilas Clinic", True),      # word order is free
    ("AP-HM", "APHM", False), ("HSE", "hse", True),          # 3 characters or fewer: equal only
    ("Kettering Health", "Kettering Healths", True),         # one letter off in a long name
])
def test_evaluate_organization_match_is_strict(gold, pred, ok):
    record = BreachRecord(organization=gold)
    assert (score_document(record, BreachRecord(organization=pred))["organization"].tp == 1) is ok


def test_evaluate_primary_date_is_occurred_else_disclosed_else_discovered():
    gold = BreachRecord(date=BreachDates(occurred=None, discovered="2024-03-01", disclosed="2024-03-10"))
    pred = BreachRecord(date=BreachDates(occurred=None, discovered=None, disclosed="2024-03-10"))
    scores = score_document(gold, pred)
    assert scores["date"].tp == 1
    assert (scores["date_roles"].tp, scores["date_roles"].fn) == (1, 1)


def test_evaluate_phi_category_ignores_negated_but_status_counts_them():
    gold = BreachRecord(phi={"name": "affirmed", "financial": "negated"})
    pred = BreachRecord(phi={"name": "hedged", "financial": "affirmed"})
    scores = score_document(gold, pred)
    assert (scores["phi_category"].tp, scores["phi_category"].fp, scores["phi_category"].fn) == (1, 1, 0)
    assert (scores["phi_status"].tp, scores["phi_status"].fp, scores["phi_status"].fn) == (0, 2, 2)


def test_evaluate_missing_prediction_counts_as_all_null():
    gold = {"id": "x", "breach": {"organization": "Acme", "records": {"value": 10, "unit": "people", "qualifier": "exact"},
                                  "date": {"occurred": "2024"}, "phi": {"name": "affirmed"}}}
    report = evaluate([(gold, None)])
    assert report.fields["organization"].fn == 1 and report.fields["records"].fn == 1
    assert report.fields["phi_status"].fn == 1 and report.macro_f1 == 0.0


def test_evaluate_annotated_only_skips_null_gold_fields():
    gold = {"id": "x", "breach": {"organization": None, "records": {"value": 10, "unit": "people", "qualifier": "exact"},
                                  "date": {}, "phi": {}}}
    pred = {"id": "x", "breach": {"organization": "Acme", "records": {"value": 10}, "date": {"occurred": "2020"}, "phi": {"name": "affirmed"}}}
    report = evaluate([(gold, pred)], annotated_only=True)
    assert report.fields["organization"].fp == 0 and report.fields["records"].tp == 1
    assert report.macro_f1 == 1.0  # only records is scored
    full = evaluate([(gold, pred)])
    assert full.fields["organization"].fp == 1


def test_evaluate_report_json_has_the_spec_keys():
    data = evaluate([]).to_dict()
    for key in ("organization", "records", "date", "date_roles", "phi_category", "phi_status", "macro_f1"):
        assert key in data
    assert set(data["records"]) >= {"p", "r", "f", "tp", "fp", "fn"}


def test_evaluate_span_counts_exact_and_overlap():
    gold = [{"start": 0, "end": 5, "label": "PHI"}, {"start": 10, "end": 20, "label": "PHI"}]
    pred = [{"start": 0, "end": 5, "label": "PHI"}, {"start": 12, "end": 15, "label": "PHI"}, {"start": 30, "end": 33, "label": "PHI"}]
    counts = span_counts(gold, pred)["PHI"]
    assert (counts["exact"].tp, counts["exact"].fp, counts["exact"].fn) == (1, 2, 1)
    assert (counts["overlap"].tp, counts["overlap"].fp, counts["overlap"].fn) == (2, 1, 0)


def test_evaluate_counts_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.p == 0.75 and c.r == 0.6 and abs(c.f - 2 * 0.75 * 0.6 / 1.35) < 1e-9
    assert RecordCount.from_dict(None) is None


def test_evaluate_date_roles_are_also_counted_role_by_role():
    gold = {"id": "a", "breach": {"date": {"occurred": "2024-03", "discovered": "2024-03-01", "disclosed": None}}}
    pred = {"id": "a", "breach": {"date": {"occurred": "2024-03-05", "discovered": None, "disclosed": "2024-03-10"}}}
    report = evaluate([(gold, pred)])
    by_role = {role: (c.tp, c.fp, c.fn) for role, c in report.date_by_role.items()}
    assert by_role == {"occurred": (1, 0, 0), "discovered": (0, 0, 1), "disclosed": (0, 1, 0)}
    assert report.to_dict()["date_by_role"]["disclosed"]["fp"] == 1


# ---------------------------------------------------------------- an independent scorer
def _independent_scores(pairs):
    """The spec's scoring written again from its text alone (no breachnlp code), to check
    ``evaluate`` against: strict names (NFKD, casefold, non-alphanumeric runs to one space,
    token_sort_ratio >= 90, short names equal), dates at the gold's granularity, sets for PHI."""
    import re
    import unicodedata

    from rapidfuzz import fuzz

    def norm(s):
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().casefold()
        return re.sub(r"[^a-z0-9]+", " ", s).strip()

    def org_ok(gold, pred):
        p = norm(pred)
        for name in [gold["organization"], *(gold.get("organization_aliases") or [])]:
            g = norm(name or "")
            if g and (g == p if min(len(g), len(p)) <= 3 else fuzz.token_sort_ratio(g, p) >= 90):
                return True
        return False

    def date_ok(gold, pred):
        g, p = gold.split("/")[0], pred.split("/")[0]
        return len(p) >= len(g) and p.startswith(g)

    def primary(d):
        d = d or {}
        return d.get("occurred") or d.get("disclosed") or d.get("discovered")

    counts = {f: [0, 0, 0] for f in ("organization", "records", "date", "phi_status")}

    def add(field, g, p, ok):
        c = counts[field]
        if g is None and p is None:
            return
        if g is None:
            c[1] += 1
        elif p is None:
            c[2] += 1
        elif ok(g, p):
            c[0] += 1
        else:
            c[1] += 1
            c[2] += 1

    for gold, pred in pairs:
        g, p = gold["breach"], (pred or {}).get("breach") or {}
        add("organization", g["organization"] and g, p.get("organization"), lambda a, b: org_ok(a, b))
        add("records", (g["records"] or {}).get("value"), (p.get("records") or {}).get("value"), lambda a, b: a == b)
        add("date", primary(g["date"]), primary(p.get("date")), date_ok)
        gs, ps = set((g["phi"] or {}).items()), set((p.get("phi") or {}).items())
        c = counts["phi_status"]
        c[0] += len(gs & ps)
        c[1] += len(ps - gs)
        c[2] += len(gs - ps)

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return {f: f1(*c) for f, c in counts.items()}


def _perturbed(record, i):
    """A prediction with realistic errors: names cut, padded or swapped, counts and dates off."""
    import copy

    pred = copy.deepcopy(record)
    b = pred["breach"]
    name = b.get("organization")
    if name and i % 5 == 1:
        b["organization"] = name.split()[0]                       # "CHU" for "CHU de Poitiers"
    elif name and i % 5 == 2:
        b["organization"] = name + " Affects Thousands"           # a headline verb glued on
    elif name and i % 5 == 3:
        b["organization"] = " ".join(reversed(name.split()))      # word order
    b["organization_aliases"] = []
    if b.get("records") and i % 4 == 0:
        b["records"]["value"] += 1
    if i % 6 == 0:
        b["date"] = {"occurred": "2001", "discovered": None, "disclosed": None}
    if i % 3 == 0 and b.get("phi"):
        b["phi"] = dict(list(b["phi"].items())[1:]) | {"sex": "hedged"}
    return pred


def test_evaluate_agrees_with_an_independent_scorer_on_the_corpus():
    import json
    from pathlib import Path

    gold = [json.loads(line) for lang in LANGS
            for line in (Path(__file__).parents[1] / "corpus" / f"{lang}.jsonl").read_text("utf-8").splitlines()]
    pairs = [(g, _perturbed(g, i) if i % 7 else None) for i, g in enumerate(gold)]
    ours = evaluate(pairs)
    theirs = _independent_scores(pairs)
    for field, f in theirs.items():
        assert abs(ours.fields[field].f - f) <= 0.005, field
    assert 0.3 < theirs["organization"] < 0.9  # the perturbations do bite


def test_evaluate_differences_one_item_per_value_that_differs():
    gold = {"id": "d1", "other_organizations": ["CNIL"],
            "breach": {"organization": "Clinique Ormeau", "records": {"value": 3200, "unit": "people", "qualifier": "exact"},
                       "date": {"occurred": "2024-05", "discovered": None, "disclosed": "2024-06-02"},
                       "phi": {"name": "affirmed", "national_id": "hedged", "financial": "negated"}}}
    pred = {"id": "d1",
            "breach": {"organization": "CNIL", "records": {"value": 3200, "unit": "people", "qualifier": "exact"},
                       "date": {"occurred": "2024-05-12", "discovered": "2024-05-20", "disclosed": None},
                       "phi": {"name": "affirmed", "national_id": "affirmed", "email": "affirmed"}}}
    found = {d["field"]: (d["gold"], d["predicted"]) for d in differences(gold, pred)}
    assert found == {"organization": ("Clinique Ormeau", "CNIL"),
                     "date.discovered": (None, "2024-05-20"), "date.disclosed": ("2024-06-02", None),
                     "phi.national_id": ("hedged", "affirmed"), "phi.email": (None, "affirmed"),
                     "phi.financial": ("negated", None)}
    assert next(d for d in differences(gold, pred) if d["field"] == "organization")["confusion"] == "CNIL"
    assert differences(gold, pred, fields=("records",)) == []


def test_evaluate_reliability_bins_confidence_against_gold():
    from breachnlp.evaluate import reliability

    gold = {"breach": {"organization": "Kestrel Health", "organization_aliases": [], "records": None,
                       "date": {"occurred": None, "discovered": None, "disclosed": None}, "phi": {}}}
    right = {"breach": {"organization": "Kestrel Health"}, "confidence": {"organization": 0.9}}
    wrong = {"breach": {"organization": "Police"}, "confidence": {"organization": 0.3}}
    null = {"breach": {"organization": None}, "confidence": {"organization": 0.85}}
    table = reliability([(gold, right), (gold, wrong), (gold, right), (gold, null)])["organization"]
    assert table["n"] == 4 and table["right"] == 0.5
    assert table["coverage"] == 0.75 and round(table["right_above"], 2) == 0.67
    assert {b["from"]: (b["n"], b["right"]) for b in table["bins"]} == {0.2: (1, 0.0), 0.8: (3, 0.6667)}
