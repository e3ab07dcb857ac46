"""The two set-up commands of README.md: what `make demo` and `make test` would run (dry runs)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _dry_run(target: str) -> str:
    """Every command ``make <target>`` runs from a fresh clone (``-B``: as if nothing were built)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # under `make test`
    return subprocess.run(["make", "--no-print-directory", "-n", "-B", target], cwd=ROOT, capture_output=True,
                          text=True, check=True, env=env).stdout


def test_makefile_demo_installs_the_library_without_extras():
    commands = _dry_run("demo")
    installs = [line for line in commands.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs == [".venv/bin/python -m pip install --quiet -e ."]


def test_makefile_test_installs_the_dev_extra():
    commands = _dry_run("test")
    assert re.search(r"pip install --quiet -e \"\.\[dev[^\]]*\]\"", commands)
    assert commands.rstrip().endswith("pytest -q")


def test_makefile_demo_and_test_have_their_own_stamps():
    demo, test = _dry_run("demo"), _dry_run("test")
    demo_stamp = re.search(r"touch (\S+)", demo).group(1)
    test_stamp = re.search(r"touch (\S+)", test).group(1)
    assert demo_stamp != test_stamp
    # either may come first: each creates the venv it needs
    assert "-m venv .venv" in demo and "-m venv .venv" in test


def test_makefile_demo_uses_only_what_the_repository_ships():
    commands = _dry_run("demo")
    assert "../" not in commands
    for path in re.findall(r"breachnlp \w+ (\S+)", commands):
        if not path.startswith("out/"):
            assert (ROOT / path).exists(), path


def test_makefile_demo_renders_an_article_of_the_corpus_and_prints_scores():
    commands = _dry_run("demo")
    render = re.search(r"breachnlp render (\S+) --id (\S+) -o (\S+)", commands)
    assert render is not None
    ids = {json.loads(line)["id"] for line in (ROOT / render.group(1)).read_text(encoding="utf-8").splitlines()}
    assert render.group(2) in ids
    assert re.findall(r"breachnlp evaluate corpus/(\w+)\.jsonl --pred out/\1\.annotated\.jsonl", commands) == ["fr", "en"]
