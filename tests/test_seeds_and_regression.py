"""The seed articles come out fully right; the corpus does not regress below the recorded figures."""
import json
from pathlib import Path

import pytest

import breachnlp
from breachnlp.corpus import read_jsonl
from breachnlp.evaluate import FIELDS, evaluate
from breachnlp.taxonomy import LANGS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds" / "gold.jsonl"
RECORDED = json.loads((ROOT / "docs" / "evaluation.json").read_text(encoding="utf-8"))


def predictions(gold):
    return [(g, r.to_record(id=g["id"])) for g, r in zip(gold, breachnlp.pipe(gold))]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the repository")
def test_seeds_score_one_on_every_field():
    report = evaluate(predictions(list(read_jsonl(SEEDS))))
    assert {f: report.fields[f].f for f in FIELDS} == {f: 1.0 for f in FIELDS}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_corpus_macro_f1_does_not_drop_below_the_recorded_figure(lang):
    report = evaluate(predictions(list(read_jsonl(ROOT / "corpus" / f"{lang}.jsonl"))))
    recorded = RECORDED[f"corpus-{lang}"]["macro_f1"]
    assert report.macro_f1 >= recorded - 0.02, f"{lang} macro F1 {report.macro_f1:.3f} < recorded {recorded:.3f} - 0.02"
