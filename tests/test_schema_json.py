"""docs/schema.json: the JSON Schema of an annotated output line, checked against real output."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from breachnlp import cli
from breachnlp.taxonomy import DATE_ROLES, LABELS, LANGS, PHI_CATEGORIES, PHI_STATUSES, QUALIFIERS, UNITS

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "schema.json"
SEEDS = ROOT.parent / "shared" / "seeds" / "gold.jsonl"

# Our own sentences, one per line of the annotate input, plus lines that must become error lines.
INPUT_LINES = [
    {"id": "fr-a", "lang": "fr", "published": "2024-02-09",
     "text": "Le centre de radiologie Iroise a été piraté la semaine dernière. Les noms, dates de naissance et "
             "comptes rendus d'imagerie de 2 750 patients ont été publiés. Aucune coordonnée bancaire n'est concernée."},
    {"id": "en-a", "lang": "en", "published": "2023-10-30",
     "text": "Harbor Pediatrics said on Friday that an intruder may have viewed the addresses and insurance member "
             "numbers of roughly 9,000 families between August 2 and August 19.", "source": "wire"},
    {"id": "undated", "text": "Les identifiants de connexion de 120 salariés de la société Bréhat Logistique ont fuité."},
    {"id": "empty", "lang": "en", "published": None, "text": ""},
]
BAD_LINES = ['{"id": "no-text"}', "not json at all", '{"id": "bad-lang", "lang": "de", "text": "Hallo"}']


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema")
    source = folder / "in.jsonl"
    lines = [json.dumps(line, ensure_ascii=False) for line in INPUT_LINES] + BAD_LINES
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "out.jsonl"
    assert cli.main(["annotate", str(source), "-o", str(out), "--quiet"]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _errors(validator, line):
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(line)]


def test_schema_json_is_a_valid_draft_2020_12_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_json_annotator_output_validates(validator, annotated):
    assert len(annotated) == len(INPUT_LINES) + len(BAD_LINES)
    for line in annotated:
        assert _errors(validator, line) == [], line.get("id")
    assert sum("error" in line for line in annotated) == len(BAD_LINES)


def test_schema_json_output_spans_are_checked_too(validator, annotated):
    spans = [span for line in annotated if "spans" in line for span in line["spans"]]
    assert spans, "the annotated sentences should give evidence"
    line = copy.deepcopy(next(line for line in annotated if line.get("spans")))
    line["spans"][0]["label"] = "ORG"
    assert _errors(validator, line)


@pytest.mark.parametrize("path", ["corpus/fr.jsonl", "corpus/en.jsonl"])
def test_schema_json_corpus_validates(validator, path):
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    for raw in lines:
        line = json.loads(raw)
        assert _errors(validator, line) == [], line["id"]


def test_schema_json_seed_gold_validates(validator):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not beside the project")
    for raw in SEEDS.read_text(encoding="utf-8").splitlines():
        assert _errors(validator, json.loads(raw)) == []


GOOD = {"id": "x", "lang": "fr", "published": "2024-01-31", "text": "abc",
        "breach": {"organization": None, "organization_aliases": [], "parent_organization": None, "records": None,
                   "date": {"occurred": "2023-12/2024-01-05", "discovered": "2024", "disclosed": None}, "phi": {}},
        "other_organizations": [], "spans": []}


@pytest.mark.parametrize("path, value", [
    (("breach", "phi"), {"blood_type": "affirmed"}),
    (("breach", "phi"), {"name": "stolen"}),
    (("breach", "date", "occurred"), "2024-13"),
    (("breach", "date", "occurred"), "May 2024"),
    (("breach", "records"), {"value": 12.5, "unit": "people", "qualifier": "exact"}),
    (("breach", "records"), {"value": 12, "unit": "patients", "qualifier": "exact"}),
    (("breach", "records"), {"value": 12, "unit": "people", "qualifier": "roughly"}),
    (("breach", "surprise"), 1),
    (("lang",), "de"),
    (("published",), "2024-01"),
    (("spans",), [{"start": 0, "end": 1, "label": "PHI", "category": "name", "status": "maybe"}]),
], ids=["category", "status", "month-13", "prose-date", "float-count", "unit", "qualifier", "extra-key", "lang",
        "published-partial", "span-status"])
def test_schema_json_rejects_departures_from_the_format(validator, path, value):
    assert _errors(validator, GOOD) == []
    line = copy.deepcopy(GOOD)
    target = line
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(validator, line)


def test_schema_json_rejects_a_line_without_text(validator):
    line = copy.deepcopy(GOOD)
    del line["text"]
    assert _errors(validator, line)


def test_schema_json_vocabularies_follow_the_taxonomy(schema):
    defs = schema["$defs"]
    assert defs["phi"]["propertyNames"]["enum"] == list(PHI_CATEGORIES)
    assert defs["phi"]["additionalProperties"]["enum"] == list(PHI_STATUSES)
    assert defs["records"]["properties"]["unit"]["enum"] == list(UNITS)
    assert defs["records"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert defs["span"]["properties"]["label"]["enum"] == list(LABELS)
    assert defs["date"]["required"] == list(DATE_ROLES)
    assert defs["annotated"]["properties"]["lang"]["enum"] == list(LANGS)


def test_schema_json_doc_examples_validate(validator):
    """The JSON examples of docs/output-schema.md are lines the schema accepts."""
    page = (ROOT / "docs" / "output-schema.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in page.split("```json\n")[1:]]
    assert len(blocks) == 2
    for block in blocks:
        assert _errors(validator, json.loads(block)) == []
