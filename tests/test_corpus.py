"""The gold corpus follows the spec, is in sync with its sources and covers what it claims."""
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from breachnlp.corpus import build_corpus, is_partial_date, read_jsonl, validate_record
from breachnlp.taxonomy import LANGS, PHI_CATEGORIES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = {lang: list(read_jsonl(ROOT / "corpus" / f"{lang}.jsonl")) for lang in LANGS}
SEEDS = ROOT.parent / "shared" / "seeds" / "gold.jsonl"


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_every_line_is_valid_gold(lang):
    problems = {r["id"]: validate_record(r) for r in CORPUS[lang]}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_has_at_least_sixty_articles_per_language(lang):
    assert len(CORPUS[lang]) >= 60
    assert all(r["lang"] == lang for r in CORPUS[lang])


def test_corpus_jsonl_is_built_from_the_current_sources():
    with tempfile.TemporaryDirectory() as out:
        build_corpus(ROOT / "corpus" / "src", out)
        for lang in LANGS:
            rebuilt = (Path(out) / f"{lang}.jsonl").read_text(encoding="utf-8")
            assert rebuilt == (ROOT / "corpus" / f"{lang}.jsonl").read_text(encoding="utf-8"), \
                "run `make corpus` after editing corpus/src"


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_covers_every_taxonomy_category_and_every_status(lang):
    categories = Counter(c for r in CORPUS[lang] for c in r["breach"]["phi"])
    statuses = Counter(s for r in CORPUS[lang] for s in r["breach"]["phi"].values())
    assert set(PHI_CATEGORIES) <= set(categories)
    assert {"affirmed", "negated", "hedged"} <= set(statuses)


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_covers_null_gold_and_every_qualifier_unit_and_role(lang):
    records = [r["breach"] for r in CORPUS[lang]]
    assert any(b["organization"] is None for b in records)
    assert any(b["records"] is None for b in records)
    assert any(all(v is None for v in b["date"].values()) for b in records)
    assert {b["records"]["qualifier"] for b in records if b["records"]} == {"exact", "approx", "at_least", "at_most"}
    assert {"people", "records", "appointments", "accounts", "files"} <= {b["records"]["unit"] for b in records if b["records"]}
    for role in ("occurred", "discovered", "disclosed"):
        assert any(b["date"][role] for b in records)
    assert any("/" in (b["date"]["occurred"] or "") for b in records)


def test_corpus_no_text_repeats_its_title():
    for r in CORPUS["fr"] + CORPUS["en"]:
        if r.get("title"):
            first_line = r["text"].lstrip().split("\n", 1)[0]
            assert " ".join(first_line.split()) != " ".join(r["title"].split()), r["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_headlines_come_in_all_three_shapes_of_real_input(lang):
    """Headline in ``title``, as the first line of ``text``, or none at least a quarter each."""
    records = CORPUS[lang]
    assert sum(1 for r in records if r.get("title")) >= len(records) / 4
    shaped = Counter(r["headline"] for r in records if "headline" in r)
    assert shaped["first_line"] >= sum(shaped.values()) / 4
    assert shaped["none"] >= sum(shaped.values()) / 4


def test_corpus_genres_cover_briefs_features_letters_decisions_and_forums():
    genres = Counter(r.get("genre") for lang in CORPUS for r in CORPUS[lang])
    assert {"news", "brief", "feature", "letter", "decision", "forum"} <= set(genres)


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_spans_back_the_gold_values(lang):
    for r in CORPUS[lang]:
        if "spans" not in r:
            continue  # first-sight articles carry no spans (corpus/README.md)
        labels = Counter(s["label"] for s in r["spans"])
        b = r["breach"]
        title = (r.get("title") or "").casefold()
        if b["organization"]:
            named = [n for n in (b["organization"], *b["organization_aliases"]) if n.casefold() in title]
            assert labels["BREACH_ORG"] or named, r["id"]
        if b["records"]:
            assert labels["RECORD_COUNT"] or r.get("title"), r["id"]
        tagged = {s.get("category") for s in r["spans"] if s["label"] == "PHI"}
        assert set(b["phi"]) <= tagged, r["id"]


def test_corpus_texts_are_not_the_seed_articles():
    seeds = [json.loads(line)["text"] if "text" in line else "" for line in SEEDS.read_text(encoding="utf-8").splitlines()] \
        if SEEDS.exists() else []
    seed_sentences = {s.strip() for text in seeds for s in text.split(".") if len(s.strip()) > 40}
    for lang in CORPUS:
        for r in CORPUS[lang]:
            assert not any(s in r["text"] for s in seed_sentences), r["id"]


@pytest.mark.parametrize("value,ok", [("2024", True), ("2024-05", True), ("2024-05-12", True), ("2024-02-16/2024-05-12", True),
                                      ("2024-13", False), ("24-05", False), ("2024-05-32", False), ("May 2024", False)])
def test_corpus_partial_date_check(value, ok):
    assert is_partial_date(value) is ok


def test_corpus_validator_names_each_problem():
    bad = {"id": "x", "lang": "de", "text": "abc", "published": "12/05/2024",
           "breach": {"organization": "A", "organization_aliases": [], "parent_organization": None,
                      "records": {"value": "12", "unit": "patients", "qualifier": "about"},
                      "date": {"occurred": "May 2024"}, "phi": {"dna": "affirmed", "name": "maybe"}},
           "spans": [{"start": 0, "end": 9, "label": "PHI"}, {"start": 0, "end": 2, "label": "ORG", "text": "zz"}]}
    problems = " | ".join(validate_record(bad))
    for needle in ("'lang'", "'published'", "records.value", "records.unit", "records.qualifier", "date.occurred",
                   "unknown category 'dna'", "breach.phi.name", "not inside the text", "label must be", "differs"):
        assert needle in problems
