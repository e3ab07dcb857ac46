"""Pure scoring functions, on hand-made records (spec `## Scoring`)."""
import pytest

from breachnlp.evaluate import Counts, date_matches, differences, evaluate, score_document, single, span_counts
from breachnlp.schema import BreachDates, BreachRecord, RecordCount


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
