"""Pipelines, factories, entry points and serialization."""
import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

import breachnlp
from breachnlp.api import make_doc
from breachnlp.components.assemble import score_breach
from breachnlp.corpus import gold_examples, read_jsonl
from breachnlp.evaluate import FIELDS, evaluate
from breachnlp.pipeline import COMPONENTS, _disable_unheard_tok2vec, base_model_name
from breachnlp.taxonomy import LANGS

TEXT_FR = "La clinique des Tilleuls a été victime d'un piratage en mars 2024 : les noms de 12 400 patients ont été volés."


def test_pipeline_factories_are_registered_as_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= names


@pytest.mark.parametrize("lang", LANGS)
def test_pipeline_load_adds_every_component_after_the_model(nlps, lang):
    assert nlps[lang].pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    assert nlps[lang].lang == lang


def test_pipeline_component_works_alone_in_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("breach_records")
    doc = nlp("Hackers stole the records of 48,312 members.")
    span = doc.spans["breach_records"][0]
    assert (span.text, span._.records_value, span._.records_unit) == ("48,312", 48312, "people")


def test_pipeline_fast_profile_needs_no_statistical_model():
    nlp = breachnlp.load("fr", profile="fast")
    assert nlp.pipe_names == list(COMPONENTS)
    result = nlp(make_doc(nlp, TEXT_FR, "2024-04-02"))._.breach
    assert result.records.value == 12400 and result.phi == {"name": "affirmed"}


def test_pipeline_to_disk_and_back_gives_the_same_result(tmp_path, blank_fr):
    blank_fr.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "breach_phi" / "resources" / "fr" / "phi.yml").exists()
    reloaded = spacy.load(tmp_path / "pipe")
    doc_a = blank_fr(make_doc(blank_fr, TEXT_FR, "2024-04-02"))
    doc_b = reloaded(make_doc(reloaded, TEXT_FR, "2024-04-02"))
    assert doc_a._.breach.to_dict() == doc_b._.breach.to_dict()


def test_pipeline_to_bytes_round_trip(blank_fr):
    component = blank_fr.get_pipe("breach_dates")
    data = component.to_bytes()
    component.from_bytes(data)
    doc = blank_fr(make_doc(blank_fr, TEXT_FR, "2024-04-02"))
    assert doc._.breach.date.occurred == "2024-03"


def test_pipeline_docbin_keeps_span_groups_and_extensions(blank_fr):
    doc = blank_fr(make_doc(blank_fr, TEXT_FR, "2024-04-02"))
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(blank_fr.vocab))[0]
    assert restored._.breach.to_dict() == doc._.breach.to_dict()


def test_pipeline_extract_result_is_json_with_evidence():
    result = breachnlp.extract(TEXT_FR, lang="fr", published="2024-04-02")
    data = json.loads(json.dumps(result.to_record(id="t", text=TEXT_FR)))
    assert data["breach"]["organization"].lower() == "clinique des tilleuls"
    for span in data["spans"]:
        assert TEXT_FR[span["start"]:span["end"]] == span["text"]
    assert {s["label"] for s in data["spans"]} == {"BREACH_ORG", "RECORD_COUNT", "BREACH_DATE", "PHI"}


@pytest.mark.parametrize("text,lang", [
    ("Les données de milliers de patients ont été volées par des pirates.", "fr"),
    ("The data of thousands of patients was stolen by hackers.", "en"),
])
def test_pipeline_detects_the_language(text, lang):
    assert breachnlp.detect_language(text) == lang


@pytest.mark.parametrize("lang", LANGS)
def test_pipeline_accurate_profile_skips_the_shared_tok2vec_without_changing_entities(nlps, lang):
    # the NER of the *_core_* models embeds tokens itself: the shared layer fed only the parser
    nlp = nlps[lang]
    assert "tok2vec" not in nlp.pipe_names and "ner" in nlp.pipe_names
    full = spacy.load(base_model_name(lang), exclude=["parser", "tagger", "morphologizer", "lemmatizer",
                                                       "attribute_ruler", "senter"])
    assert "tok2vec" in full.pipe_names
    text = ("Le Centre hospitalier de Montreval et la CNIL ont confirmé la fuite." if lang == "fr"
            else "Ridgeline Health told the HHS Office for Civil Rights about the breach.")
    assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in full(text).ents]


def test_pipeline_keeps_a_tok2vec_that_a_component_listens_to():
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    nlp.add_pipe("tagger", config={"model": {"@architectures": "spacy.Tagger.v2", "tok2vec": listener}})
    _disable_unheard_tok2vec(nlp)
    assert "tok2vec" in nlp.pipe_names
    nlp.remove_pipe("tagger")
    _disable_unheard_tok2vec(nlp)
    assert "tok2vec" not in nlp.pipe_names


# ------------------------------------------------------------------ pipe
MIXED = [
    {"id": "fr-a", "lang": "fr", "published": "2024-04-02", "text": TEXT_FR},
    {"id": 17, "published": "2024-03-14",
     "text": "Riverbend Medical Group said hackers accessed the records of more than 48,000 patients in January."},
    "Lakeshore Dental Partners disclosed that an attacker copied the files of 5,200 patients.",
    {"id": "fr-b", "text": "Le laboratoire Vermeil a signalé le vol des résultats d'analyses de 3 000 patients."},
]


def test_pipeline_pipe_keeps_each_input_id_on_its_result():
    results = list(breachnlp.pipe(MIXED, profile="fast"))
    assert [r.id for r in results] == ["fr-a", 17, None, "fr-b"]
    assert [r.records.value for r in results] == [12400, 48000, 5200, 3000]
    assert results[0] == breachnlp.extract(TEXT_FR, lang="fr", published="2024-04-02", profile="fast")
    assert results[0].to_record()["id"] == "fr-a" and results[0].to_record(id="other")["id"] == "other"
    assert "id" not in results[0].to_dict()


def test_pipeline_pipe_as_tuples_passes_each_context_through():
    contexts = [{"row": i} for i in range(len(MIXED))]
    pairs = list(breachnlp.pipe(zip(MIXED, contexts), profile="fast", as_tuples=True))
    assert [context for _, context in pairs] == contexts
    assert [result.id for result, _ in pairs] == ["fr-a", 17, None, "fr-b"]
    assert [result for result, _ in pairs] == list(breachnlp.pipe(MIXED, profile="fast"))


# ------------------------------------------------------------------ nlp.evaluate and nlp.meta
CORPUS_FR = Path(__file__).resolve().parents[1] / "corpus" / "fr.jsonl"


def test_pipeline_scorer_is_registered_as_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_scorers")}
    assert "breachnlp.breach_scorer.v1" in names
    assert spacy.registry.scorers.get("breachnlp.breach_scorer.v1")() is score_breach


def test_pipeline_nlp_evaluate_scores_each_breach_field_as_breachnlp_evaluate_does(nlp_fr):
    golds = list(read_jsonl(CORPUS_FR))[:12]
    scores = nlp_fr.evaluate(gold_examples(nlp_fr, golds))
    predictions = [doc._.breach.to_record() for doc in
                   (nlp_fr(make_doc(nlp_fr, g["text"], g["published"])) for g in golds)]
    report = evaluate(zip(golds, predictions))
    for field in FIELDS:
        counts = report.fields[field]
        assert (scores[f"breach_{field}_p"], scores[f"breach_{field}_r"], scores[f"breach_{field}_f"]) == \
            pytest.approx((counts.p, counts.r, counts.f)), field
    assert scores["breach_macro_f"] == pytest.approx(report.macro_f1)
    assert set(scores["breach_date_roles_per_type"]) == {"occurred", "discovered", "disclosed"}
    assert 0.5 < scores["breach_macro_f"] <= 1.0


def test_pipeline_nlp_evaluate_without_gold_scores_none(blank_fr):
    examples = gold_examples(blank_fr, [{"text": TEXT_FR, "published": "2024-04-02"}])
    scores = blank_fr.evaluate(examples)
    assert scores["breach_macro_f"] is None and scores["breach_records_f"] is None


def test_pipeline_nlp_evaluate_reads_a_gold_file_and_weights_the_macro_f1(blank_fr):
    examples = gold_examples(blank_fr, CORPUS_FR)
    assert len(examples) == len(list(read_jsonl(CORPUS_FR)))
    assert examples[0].predicted._.published == examples[0].reference._.published is not None
    assert examples[0].reference._.breach_gold["organization"]
    weights = blank_fr.config["training"]["score_weights"]
    assert weights["breach_macro_f"] == 1.0 and weights["breach_organization_f"] == 0.0


@pytest.mark.parametrize("lang", LANGS)
def test_pipeline_meta_names_breachnlp_and_the_base_model_actually_used(nlps, lang):
    meta = nlps[lang].meta
    assert meta["name"] == "breachnlp" and meta["version"] == breachnlp.__version__
    assert meta["requirements"] == [f"breachnlp>={breachnlp.__version__}"]
    base = meta["breachnlp"]["base_model"]
    assert base["name"] == base_model_name(lang) and base["version"].startswith("3.8")
    assert meta["sources"][0]["name"] == f"{base['name']} {base['version']}"
    assert base["license"] in meta["license"] and "MIT" in meta["license"]
    fast = breachnlp.load(lang, profile="fast").meta
    assert fast["breachnlp"] == {"version": breachnlp.__version__, "profile": "fast", "base_model": None}


def test_pipeline_saved_pipeline_keeps_the_meta_and_spacy_package_requires_breachnlp(tmp_path, nlps):
    from spacy.cli.package import get_meta

    nlps["fr"].to_disk(tmp_path / "fr_pipeline")
    saved = json.loads((tmp_path / "fr_pipeline" / "meta.json").read_text(encoding="utf-8"))
    assert saved["name"] == "breachnlp" and saved["breachnlp"]["base_model"]["name"] == "fr_core_news_md"
    assert "LGPL-LR" in saved["license"]
    reloaded = spacy.load(tmp_path / "fr_pipeline")
    assert reloaded.meta["breachnlp"] == nlps["fr"].meta["breachnlp"]
    assert reloaded.get_pipe("breach_assemble").scorer is score_breach
    requirements = get_meta(tmp_path / "fr_pipeline", {})["requirements"]
    assert [r for r in requirements if r.startswith("breachnlp")] == [f"breachnlp>={breachnlp.__version__}"]
